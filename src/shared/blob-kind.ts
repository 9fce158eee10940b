// What a blob's bytes are, by their first bytes (never by a name or a header): JPEG, PNG or
// WebP images, or the JSON of signature strokes. The server refuses an upload whose bytes
// are not what its content type claims; the tablet labels a downloaded blob with it.
export const BLOB_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/json'] as const;
export type BlobMime = (typeof BLOB_MIME_TYPES)[number];

/** How many leading bytes blobMimeOf needs to tell every kind apart. */
export const SNIFF_BYTES = 16;

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];
const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const JSON_OPENERS = new Set([0x5b, 0x7b]); // [ {

export function isBlobMime(type: string): type is BlobMime {
  return (BLOB_MIME_TYPES as readonly string[]).includes(type);
}

export function blobMimeOf(firstBytes: Uint8Array): BlobMime | null {
  if (startsWith(firstBytes, JPEG)) return 'image/jpeg';
  if (startsWith(firstBytes, PNG)) return 'image/png';
  // RIFF, a 4-byte chunk size, then the form type.
  if (startsWith(firstBytes, RIFF) && startsWith(firstBytes.subarray(8), WEBP)) return 'image/webp';
  const first = firstBytes.find((byte) => !JSON_WHITESPACE.has(byte));
  return first !== undefined && JSON_OPENERS.has(first) ? 'application/json' : null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
