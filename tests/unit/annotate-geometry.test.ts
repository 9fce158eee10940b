import { describe, expect, it } from 'vitest';
import {
  arrowHead,
  clampPan,
  distance,
  fitContain,
  isMeaningful,
  strokeWidthFor,
  toImagePoint,
  zoomAbout,
  type Point,
  type Rect,
  type Size,
  type Stroke,
  type Zoom,
} from '../../src/features/walkaround/annotate-geometry.ts';

const size = (width: number, height: number): Size => ({ width, height });
const pt = (x: number, y: number): Point => ({ x, y });
const rect = (left: number, top: number, width: number, height: number): Rect => ({ left, top, width, height });

function expectPoint(actual: Point, expected: Point) {
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
}

function expectZoom(actual: Zoom, expected: Zoom) {
  expect(actual.scale).toBeCloseTo(expected.scale, 6);
  expectPoint(actual, expected);
}

describe('fitContain', () => {
  it.each<[string, Size, Size, Size]>([
    ['landscape photo in a portrait tablet: width-bound', size(1600, 1200), size(800, 1000), size(800, 600)],
    ['portrait photo in a landscape tablet: height-bound', size(1200, 1600), size(1280, 700), size(525, 700)],
    ['small photo is scaled up to fill', size(400, 300), size(800, 800), size(800, 600)],
    ['same aspect ratio fills exactly', size(1600, 900), size(1280, 720), size(1280, 720)],
    ['box not measured yet', size(1600, 1200), size(0, 0), size(0, 0)],
    ['degenerate photo', size(0, 1200), size(800, 600), size(0, 0)],
  ])('%s', (_, natural, box, expected) => {
    const fitted = fitContain(natural, box);
    expect(fitted.width).toBeCloseTo(expected.width, 6);
    expect(fitted.height).toBeCloseTo(expected.height, 6);
  });
});

describe('toImagePoint', () => {
  const photo = size(1600, 1200);
  const drawn = rect(100, 50, 800, 600); // half the natural size, offset on the page
  it.each<[string, Point, Rect, Point]>([
    ['top-left corner', pt(100, 50), drawn, pt(0, 0)],
    ['centre', pt(500, 350), drawn, pt(800, 600)],
    ['bottom-right corner', pt(900, 650), drawn, pt(1600, 1200)],
    ['a quarter in', pt(300, 200), drawn, pt(400, 300)],
    ['left of and above the photo: clamped to its corner', pt(20, -10), drawn, pt(0, 0)],
    ['past the right edge: clamped, y still mapped', pt(2000, 350), drawn, pt(1600, 600)],
    ['drawn larger than natural (zoomed-in screen)', pt(1700, 1250), rect(100, 50, 3200, 2400), pt(800, 600)],
    ['canvas not laid out yet', pt(10, 10), rect(0, 0, 0, 0), pt(0, 0)],
  ])('%s', (_, client, box, expected) => {
    expectPoint(toImagePoint(client, box, photo), expected);
  });
});

describe('strokeWidthFor', () => {
  it.each<[Size, number]>([
    [size(1600, 1200), 13], // 0.8% of 1600 = 12.8
    [size(1200, 1600), 13], // the long edge counts, whichever it is
    [size(4000, 3000), 32],
    [size(1000, 1000), 8],
    [size(100, 80), 2], // never thinner than 2 px
  ])('%j → %i px', (natural, expected) => {
    expect(strokeWidthFor(natural)).toBe(expected);
  });
});

describe('arrowHead', () => {
  // cos and sin of the 27° half-opening, for expected wing positions.
  const c = Math.cos(Math.PI * 0.15);
  const s = Math.sin(Math.PI * 0.15);
  it.each<[string, Point, Point, number, { tip: Point; left: Point; right: Point; base: Point }]>([
    [
      'pointing right',
      pt(0, 0),
      pt(100, 0),
      10,
      { tip: pt(100, 0), left: pt(100 - 10 * c, 10 * s), right: pt(100 - 10 * c, -10 * s), base: pt(100 - 10 * c, 0) },
    ],
    [
      'pointing down (screen y grows downward)',
      pt(50, 0),
      pt(50, 200),
      20,
      { tip: pt(50, 200), left: pt(50 - 20 * s, 200 - 20 * c), right: pt(50 + 20 * s, 200 - 20 * c), base: pt(50, 200 - 20 * c) },
    ],
    [
      'head longer than the arrow is shortened to it',
      pt(0, 0),
      pt(-6, 0),
      10,
      { tip: pt(-6, 0), left: pt(-6 + 6 * c, -6 * s), right: pt(-6 + 6 * c, 6 * s), base: pt(-6 + 6 * c, 0) },
    ],
  ])('%s', (_, tail, head, length, expected) => {
    const result = arrowHead(tail, head, length);
    expect(result).not.toBeNull();
    if (!result) return;
    expectPoint(result.tip, expected.tip);
    expectPoint(result.left, expected.left);
    expectPoint(result.right, expected.right);
    expectPoint(result.base, expected.base);
  });

  it('has wings equally far from the tip and symmetric about the shaft, at any angle', () => {
    const tail = pt(10, 20);
    for (const head of [pt(80, 95), pt(-40, 5), pt(10, -300), pt(311, 20)]) {
      const result = arrowHead(tail, head, 30);
      if (!result) throw new Error('expected a head');
      expect(distance(result.left, result.tip)).toBeCloseTo(30, 6);
      expect(distance(result.right, result.tip)).toBeCloseTo(30, 6);
      expectPoint(
        { x: (result.left.x + result.right.x) / 2, y: (result.left.y + result.right.y) / 2 },
        result.base,
      );
    }
  });

  it('is null for an arrow of no length, which has no direction', () => {
    expect(arrowHead(pt(5, 5), pt(5, 5), 10)).toBeNull();
  });
});

