// The main-thread checks before a file reaches the photo worker: images are recognised by
// their bytes, never by name or MIME type, and a huge file is refused on its size alone.
// (The worker itself needs a browser: createImageBitmap and OffscreenCanvas.)
import { describe, expect, it } from 'vitest';
import { MAX_FILE_MB, processPhotos, sniffImage } from '../../src/features/walkaround/photos/process-photos.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('sniffImage', () => {
  it.each<[string, Uint8Array, ReturnType<typeof sniffImage>]>([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], 'Exif'), 'jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'png'],
    ['WebP', bytes('RIFF', [0x24, 0x10, 0, 0], 'WEBPVP8 '), 'webp'],
    ['HEIC from an iPhone', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'heif'],
    ['HEIF (mif1)', bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0]), 'heif'],
    ['AVIF', bytes([0, 0, 0, 0x20], 'ftypavif', [0, 0, 0, 0]), 'heif'],
    ['MP4 video', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]), null],
    ['RIFF but WAV audio', bytes('RIFF', [0x24, 0x10, 0, 0], 'WAVEfmt '), null],
    ['PDF', bytes('%PDF-1.7\n%'), null],
    ['text', bytes('hello, world'), null],
    ['JPEG signature cut short', bytes([0xff, 0xd8]), null],
    ['PNG signature with one wrong byte', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b]), null],
    ['empty', bytes(), null],
  ])('%s → %s', (_label, head, expected) => {
    expect(sniffImage(head)).toBe(expected);
  });
});

describe('processPhotos refusals that never reach the worker', () => {
  it('refuses a file over the limit by its size, and a non-image by its bytes whatever its name', async () => {
    const huge = new File([new Uint8Array(MAX_FILE_MB * 1_000_000 + 1)], '全景.jpg', { type: 'image/jpeg' });
    const pdf = new File([bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj')], '行驶证.jpg', { type: 'image/jpeg' });
    const empty = new File([], 'empty.png', { type: 'image/png' });
    const progress: [number, number][] = [];

    const results = await processPhotos([huge, pdf, empty], (done, total) => progress.push([done, total]));

    expect(results).toEqual([
      { ok: false, name: '全景.jpg', reason: 'tooLarge', sizeMb: 40.1, maxMb: 40 },
      { ok: false, name: '行驶证.jpg', reason: 'notImage' },
      { ok: false, name: 'empty.png', reason: 'notImage' },
    ]);
    expect(progress[0]).toEqual([0, 3]);
    expect(progress.at(-1)).toEqual([3, 3]);
    expect(progress.map(([done]) => done)).toEqual([0, 1, 2, 3]);
  });

  it('accepts a file exactly at the limit as far as size goes', async () => {
    const atLimit = new File([new Uint8Array(MAX_FILE_MB * 1_000_000)], 'limit.bin');
    expect(await processPhotos([atLimit])).toEqual([{ ok: false, name: 'limit.bin', reason: 'notImage' }]);
  });

  it('returns nothing for no files', async () => {
    expect(await processPhotos([])).toEqual([]);
  });
});
