// Pinyin initials of a catalogue name (机油滤清器 → jylqq), for a store's CSV import. The
// pinyin dictionary is a few hundred KB, so it loads on first use, never with the first
// route: the sample catalogue ships its initials precomputed. Cached in the service worker's
// precache like every chunk, so it loads offline too.

type PinyinFirst = (name: string, options: { pattern: 'first'; toneType: 'none'; type: 'array' }) => string[];

/**
 * The rule every stored `initials` follows: the first letter of each Han character's pinyin,
 * ASCII letters and digits of the name kept as they are, everything else (spaces, dashes,
 * brackets, ℃) dropped, all lower case. 全合成机油 5W-30 → qhcjy5w30.
 */
export function initialsWith(pinyin: PinyinFirst, name: string): string {
  // NFKC first: a full-width ＡＢＣ or （ typed through a Chinese IME reads as its ASCII twin.
  const syllables = pinyin(name.normalize('NFKC'), { pattern: 'first', toneType: 'none', type: 'array' });
  return syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 120);
}

let loading: Promise<(name: string) => string> | null = null;

/** Loads pinyin-pro once and returns `initialsOf(name)`. */
export function loadInitials(): Promise<(name: string) => string> {
  loading ??= import('pinyin-pro').then(
    ({ pinyin }) =>
      (name: string) =>
        initialsWith(pinyin, name),
    (error: unknown) => {
      // A failed chunk load (an old tablet build, a flaky cache) may succeed on the next try.
      loading = null;
      throw error;
    },
  );
  return loading;
}
