import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Field } from './Field.tsx';
import { useI18n } from './i18n.tsx';
import type { MessageKey } from './messages.ts';
import { markUnsaved } from './unsaved-input.ts';

/** What a parse makes of the text: the value to store, or the message saying why not. */
export type ParsedNumber<V> = { ok: true; value: V } | { ok: false; error: MessageKey };

export type NumberFieldProps<V extends number | null> = {
  label: string;
  /** The stored value (fen, thousandths, basis points, km); null where "none" is a value. */
  value: V;
  format: (value: V) => string;
  parse: (text: string) => ParsedNumber<V>;
  onCommit: (value: V) => void;
  prefix?: string;
  suffix?: string | undefined;
  hint?: ReactNode;
  className?: string;
};

/**
 * A number typed as text (inputMode decimal: a keypad with a point) and checked on blur.
 * Text that does not parse is refused with a message next to it and stays on screen for
 * fixing; nothing is saved until it parses. While the advisor types, a change arriving from
 * elsewhere (sync, another field) does not overwrite the box.
 */
export function NumberField<V extends number | null>({ label, value, format, parse, onCommit, prefix, suffix, hint, className }: NumberFieldProps<V>) {
  const { t } = useI18n();
  const source = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [editing, setEditing] = useState(false);
  const [shownValue, setShownValue] = useState(value);

  // A new stored value replaces the draft, unless the advisor is typing or fixing a refusal.
  if (shownValue !== value) {
    setShownValue(value);
    if (!editing && error === null) setDraft(null);
  }

  useEffect(() => () => markUnsaved(source, false), [source]);

  function commit() {
    setEditing(false);
    if (draft === null) return;
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    markUnsaved(source, false);
    if (parsed.value === value) {
      setDraft(null);
      return;
    }
    // Shown in its tidy form until the saved value comes back through the live query.
    setDraft(format(parsed.value));
    onCommit(parsed.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      // Enter means "done with this number", never "submit the check-in form" around us.
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      setDraft(null);
      setError(null);
      markUnsaved(source, false);
    }
  }

  return (
    <div className={`number-field${className ? ` ${className}` : ''}`}>
      <Field label={label} error={error ? t('line.notSaved', { message: t(error) }) : undefined} hint={hint}>
        {(a11y) => (
          <span className="affix">
            {prefix && <span className="affix-text" aria-hidden="true">{prefix}</span>}
            <input
              {...a11y}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              enterKeyHint="done"
              value={draft ?? format(value)}
              onFocus={(event) => {
                setEditing(true);
                // Selected, so one tap and the new figure replaces the old.
                event.currentTarget.select();
              }}
              onChange={(event) => {
                setDraft(event.target.value);
                markUnsaved(source, true);
              }}
              onBlur={commit}
              onKeyDown={onKeyDown}
            />
            {/* Rendered even when empty, so rows with and without a unit line up. */}
            {suffix !== undefined && (
              <span className="affix-text" aria-hidden="true">
                {suffix}
              </span>
            )}
          </span>
        )}
      </Field>
    </div>
  );
}
