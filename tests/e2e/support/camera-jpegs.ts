// Camera-sized test photos, made at test time with sharp: 4000x3000 JPEGs of noise, which
// compress about as badly as a real photo of a car park (a few MB each).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

export async function makeCameraJpegs(dir: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `IMG_${String(1001 + i)}.jpg`);
    const bytes = await sharp({
      create: { width: 4000, height: 3000, channels: 3, background: { r: 40 * i, g: 120, b: 200 - 30 * i }, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
    })
      .jpeg({ quality: 85 })
      .toBuffer();
    writeFileSync(path, bytes);
    paths.push(path);
  }
  return paths;
}
