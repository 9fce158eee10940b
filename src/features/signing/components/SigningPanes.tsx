import type { ReactNode } from 'react';

type SigningPanesProps = { review: ReactNode; sign: ReactNode };

/**
 * One document in customer mode: the review scrolls on its own and the signature pad stays
 * put beside it (landscape) or under it (portrait), so the pad is in view without scrolling
 * however long the review is (customer-mode.css).
 */
export function SigningPanes({ review, sign }: SigningPanesProps) {
  return (
    <div className="customer-doc">
      <div className="customer-review">{review}</div>
      <div className="customer-sign">{sign}</div>
    </div>
  );
}
