// What a blob's bytes are, by their first bytes (never by a name or a header): JPEG, PNG or
// WebP images, or the JSON of signature strokes. The server refuses an upload whose bytes
// are not what its content type claims; the tablet labels a downloaded blob with it.
export const BLOB_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/json'] as const;
export type BlobMime = (typeof BLOB_MIME_TYPES)[number];

export function blobMimeOf(bytes: Uint8Array): BlobMime | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, i) => at(i) === byte)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  // JSON: optional whitespace, then an array or object.
  for (const byte of bytes) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x5b || byte === 0x7b ? 'application/json' : null;
  }
  return null;
}
