import type { ReactNode } from 'react';

/** One titled block of the customer's review. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="review-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
