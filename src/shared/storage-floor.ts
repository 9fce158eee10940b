// The free-space floor below which the app refuses new photos (DESIGN.md, sync point 7): a
// clear refusal before the shot beats a quota error after it. Pure logic over the figures
// of `navigator.storage.estimate()`, so it is tested without a browser.

/**
 * Refuse new photos when less than this is free for the app. A batch of 10 photos is about
 * 2-4 MB once downscaled, and a busy shift (some 40 cards of 10-20 photos) about 100-150 MB
 * kept until it syncs. The floor is deliberately larger than one batch: `estimate()` is
 * approximate (Chrome pads and rounds its figures), IndexedDB needs room for its log and
 * compaction on top of the bytes themselves, the service worker's precache shares the same
 * quota, and a device whose disk is nearly full starts evicting or failing writes. Refusing at
 * 200 MB leaves enough for the app to keep saving card edits and to sync the shift's photos
 * out, so nothing already taken is put at risk by the next one.
 */
export const PHOTO_FLOOR_BYTES = 200 * 1_000_000;

/**
 * What one stored photo costs, generously: a 1600 px JPEG at quality 0.8 is usually 150-400 KB,
 * its thumbnail 10-20 KB, plus the outbox entry and the rewritten job row. Used as
 * `neededBytes` for a batch, so a batch that would cross the floor is refused as a whole.
 */
export const BYTES_PER_PHOTO = 1_000_000;

export type StorageVerdict = { ok: true; freeBytes: number | null } | { ok: false; freeBytes: number };

/**
 * Whether there is room for `neededBytes` more and still `floorBytes` free. An unknown
 * estimate (no Storage API, or it failed) is not a reason to refuse a photo: the quota error,
 * if one comes, is still caught and shown.
 */
export function storageVerdict(
  estimate: { usage?: number; quota?: number } | null,
  floorBytes: number = PHOTO_FLOOR_BYTES,
  neededBytes: number = 0,
): StorageVerdict {
  const usage = estimate?.usage;
  const quota = estimate?.quota;
  if (!isFigure(usage) || !isFigure(quota) || quota <= 0) return { ok: true, freeBytes: null };
  const freeBytes = Math.max(0, quota - usage);
  return freeBytes - Math.max(0, neededBytes) >= floorBytes ? { ok: true, freeBytes } : { ok: false, freeBytes };
}

function isFigure(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

// Decimal units (1 MB = 1,000,000 bytes), as Android and iPadOS show storage in Settings, so
// the figure the advisor reads here matches the one the tablet shows.
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** "512 B", "12 KB", "3.5 MB", "350 MB", "1.2 GB": one decimal below 10, whole numbers above. */
export function formatBytes(n: number): string {
  let value = Number.isFinite(n) && n > 0 ? n : 0;
  let unit = 0;
  // Step up on the rounded figure, so 999,999 bytes reads "1.0 MB", never "1000 KB".
  while (unit < UNITS.length - 1 && Number(shown(value, unit)) >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return `${shown(value, unit)} ${UNITS[unit]}`;
}

function shown(value: number, unit: number): string {
  return unit > 0 && value < 9.95 ? value.toFixed(1) : String(Math.round(value));
}
