// Saves the form to IndexedDB as the advisor works: every tap and every keystroke is written
// at once (ui/write-through), so a reload 100 ms after the last key finds it stored. Each save
// is one mutation + outbox entry (updateCard). A value the draft schema refuses (e.g. control
// characters in a name) is not saved: the header says so (pending), and the last good value
// stays stored.
//
// Why write-through and not "a pause, then flush when the page goes away": a flush started in
// pagehide, visibilitychange or beforeunload is an IndexedDB transaction the browser aborts
// when it tears the page down (commitMutation needs several round trips), so the last 0.4 s
// of typing was lost on a reload. Why not fold the keystrokes of one field into the outbox
// entry not yet sent: a push reads its batch and then waits for the server; an entry rewritten
// in that time would be deleted as acknowledged (seq <= lastSeq) with its new text never sent.
// So each write is its own entry, and writes are serialised: what is typed while one is in
// flight is merged into the next, which bounds the entries by the writes, not the keys.
// A write still needs tens of milliseconds (up to 200 ms on a loaded machine), so what is
// not yet committed is also journalled synchronously (ui/typing-journal); when the form opens
// again after a reload, the journal's patch is put in the form and written before anything.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { db } from '../../../db/instance.ts';
import { updateCard } from '../../../db/job-repo.ts';
import { isKeyedCardPart, KEYED_CARD_PARTS } from '../../../shared/apply-mutation.ts';
import { cardPatchSchema, type Card, type CardPatch } from '../../../shared/job.ts';
import { normalizePhone } from '../../../shared/phone.ts';
import { normalizePlate } from '../../../shared/plate.ts';
import { normalizeVin } from '../../../shared/vin.ts';
import { journalRead } from '../../../ui/typing-journal.ts';
import { reportSaveState, useOverallSaveState } from '../../../ui/unsaved-input.ts';
import { writeThrough } from '../../../ui/write-through.ts';

/** Normalisation the glossary sanctions (case, spaces, middle dots); nothing else is changed. */
const NORMALISE: Record<string, (value: string) => string> = {
  'vehicle.plate': normalizePlate,
  'vehicle.vin': normalizeVin,
  'customer.phone': normalizePhone,
};

export function normalisedValue(path: string, value: unknown): unknown {
  const normalise = NORMALISE[path];
  return normalise && typeof value === 'string' ? normalise(value) : value;
}

/** A patch that sets one leaf (or a whole keyed section) of the card. */
export function patchFor(path: string, value: unknown): CardPatch | null {
  const [section, key] = path.split('.');
  if (!section) return null;
  const leaf = normalisedValue(path, value);
  const raw = isKeyedCardPart(section) && key ? { [section]: { [key]: leaf } } : { [section]: leaf };
  const parsed = cardPatchSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function mergePatch(a: CardPatch, b: CardPatch): CardPatch {
  const merged: Record<string, unknown> = { ...a, ...b };
  for (const section of KEYED_CARD_PARTS) {
    const left = a[section];
    const right = b[section];
    if (left && right && typeof left === 'object' && typeof right === 'object') merged[section] = { ...left, ...right };
  }
  return merged as CardPatch;
}

/** The form paths a patch sets, with their values: one per key of a keyed part. */
export function patchLeaves(patch: CardPatch): [string, unknown][] {
  return Object.entries(patch).flatMap(([section, value]): [string, unknown][] =>
    isKeyedCardPart(section) && value && typeof value === 'object'
      ? Object.entries(value).map(([key, leaf]): [string, unknown] => [`${section}.${key}`, leaf])
      : [[section, value]],
  );
}

export function useAutosave(form: UseFormReturn<Card>, jobId: string) {
  const source = `card:${jobId}`;
  const writer = useMemo(
    () =>
      writeThrough<CardPatch>({
        write: (patch) => updateCard(db, jobId, patch),
        merge: mergePatch,
        onState: (state) => reportSaveState(source, state),
        journal: source,
      }),
    [jobId, source],
  );
  // Typing the last page did not commit: into the form before its fields first render (they
  // read their value once), then written as soon as the form is live (the effect below).
  const recovered = useRef<CardPatch | null | undefined>(undefined);
  if (recovered.current === undefined) {
    const left = journalRead<unknown>(source);
    const parsed = left === undefined ? null : cardPatchSchema.safeParse(left);
    recovered.current = parsed?.success ? parsed.data : null;
    for (const [path, value] of recovered.current ? patchLeaves(recovered.current) : []) form.setValue(path as keyof Card, value as never);
  }
  // While a Chinese input method composes, the box holds pinyin, not the customer's words:
  // it is kept (pending) and written when the composition ends.
  const composing = useRef(false);
  const refusedPaths = useRef(new Set<string>());

  const flush = useCallback(() => writer.flush(), [writer]);

  const queue = useCallback(
    (path: string) => {
      const patch = patchFor(path, form.getValues(path as keyof Card));
      // A refused value sits only on screen: never "saved" while it does.
      if (patch) refusedPaths.current.delete(path);
      else refusedPaths.current.add(path);
      reportSaveState(`${source}:refused`, refusedPaths.current.size > 0 ? { status: 'pending' } : { status: 'saved' });
      if (!patch) return;
      if (composing.current) writer.hold(patch);
      else writer.push(patch);
    },
    [form, source, writer],
  );

  useEffect(() => {
    if (recovered.current) writer.push(recovered.current);
    recovered.current = null;
  }, [writer]);

  useEffect(() => {
    const refused = refusedPaths.current;
    const subscription = form.watch((_values, { name }) => {
      if (name) queue(name);
    });
    const flushNow = () => void writer.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
    const onCompositionStart = () => {
      composing.current = true;
    };
    const onCompositionEnd = () => {
      composing.current = false;
      flushNow();
    };
    // Belt and braces: with write-through little is ever waiting here (a composition), and
    // a write started this late may be cut off, but it costs nothing to try.
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('compositionstart', onCompositionStart, true);
    document.addEventListener('compositionend', onCompositionEnd, true);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('compositionstart', onCompositionStart, true);
      document.removeEventListener('compositionend', onCompositionEnd, true);
      // Leaving the form (route change): write what waits; the writer reports until it commits.
      // Refused text leaves with the screen: there is nothing of it to save.
      flushNow();
      refused.clear();
      reportSaveState(`${source}:refused`, { status: 'saved' });
    };
  }, [form, queue, source, writer]);

  // The header speaks for everything typed on this card's screen, the estimate's number boxes
  // and the walk-around's notes included (they report to the same registry), not this form only.
  const state = useOverallSaveState();
  return { state, flush };
}
