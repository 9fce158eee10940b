import type { ReactNode } from 'react';

type PinHeadingProps = {
  children: ReactNode;
  /** The line under the title: what this PIN is for. */
  hint?: string;
  /** h3 inside the signing step's dialog, h2 on a screen of its own. */
  level?: 2 | 3;
  /** For a dialog named by this heading (aria-labelledby). */
  id?: string;
};

/** The title of a PIN panel (dialog or lock screen), and under it what the PIN is for. */
export function PinHeading({ children, hint, level = 2, id }: PinHeadingProps) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <>
      <Heading id={id}>{children}</Heading>
      {hint && <p className="field-hint">{hint}</p>}
    </>
  );
}

type PinBackButtonProps = { label: string; onClick: () => void };

/** The way out beside a PIN panel's main button: cancel, back, another advisor, keep the PIN. */
export function PinBackButton({ label, onClick }: PinBackButtonProps) {
  return (
    <button type="button" className="btn btn-large" onClick={onClick}>
      {label}
    </button>
  );
}
