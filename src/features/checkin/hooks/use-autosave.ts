// Saves the form to IndexedDB as the advisor works: taps at once, typing after a short pause,
// everything pending on blur, step change, leaving the page or hiding the tab. Each save is
// one mutation + outbox entry (updateCard). A value the draft schema refuses (e.g. "12a" km)
// is not saved; the form shows why, and the last good value stays stored.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { db } from '../../../db/instance.ts';
import { updateCard } from '../../../db/job-repo.ts';
import { isKeyedCardPart, KEYED_CARD_PARTS } from '../../../shared/apply-mutation.ts';
import { errorText } from '../../../shared/error-text.ts';
import { cardPatchSchema, type Card, type CardPatch } from '../../../shared/job.ts';
import { normalizePhone } from '../../../shared/phone.ts';
import { normalizePlate } from '../../../shared/plate.ts';
import { normalizeVin } from '../../../shared/vin.ts';
import { markUnsaved } from '../../../ui/unsaved-input.ts';

const TYPING_PAUSE_MS = 400;

/** Normalisation the glossary sanctions (case, spaces, middle dots); nothing else is changed. */
const NORMALISE: Record<string, (value: string) => string> = {
  'vehicle.plate': normalizePlate,
  'vehicle.vin': normalizeVin,
  'customer.phone': normalizePhone,
};

export type SaveState = { status: 'saved' | 'pending' } | { status: 'failed'; reason: string };

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

function mergePatch(a: CardPatch, b: CardPatch): CardPatch {
  const merged: Record<string, unknown> = { ...a, ...b };
  for (const section of KEYED_CARD_PARTS) {
    const left = a[section];
    const right = b[section];
    if (left && right && typeof left === 'object' && typeof right === 'object') merged[section] = { ...left, ...right };
  }
  return merged as CardPatch;
}

export function useAutosave(form: UseFormReturn<Card>, jobId: string) {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const pending = useRef<CardPatch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const source = `card:${jobId}`;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    try {
      await updateCard(db, jobId, patch);
      if (Object.keys(pending.current).length === 0) {
        markUnsaved(source, false);
        setState({ status: 'saved' });
      }
    } catch (e) {
      // Keep the input: put the patch back under anything typed since, and say so.
      pending.current = mergePatch(patch, pending.current);
      setState({ status: 'failed', reason: errorText(e) });
    }
  }, [jobId, source]);

  const queue = useCallback(
    (path: string, immediate: boolean) => {
      const patch = patchFor(path, form.getValues(path as keyof Card));
      if (!patch) return;
      pending.current = mergePatch(pending.current, patch);
      markUnsaved(source, true);
      setState({ status: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      if (immediate) void flush();
      else timer.current = setTimeout(() => void flush(), TYPING_PAUSE_MS);
    },
    [flush, form, source],
  );

  useEffect(() => {
    // `type` is 'change' for typing into a registered input; setValue() calls (taps) have none.
    const subscription = form.watch((_values, { name, type }) => {
      if (name) queue(name, type !== 'change');
    });
    const flushNow = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      flushNow();
    };
  }, [flush, form, queue]);

  return { state, flush };
}
