// What on screen is not yet in IndexedDB, source by source (the card form, each number box,
// each damage note). The card's header shows the sum of it (pending → saving → saved), and the
// update prompt refuses to reload while anything is not saved, so a new version never eats
// an advisor's typing.
import { useSyncExternalStore } from 'react';

/**
 * pending: typed, not yet handed to IndexedDB (or refused, so it never will be as it stands);
 * saving: a write is in flight; saved: the write committed; failed: it did not, say why.
 */
export type SaveState =
  | { status: 'saved' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'failed'; reason: string };

const SAVED: SaveState = { status: 'saved' };
/** Sources that are not saved; a saved source is simply absent. */
const states = new Map<string, SaveState>();
const listeners = new Set<() => void>();
let overall: SaveState = SAVED;

/** A failure needs the advisor; then anything only on screen; then writes under way. */
export function combineSaveStates(all: Iterable<SaveState>): SaveState {
  let combined: SaveState = SAVED;
  const rank = { saved: 0, saving: 1, pending: 2, failed: 3 } as const;
  for (const state of all) if (rank[state.status] > rank[combined.status]) combined = state;
  return combined;
}

export function reportSaveState(source: string, state: SaveState): void {
  const before = states.get(source) ?? SAVED;
  if (sameState(before, state)) return;
  if (state.status === 'saved') states.delete(source);
  else states.set(source, state);
  const next = combineSaveStates(states.values());
  if (sameState(next, overall)) return;
  overall = next;
  for (const listener of listeners) listener();
}

/** For code that only knows "typed, not stored" and "stored" (the handover's mileage box). */
export function markUnsaved(source: string, unsaved: boolean): void {
  reportSaveState(source, unsaved ? { status: 'pending' } : SAVED);
}

export function hasUnsavedInput(): boolean {
  return states.size > 0;
}

export function overallSaveState(): SaveState {
  return overall;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The state of everything typed on screen, as one: what the header's indicator says. */
export function useOverallSaveState(): SaveState {
  return useSyncExternalStore(subscribe, overallSaveState);
}

function sameState(a: SaveState, b: SaveState): boolean {
  return a.status === b.status && (a.status !== 'failed' || (b.status === 'failed' && a.reason === b.reason));
}
