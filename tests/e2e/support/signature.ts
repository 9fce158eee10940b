// Ink on the signature pad as a hand puts it there: real pointer events from page.mouse
// (pointerdown, a stream of pointermoves, pointerup), so signature_pad records the strokes
// exactly as it would from a finger, with nothing injected into the page.
import type { Locator, Page } from 'playwright-core';

type Pt = [number, number];

// Stroke outlines of 王芳 in the unit square of each character, simplified to polylines but
// with the real stroke count and shape (as the unit test of the signature rules does for 张伟).
const WANG: Pt[][] = [
  [[0.12, 0.12], [0.88, 0.1]], // 横
  [[0.18, 0.5], [0.82, 0.48]], // 横
  [[0.5, 0.1], [0.52, 0.92]], // 竖
  [[0.08, 0.92], [0.95, 0.9]], // 提横
];
const FANG: Pt[][] = [
  [[0.08, 0.18], [0.92, 0.16]], // 艹: 横
  [[0.32, 0.02], [0.36, 0.3]], // 竖
  [[0.66, 0.02], [0.62, 0.3]], // 竖
  [[0.5, 0.36], [0.55, 0.46]], // 方: 点
  [[0.1, 0.5], [0.9, 0.5]], // 横
  [[0.45, 0.52], [0.42, 0.75], [0.3, 0.9], [0.12, 0.98]], // 撇
  [[0.44, 0.62], [0.8, 0.62], [0.76, 0.96], [0.66, 0.9]], // 横折钩
];

/** At least this many pointermoves per stroke: a finger is sampled at 60–120 Hz. */
const MIN_STEPS_PER_STROKE = 10;

async function strokeThrough(page: Page, points: Pt[]): Promise<void> {
  const [first, ...rest] = points;
  if (!first || rest.length === 0) throw new Error('a stroke needs two points or more');
  await page.mouse.move(first[0], first[1]);
  await page.mouse.down();
  let previous = first;
  for (const point of rest) {
    const length = Math.hypot(point[0] - previous[0], point[1] - previous[1]);
    // About one move per 6 px, and never fewer than the minimum over the whole stroke.
    const steps = Math.max(Math.ceil(MIN_STEPS_PER_STROKE / rest.length), Math.ceil(length / 6));
    await page.mouse.move(point[0], point[1], { steps });
    previous = point;
  }
  await page.mouse.up();
}

async function padBox(pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box || box.width === 0 || box.height === 0) throw new Error('the signature pad has no box on screen');
  return box;
}

/**
 * Signs 王芳 in eleven strokes across about 40% of the pad's width, the characters about as
 * tall as they are wide (a third of the pad's height or so), as a customer signs on a tablet.
 */
export async function drawSignature(page: Page, pad: Locator): Promise<void> {
  const box = await padBox(pad);
  const width = box.width * 0.4;
  const charW = width * 0.44;
  const charH = Math.min(charW * 0.95, box.height * 0.6);
  const top = box.y + (box.height - charH) / 2;
  const left = box.x + box.width * 0.15;
  const place = (glyph: Pt[][], x: number) =>
    glyph.map((stroke) => stroke.map(([u, v]): Pt => [x + u * charW, top + v * charH]));
  for (const stroke of [...place(WANG, left), ...place(FANG, left + width - charW)]) await strokeThrough(page, stroke);
}

/** One short straight dash in the middle of the pad: ink, but plainly not a signature. */
export async function drawShortLine(page: Page, pad: Locator): Promise<void> {
  const box = await padBox(pad);
  const y = box.y + box.height / 2;
  const x = box.x + box.width * 0.4;
  await strokeThrough(page, [[x, y], [x + box.width * 0.12, y]]);
}
