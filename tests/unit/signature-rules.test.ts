// When ink counts as a signature: an empty pad, a dot, a short scribble and a straight line
// (at any slant) are refused; a Chinese name signed at a normal size passes with room to spare.
import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../src/shared/signature.ts';
import { signatureProblem, type SignatureProblem } from '../../src/shared/signature-rules.ts';

/** A landscape signature pad on a 10-inch tablet, in CSS pixels. */
const PAD = { width: 800, height: 300 };

type Pt = [number, number];

/**
 * A stroke through the given corners, sampled every ~4 px at 16 ms a point as a finger on
 * signature_pad is, with a deterministic wobble of up to a pixel.
 */
function stroke(corners: Pt[], step = 4): Stroke {
  const points: Stroke = [];
  let t = 0;
  corners.forEach(([x, y], i) => {
    const next = corners[i + 1];
    if (!next) {
      points.push({ x, y, t });
      return;
    }
    const n = Math.max(1, Math.round(Math.hypot(next[0] - x, next[1] - y) / step));
    for (let k = 0; k < n; k++) {
      const wobble = Math.sin((points.length + 1) * 1.7);
      points.push({ x: x + ((next[0] - x) * k) / n + wobble, y: y + ((next[1] - y) * k) / n - wobble, t });
      t += 16;
    }
  });
  return points;
}

/** Strokes of a character drawn in the unit square, placed into a box on the pad. */
function place(glyph: Pt[][], box: { x: number; y: number; w: number; h: number }): Stroke[] {
  return glyph.map((corners) => stroke(corners.map(([u, v]) => [box.x + u * box.w, box.y + v * box.h])));
}

// Stroke outlines of 张 and 伟, simplified to polylines but with their real stroke count and shape.
const ZHANG: Pt[][] = [
  [[0.05, 0.15], [0.35, 0.15], [0.33, 0.4]], // 弓: 横折
  [[0.08, 0.4], [0.33, 0.4]], // 横
  [[0.1, 0.4], [0.08, 0.65], [0.38, 0.65], [0.35, 0.95], [0.28, 0.9]], // 竖折折钩
  [[0.8, 0.05], [0.6, 0.35]], // 长: 撇
  [[0.45, 0.5], [1, 0.5]], // 横
  [[0.58, 0.2], [0.58, 0.95], [0.7, 0.85]], // 竖提
  [[0.65, 0.55], [0.98, 0.95]], // 捺
];
const WEI: Pt[][] = [
  [[0.25, 0.05], [0.05, 0.45]], // 亻: 撇
  [[0.15, 0.3], [0.15, 1]], // 竖
  [[0.4, 0.2], [0.9, 0.2]], // 韦: 横
  [[0.45, 0.4], [0.85, 0.4]], // 横
  [[0.42, 0.6], [0.95, 0.6], [0.9, 0.8]], // 横折钩
  [[0.65, 0.05], [0.65, 1]], // 竖
];

/** 张伟 signed `widthOfPad` of the pad wide, the characters a little taller than half their width. */
function zhangWei(widthOfPad: number, pad = PAD): Stroke[] {
  const w = pad.width * widthOfPad;
  const charW = w * 0.45;
  const h = charW * 0.75;
  const top = (pad.height - h) / 2;
  const left = pad.width * 0.1;
  return [...place(ZHANG, { x: left, y: top, w: charW, h }), ...place(WEI, { x: left + w - charW, y: top, w: charW, h })];
}

const line = (from: Pt, to: Pt): Stroke[] => [stroke([from, to])];
const zigzag = (x: number, y: number, w: number, h: number, teeth: number): Stroke[] => [
  stroke(Array.from({ length: teeth * 2 + 1 }, (_, i): Pt => [x + (w * i) / (teeth * 2), i % 2 ? y + h : y])),
];
const circle = (cx: number, cy: number, r: number): Stroke[] => [
  stroke(Array.from({ length: 37 }, (_, i): Pt => [cx + r * Math.cos((i * Math.PI) / 18), cy + r * Math.sin((i * Math.PI) / 18)])),
];

describe('signatureProblem', () => {
  it.each<[string, Stroke[], SignatureProblem | null, { width: number; height: number }?]>([
    ['nothing drawn', [], 'empty'],
    ['strokes without points', [[], []], 'empty'],
    ['a dot', [[{ x: 400, y: 150, t: 0 }]], 'tooShort'],
    ['a tap of three points', [stroke([[400, 150], [402, 151]], 1)], 'tooShort'],
    ['a small tick', [stroke([[380, 140], [390, 155], [420, 120]])], 'tooShort'],
    ['a short scribble', zigzag(350, 130, 60, 40, 4), 'tooShort'],
    ['a horizontal line across the pad', line([80, 150], [720, 150]), 'tooShort'],
    ['a horizontal line drawn twice', [...line([80, 150], [720, 150]), ...line([720, 152], [80, 152])], 'tooShort'],
    ['a vertical line', line([400, 20], [400, 280]), 'tooShort'],
    ['a diagonal line corner to corner', line([40, 20], [760, 280]), 'tooShort'],
    ['a slanted line with a wobble', [stroke([[100, 250], [300, 180], [500, 110], [700, 40]])], 'tooShort'],
    ['a small circle', circle(400, 150, 50), 'tooShort'],
    ['张伟 squeezed into 15% of the pad', zhangWei(0.15), 'tooShort'],
    ['张伟 across 40% of the pad', zhangWei(0.4), null],
    ['张伟 across 30% of the pad', zhangWei(0.3), null],
    ['张伟 across 60% of the pad', zhangWei(0.6), null],
    ['张伟 across 40% of a smaller pad', zhangWei(0.4, { width: 500, height: 250 }), null, { width: 500, height: 250 }],
    ['a wide scribble (the pad cannot tell it from a name)', zigzag(100, 80, 500, 140, 6), null],
  ])('%s → %s', (_label, strokes, expected, pad = PAD) => {
    expect(signatureProblem(strokes, pad)).toBe(expected);
  });

  it('keeps a margin on 张伟: it still passes at 30% of the pad width', () => {
    const smallest = [0.4, 0.35, 0.3, 0.25, 0.2, 0.15].filter((w) => signatureProblem(zhangWei(w), PAD) === null).at(-1);
    expect(smallest).toBeLessThanOrEqual(0.3);
    // 张伟 at 40% has 13 strokes and well over a hundred points.
    expect(zhangWei(0.4)).toHaveLength(13);
    expect(zhangWei(0.4).flat().length).toBeGreaterThan(100);
  });

  it('does not depend on where on the pad the name is', () => {
    const moved = zhangWei(0.4).map((s) => s.map((p) => ({ ...p, x: p.x + 300, y: p.y - 60 })));
    expect(signatureProblem(moved, PAD)).toBeNull();
  });

  it.each([
    ['a zero-width pad', { width: 0, height: 300 }],
    ['a negative height', { width: 800, height: -1 }],
    ['a NaN size', { width: Number.NaN, height: 300 }],
  ])('refuses %s with a RangeError', (_label, pad) => {
    expect(() => signatureProblem(zhangWei(0.4), pad)).toThrow(RangeError);
  });

  it('refuses a point that is not finite with a RangeError', () => {
    const strokes = zhangWei(0.4);
    strokes[0]?.push({ x: Number.NaN, y: 1, t: 1 });
    expect(() => signatureProblem(strokes, PAD)).toThrow(RangeError);
  });
});