describe('isMeaningful', () => {
  const circle = (r: number): Stroke => ({ tool: 'circle', from: pt(100, 100), to: pt(100 + r, 100) });
  const arrow = (dx: number, dy: number): Stroke => ({ tool: 'arrow', from: pt(0, 0), to: pt(dx, dy) });
  const freehand = (...points: Point[]): Stroke => ({ tool: 'freehand', points });
  it.each<[string, Stroke, boolean]>([
    ['a tap with the circle tool', circle(0), false],
    ['a circle just under the minimum radius', circle(25.9), false],
    ['a circle of the minimum radius', circle(26), true],
    ['a long arrow', arrow(30, 40), true],
    ['a short diagonal arrow (length 25)', arrow(15, 20), false],
    ['a freehand tap', freehand(pt(1, 1)), false],
    ['a freehand wiggle in place', freehand(pt(0, 0), pt(5, 0), pt(0, 0), pt(5, 0), pt(0, 0)), false],
    ['a freehand line counted along its path, not end to end', freehand(pt(0, 0), pt(20, 0), pt(0, 0)), true],
    ['no points at all', freehand(), false],
  ])('%s → %s', (_, stroke, expected) => {
    expect(isMeaningful(stroke, 26)).toBe(expected);
  });
});

describe('zoomAbout', () => {
  const none: Zoom = { scale: 1, x: 0, y: 0 };
  it.each<[string, Zoom, Point, number, Zoom]>([
    ['about the centre: no pan', none, pt(0, 0), 2, { scale: 2, x: 0, y: 0 }],
    ['about a point right of centre: the image moves left', none, pt(100, 0), 2, { scale: 2, x: -100, y: 0 }],
    ['double-tap zoom about a corner', none, pt(-200, 100), 2.5, { scale: 2.5, x: 300, y: -150 }],
    ['from a zoomed and panned state', { scale: 2, x: -100, y: 40 }, pt(100, 0), 4, { scale: 4, x: -300, y: 80 }],
    ['clamped at 6x', { scale: 4, x: 0, y: 0 }, pt(50, 0), 12, { scale: 6, x: -25, y: 0 }],
    ['clamped at 1x', { scale: 2, x: -100, y: 0 }, pt(0, 0), 0.2, { scale: 1, x: -50, y: 0 }],
  ])('%s', (_, zoom, focus, scale, expected) => {
    expectZoom(zoomAbout(zoom, focus, scale), expected);
  });

  it('keeps the image point under the fingers where it was', () => {
    const zoom: Zoom = { scale: 1.7, x: 33, y: -12 };
    const focus = pt(-120, 80);
    const under = (z: Zoom) => pt((focus.x - z.x) / z.scale, (focus.y - z.y) / z.scale);
    expectPoint(under(zoomAbout(zoom, focus, 3.2)), under(zoom));
  });
});

describe('clampPan', () => {
  const stage = size(800, 1000);
  const fitted = size(800, 600); // a landscape photo on a portrait tablet: black bands above and below
  it.each<[string, Zoom, Zoom]>([
    ['at 1x no pan is possible', { scale: 1, x: 120, y: -80 }, { scale: 1, x: 0, y: 0 }],
    ['at 2x, within the edges: unchanged', { scale: 2, x: 300, y: 50 }, { scale: 2, x: 300, y: 50 }],
    ['at 2x, past the left edge', { scale: 2, x: 900, y: 0 }, { scale: 2, x: 400, y: 0 }],
    ['at 2x, past the right edge', { scale: 2, x: -900, y: 0 }, { scale: 2, x: -400, y: 0 }],
    ['at 1.5x the photo is still shorter than the stage: centred vertically', { scale: 1.5, x: 0, y: 90 }, { scale: 1.5, x: 0, y: 0 }],
    ['at 3x taller than the stage: vertical pan limited to the overflow', { scale: 3, x: 0, y: -500 }, { scale: 3, x: 0, y: -400 }],
  ])('%s', (_, zoom, expected) => {
    expectZoom(clampPan(zoom, fitted, stage), expected);
  });
});
