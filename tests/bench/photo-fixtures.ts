// Camera-sized test photos for the photo benchmark, made with sharp from a seeded generator
// and kept in .tmp/bench-fixtures/ (gitignored), so only the first run pays for them. Each is a
// "scene" (smooth colour areas, as a car park or a body panel) plus fine sensor-like noise, at
// JPEG quality 90 with an EXIF block: about 4 MB at 4000x3000, like a tablet or phone camera
// shot, and every file different, so no two photos share a hash and each write really stores.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { seededRng } from './cards.ts';

/** Bump when the generator changes, so stale cached files are not reused. */
const GENERATOR_VERSION = 1;
/** Noise amplitude (0-255 scale): 32 puts a 4000x3000 shot at about 4 MB. */
const NOISE = 32;

export type Fixture = { path: string; bytes: number };

async function makeOne(path: string, width: number, height: number, seed: number): Promise<void> {
  const rng = seededRng(seed);
  // The scene: a 160x120 random image enlarged with a cubic kernel, i.e. smooth colour areas.
  const small = Buffer.from(Array.from({ length: 160 * 120 * 3 }, () => Math.floor(rng() * 256)));
  const pixels = await sharp(small, { raw: { width: 160, height: 120, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  // Fine noise from xorshift32, four bytes per step, added in place (36 M bytes: keep it tight).
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < pixels.length; i++) {
    if ((i & 3) === 0) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
    }
    const v = (pixels[i] as number) + ((((x >>> ((i & 3) << 3)) & 0xff) * NOISE) >> 8) - (NOISE >> 1);
    pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .withMetadata({ orientation: 1 })
    .withExifMerge({ IFD0: { Make: 'Walkaround', Model: 'bench camera' } })
    .jpeg({ quality: 90 })
    .toBuffer();
  // Written whole, then renamed: an interrupted run never leaves a truncated file to reuse.
  writeFileSync(`${path}.part`, jpeg);
  renameSync(`${path}.part`, path);
}

/**
 * `count` distinct JPEGs of `width` x `height` under `dir`, made now unless a previous run
 * left them there. `name` keeps sets of different sizes apart.
 */
export async function cameraJpegs(dir: string, name: string, count: number, width: number, height: number): Promise<{ files: Fixture[]; made: number }> {
  mkdirSync(dir, { recursive: true });
  const paths = Array.from({ length: count }, (_, i) => join(dir, `${name}-v${GENERATOR_VERSION}-${width}x${height}-${String(i + 1).padStart(2, '0')}.jpg`));
  const missing = paths.map((path, i) => ({ path, i })).filter(({ path }) => !existsSync(path));
  // Two at a time: sharp encodes on its own threads while the next file's noise is made here.
  for (let k = 0; k < missing.length; k += 2) {
    await Promise.all(missing.slice(k, k + 2).map(({ path, i }) => makeOne(path, width, height, 1000 * width + i + 1)));
  }
  return { files: paths.map((path) => ({ path, bytes: statSync(path).size })), made: missing.length };
}
