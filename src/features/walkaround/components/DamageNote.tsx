import { useEffect, useMemo, useRef, useState } from 'react';
import { db } from '../../../db/instance.ts';
import { updateDamage } from '../../../db/damage-repo.ts';
import type { Damage } from '../../../shared/walkaround.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { journalRead } from '../../../ui/typing-journal.ts';
import { reportSaveState } from '../../../ui/unsaved-input.ts';
import { writeThrough } from '../../../ui/write-through.ts';
import { damageNoteJournal } from '../recover-notes.ts';

const NOTE_MAX = 200;

type DamageNoteProps = { jobId: string; damage: Damage; save: (work: Promise<unknown>) => void };

/**
 * The mark's note, written to IndexedDB as it is typed (ui/write-through: one write at a time,
 * what is typed meanwhile goes in the next), so a reload right after the last key keeps it.
 * A pause-then-save lost the last half second: a write started as the page goes away is cut
 * off. Its state goes to ui/unsaved-input, so the card's header says "saved" only once the
 * note is stored, and an app update never reloads over it. While a Chinese input method is
 * composing, the pinyin waits and the chosen characters are written. What is not committed
 * is journalled synchronously and written again when the card is opened next (recover-notes).
 */
export function DamageNote({ jobId, damage, save }: DamageNoteProps) {
  const { t } = useI18n();
  const source = damageNoteJournal(jobId, damage.id);
  // A note the last page did not commit comes back from the journal (ui/typing-journal).
  const [recovered] = useState(() => {
    const left = journalRead<unknown>(source);
    return typeof left === 'string' && left !== damage.note ? left : null;
  });
  const [text, setText] = useState(recovered ?? damage.note);
  // The parent's save shows a failure banner; the writer needs the same promise for its state.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const writer = useMemo(
    () =>
      writeThrough<string>({
        write: (note) => {
          const work = updateDamage(db, jobId, damage.id, { note });
          saveRef.current(work);
          return work;
        },
        merge: (_older, newer) => newer,
        onState: (state) => reportSaveState(source, state),
        journal: source,
      }),
    [damage.id, jobId, source],
  );

  useEffect(() => {
    if (recovered !== null) writer.push(recovered);
  }, [recovered, writer]);

  // Leaving the mark (another mark, 完成, another step) writes anything still held.
  useEffect(() => () => void writer.flush(), [writer]);

  return (
    <Field label={t('damage.note')}>
      {(a11y) => (
        <textarea
          {...a11y}
          rows={2}
          maxLength={NOTE_MAX}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const composing = e.nativeEvent instanceof InputEvent && e.nativeEvent.isComposing;
            if (composing) writer.hold(e.target.value);
            else writer.push(e.target.value);
          }}
          onCompositionEnd={() => void writer.flush()}
          onBlur={() => void writer.flush()}
        />
      )}
    </Field>
  );
}
