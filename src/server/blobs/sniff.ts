// What a blob is, judged by its first bytes rather than by its name or Content-Type header
// (DESIGN.md "Security": images are checked by their bytes). Tablets send JPEG photos and
// thumbnails, PNG signatures and JSON stroke data; WebP is accepted for thumbnails.

export type BlobKind = 'jpeg' | 'png' | 'webp' | 'json';

/** How many leading bytes sniffBlobKind needs to tell every kind apart. */
export const SNIFF_BYTES = 16;

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];
const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const JSON_OPENERS = new Set([0x5b, 0x7b]); // [ {

export function sniffBlobKind(firstBytes: Uint8Array): BlobKind | null {
  if (startsWith(firstBytes, JPEG)) return 'jpeg';
  if (startsWith(firstBytes, PNG)) return 'png';
  // RIFF, a 4-byte chunk size, then the form type.
  if (startsWith(firstBytes, RIFF) && startsWith(firstBytes.subarray(8), WEBP)) return 'webp';
  const first = firstBytes.find((byte) => !JSON_WHITESPACE.has(byte));
  return first !== undefined && JSON_OPENERS.has(first) ? 'json' : null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
