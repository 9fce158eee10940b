// A copy of what is typed and not yet committed to IndexedDB, kept in localStorage, which is
// written synchronously: an IndexedDB write takes a few round trips (40–200 ms measured on a
// loaded 2-core machine) and the browser aborts it when the page goes away, so a reload right
// after the last key could lose it. The journal entry is replaced on every keystroke, dropped
// once the write commits, and written to IndexedDB again by the field when it is shown next.
const PREFIX = 'walkaround.typed:';

export function journalWrite(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // No storage (private mode, quota): the write-through to IndexedDB still runs.
  }
}

export function journalRead<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

export function journalClear(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear where there is no storage.
  }
}

/** The keys of the journal's entries that begin with `prefix` (as given to journalWrite). */
export function journalKeys(prefix: string): string[] {
  try {
    const keys: string[] = [];
    for (let index = 0; index < localStorage.length; index += 1) {
      const stored = localStorage.key(index);
      if (stored?.startsWith(PREFIX + prefix)) keys.push(stored.slice(PREFIX.length));
    }
    return keys;
  } catch {
    return [];
  }
}
