import type { ReactNode } from 'react';

type ChipProps = {
  pressed: boolean;
  onToggle: () => void;
  children: ReactNode;
  /** Extra line under the label, e.g. the time a cover was fitted. */
  detail?: string;
  tone?: 'default' | 'warning';
};

/** A large toggle button (aria-pressed) for tap-instead-of-type choices. */
export function Chip({ pressed, onToggle, children, detail, tone = 'default' }: ChipProps) {
  return (
    <button type="button" className={`chip chip-${tone}`} aria-pressed={pressed} onClick={onToggle}>
      <span className="chip-mark" aria-hidden="true">
        {pressed ? '✓' : ''}
      </span>
      <span className="chip-label">{children}</span>
      {detail && <span className="chip-detail">{detail}</span>}
    </button>
  );
}
