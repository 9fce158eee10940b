// Renders the PWA icons in public/icons/ from public/icons/icon.svg. One-off: run it after
// editing the SVG (`npx tsx .tools/make-icons.ts`) and keep the PNGs in the repository, so
// a build never depends on sharp. Nothing here runs in the app or offline.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const iconsDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const sourcePath = `${iconsDir}icon.svg`;

type Variant = { file: string; size: number; svg: string };

// Replaces exactly one occurrence, so an edit to icon.svg that breaks the pattern fails
// loudly instead of producing an icon with the mark cut off.
function replaceOnce(text: string, pattern: string, replacement: string): string {
  const first = text.indexOf(pattern);
  if (first === -1 || text.indexOf(pattern, first + 1) !== -1) {
    throw new Error(`icon.svg: expected exactly one "${pattern}"`);
  }
  return text.slice(0, first) + replacement + text.slice(first + pattern.length);
}

// Full-bleed variant: the platform (Android adaptive icons, iOS home screen) applies its own
// mask, so the background must reach every edge and the mark must shrink into the safe
// zone, a centred circle of radius 40% (https://w3c.github.io/manifest/#icon-masks).
// The mark's bounding box has a half-diagonal of about 257 units; at 0.78 it is ~200,
// inside the 204.8 radius (and the box corners are empty anyway).
function fullBleed(svg: string, markScale: number): string {
  const square = replaceOnce(svg, 'rx="96" ', '');
  const opened = replaceOnce(
    square,
    '<g id="mark"',
    `<g transform="translate(256 256) scale(${markScale}) translate(-256 -256)"><g id="mark"`,
  );
  return replaceOnce(opened, '</svg>', '</g></svg>');
}

async function main(): Promise<void> {
  const source = await readFile(sourcePath, 'utf8');
  const variants: Variant[] = [
    { file: 'icon-192.png', size: 192, svg: source },
    { file: 'icon-512.png', size: 512, svg: source },
    { file: 'icon-maskable-512.png', size: 512, svg: fullBleed(source, 0.78) },
    // iOS ignores manifest icons for the home screen and rounds the corners itself.
    { file: 'apple-touch-icon-180.png', size: 180, svg: fullBleed(source, 0.82) },
  ];
  for (const variant of variants) {
    // Rasterise at 1024 px (density 144 on a 512-unit viewBox) and downsample: smoother
    // edges than rendering straight at the small size.
    const info = await sharp(Buffer.from(variant.svg), { density: 144 })
      .resize(variant.size, variant.size)
      .png({ compressionLevel: 9 })
      .toFile(`${iconsDir}${variant.file}`);
    console.log(`${variant.file}: ${info.width}x${info.height}, ${info.size} bytes`);
  }
}

await main();
