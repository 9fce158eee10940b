// Writes what is typed to IndexedDB as it is typed, one write at a time: a value typed while
// a write is in flight waits, merged with anything else typed meanwhile, and goes in the next
// write the moment that one commits. So no keystroke waits for a pause in typing (a reload a
// moment later finds it stored), and fast typing makes fewer writes, not a queue of them.
// The state it reports is only ever what IndexedDB holds: saved means the write committed.
// A write still takes tens of milliseconds and dies with the page, so what is not committed
// is also copied synchronously to a journal (ui/typing-journal) the field replays when shown.
import { errorText } from '../shared/error-text.ts';
import { journalClear, journalWrite } from './typing-journal.ts';
import type { SaveState } from './unsaved-input.ts';

export type WriteThroughOptions<T> = {
  write: (value: T) => Promise<unknown>;
  /** Combines a waiting value with a newer one (the newer wins where they overlap). */
  merge: (older: T, newer: T) => T;
  onState: (state: SaveState) => void;
  /** Where what is typed and not yet committed is copied synchronously (ui/typing-journal). */
  journal?: string;
};

export type WriteThrough<T> = {
  /** Typed: written now, or right after the write in flight. */
  push(value: T): void;
  /** Typed but not to be written yet (a Chinese input method still composing): waits for push or flush. */
  hold(value: T): void;
  /** Writes whatever waits (a failed value is tried again); resolves when nothing is in flight. */
  flush(): Promise<void>;
};

export function writeThrough<T>({ write, merge, onState, journal }: WriteThroughOptions<T>): WriteThrough<T> {
  let waiting: { value: T } | null = null;
  let inFlight: Promise<void> | null = null;
  let writing: { value: T } | null = null;
  let failure: string | null = null;

  /** Copies everything not yet committed (the write in flight under what waits) to the journal. */
  function keepCopy() {
    if (journal === undefined) return;
    const uncommitted = writing && waiting ? merge(writing.value, waiting.value) : (waiting ?? writing)?.value;
    if (uncommitted === undefined) journalClear(journal);
    else journalWrite(journal, uncommitted);
  }

  function report() {
    if (failure !== null) onState({ status: 'failed', reason: failure });
    else if (waiting) onState({ status: 'pending' });
    else if (inFlight) onState({ status: 'saving' });
    else onState({ status: 'saved' });
  }

  function add(value: T) {
    waiting = waiting ? { value: merge(waiting.value, value) } : { value };
    keepCopy();
  }

  function pump() {
    if (inFlight || !waiting) return report();
    const { value } = waiting;
    writing = waiting;
    waiting = null;
    inFlight = write(value)
      .then(
        () => {
          failure = null;
        },
        (error: unknown) => {
          // Keep the input: put it back under anything typed since, and say so. It is tried
          // again with the next keystroke or flush, not in a loop against a failing store.
          failure = errorText(error);
          waiting = waiting ? { value: merge(value, waiting.value) } : { value };
        },
      )
      .finally(() => {
        inFlight = null;
        writing = null;
        keepCopy();
        if (failure === null) pump();
        else report();
      });
    report();
  }

  return {
    push(value) {
      add(value);
      pump();
    },
    hold(value) {
      add(value);
      report();
    },
    async flush() {
      pump();
      while (inFlight) await inFlight;
    },
  };
}
