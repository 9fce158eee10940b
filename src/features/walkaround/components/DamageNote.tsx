import { useCallback, useEffect, useRef, useState } from 'react';
import { db } from '../../../db/instance.ts';
import { updateDamage } from '../../../db/damage-repo.ts';
import type { Damage } from '../../../shared/walkaround.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { markUnsaved } from '../../../ui/unsaved-input.ts';

const TYPING_PAUSE_MS = 500;
const NOTE_MAX = 200;

type DamageNoteProps = { jobId: string; damage: Damage; save: (work: Promise<unknown>) => void };

/**
 * The mark's note, saved after a pause in typing, on blur and when the editor closes. Until
 * then the text is flagged unsaved, so an app update never reloads over it.
 */
export function DamageNote({ jobId, damage, save }: DamageNoteProps) {
  const { t } = useI18n();
  const [text, setText] = useState(damage.note);
  const unsaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const source = `damage-note:${damage.id}`;

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const note = unsaved.current;
    if (note === null) return;
    unsaved.current = null;
    markUnsaved(source, false);
    save(updateDamage(db, jobId, damage.id, { note }));
  }, [damage.id, jobId, save, source]);

  // Leaving the mark (another mark, 完成, another step) must not lose the last words typed.
  useEffect(() => flush, [flush]);

  function onChange(next: string) {
    setText(next);
    unsaved.current = next;
    markUnsaved(source, true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, TYPING_PAUSE_MS);
  }

  return (
    <Field label={t('damage.note')}>
      {(a11y) => (
        <textarea {...a11y} rows={2} maxLength={NOTE_MAX} value={text} onChange={(e) => onChange(e.target.value)} onBlur={flush} />
      )}
    </Field>
  );
}
