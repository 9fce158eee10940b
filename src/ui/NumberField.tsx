import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Field } from './Field.tsx';
import { useI18n } from './i18n.tsx';
import type { MessageKey } from './messages.ts';
import { journalClear, journalRead, journalWrite } from './typing-journal.ts';
import { reportSaveState, type SaveState } from './unsaved-input.ts';

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
  /**
   * Where a typed value not yet back from IndexedDB is copied synchronously (ui/typing-journal),
   * so a reload right after the last key cannot lose it: the box writes it again when shown.
   */
  journalKey?: string;
};

/**
 * A number typed as text (inputMode decimal: a keypad with a point), written as it is typed:
 * each keystroke that makes a valid number is handed to onCommit at once, so a reload right
 * after the last key finds it stored (no waiting for blur). Text that does not parse is
 * refused on blur with a message next to it and stays on screen for fixing; nothing is saved
 * until it parses. While the advisor types, a change arriving from elsewhere (sync, another
 * field) does not overwrite the box.
 *
 * The box reports its save state to ui/unsaved-input from what it is given back, never from
 * what it sent: `value` comes live from IndexedDB, so the box is "saved" only once the stored
 * value equals what is typed; "saving" while a sent value has not come back; "pending" while
 * the text does not parse (it sits only on screen).
 */
export function NumberField<V extends number | null>({ label, value, format, parse, onCommit, prefix, suffix, hint, className, journalKey }: NumberFieldProps<V>) {
  const { t } = useI18n();
  const source = useId();
  const [recovered] = useState(() => recoverTyped(journalKey, value, format, parse));
  const [draft, setDraft] = useState<string | null>(recovered ? format(recovered.value) : null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [editing, setEditing] = useState(false);
  const [shownValue, setShownValue] = useState(value);
  // The last value handed to onCommit, so one value is not sent twice (typing, then blur).
  const sent = useRef<{ value: V } | null>(null);

  // A new stored value replaces the draft, unless the advisor is typing or fixing a refusal.
  if (shownValue !== value) {
    setShownValue(value);
    if (!editing && error === null) setDraft(null);
  }

  // The stored value as the box would read it back: a bill discount of 0 is stored as 0 but
  // given as null (an empty box), and an empty box parses to 0 again.
  const storedText = parse(format(value));
  const stored = storedText.ok ? storedText.value : value;
  const parsed = draft === null ? null : parse(draft);
  const saveState: Exclude<SaveState['status'], 'failed'> =
    parsed === null || (parsed.ok && parsed.value === stored) ? 'saved' : parsed.ok ? 'saving' : 'pending';
  useEffect(() => reportSaveState(source, { status: saveState }), [saveState, source]);
  useEffect(() => () => reportSaveState(source, { status: 'saved' }), [source]);

  // Once the stored value is what was sent, the next keystroke is compared with the store again.
  useEffect(() => {
    if (sent.current && sent.current.value === stored) {
      sent.current = null;
      if (journalKey) journalClear(journalKey);
    }
  }, [journalKey, stored]);

  function send(next: V) {
    // Compared with the last value sent, not the stored one: that may still be on its way, and
    // typing back to the old figure must still be written after the newer one.
    if (next === (sent.current ? sent.current.value : stored)) return;
    sent.current = { value: next };
    if (journalKey) journalWrite(journalKey, next);
    onCommit(next);
  }

  // A value typed before a reload that never came back from IndexedDB: sent again, once.
  const recoverySent = useRef(false);
  useEffect(() => {
    if (!recovered || recoverySent.current) return;
    recoverySent.current = true;
    sent.current = recovered;
    onCommit(recovered.value);
  }, [onCommit, recovered]);

  function onType(text: string) {
    setDraft(text);
    const result = parse(text);
    if (result.ok) {
      if (error !== null) setError(null);
      send(result.value);
    }
  }

  function commit() {
    setEditing(false);
    if (draft === null) return;
    const result = parse(draft);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    if (result.value === stored) {
      setDraft(null);
      return;
    }
    // Shown in its tidy form until the saved value comes back through the live query.
    setDraft(format(result.value));
    send(result.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      // Enter means "done with this number", never "submit the check-in form" around us.
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      // Back to what is stored (a valid number typed is already saved: Escape drops only text
      // that never parsed).
      setDraft(null);
      setError(null);
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
              onChange={(event) => onType(event.target.value)}
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

/** What the journal holds for this box, if it parses and differs from the stored value. */
function recoverTyped<V extends number | null>(
  journalKey: string | undefined,
  value: V,
  format: (value: V) => string,
  parse: (text: string) => ParsedNumber<V>,
): { value: V } | null {
  if (!journalKey) return null;
  const left = journalRead<unknown>(journalKey);
  if (left === undefined || !(left === null || typeof left === 'number')) return null;
  const again = parse(format(left as V));
  const stored = parse(format(value));
  if (!again.ok || (stored.ok && again.value === stored.value)) {
    journalClear(journalKey);
    return null;
  }
  return { value: again.value };
}
