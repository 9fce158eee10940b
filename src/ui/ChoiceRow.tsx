import type { ReactNode } from 'react';

type ChoiceRowProps<V extends string | number> = {
  /** Names the row for screen readers (and the tests that find it by role and name). */
  label: string;
  options: readonly V[];
  /** The chosen option; null while none is (nothing stored yet). */
  value: V | null;
  /** Called on every tap, the chosen option's too: a caller that must not save twice checks. */
  onChoose: (option: V) => void;
  /** The text on an option's button. */
  optionLabel: (option: V) => ReactNode;
  /** The row's class: buttons side by side ('segmented') unless told otherwise. */
  className?: string;
  /** An option's class: 'btn' unless told otherwise (the fuel gauge fills its steps). */
  optionClass?: (option: V) => string;
  disabled?: boolean;
};

/**
 * One of a few options, tapped: a radiogroup of large buttons, each a radio with aria-checked,
 * so a screen reader says which is chosen and a test finds each option by its label.
 */
export function ChoiceRow<V extends string | number>({
  label,
  options,
  value,
  onChoose,
  optionLabel,
  className = 'segmented',
  optionClass = () => 'btn',
  disabled,
}: ChoiceRowProps<V>) {
  return (
    <div className={className} role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={option === value}
          className={optionClass(option)}
          disabled={disabled}
          onClick={() => onChoose(option)}
        >
          {optionLabel(option)}
        </button>
      ))}
    </div>
  );
}
