// Pure geometry of looking at and drawing on a photo: fitting it to the screen, mapping a
// touch to the photo's own pixels, the shape of an arrowhead, and the clamps of pinch-zoom.
// Kept free of the DOM so every rule here is a table-driven unit test.

export type Point = { x: number; y: number };
export type Size = { width: number; height: number };
export type Rect = { left: number; top: number; width: number; height: number };

export const ANNOTATION_TOOLS = ['circle', 'arrow', 'freehand'] as const;
export type AnnotationTool = (typeof ANNOTATION_TOOLS)[number];

/**
 * One stroke in the photo's natural pixels, so it lands in the same place on the saved
 * full-size image whatever size the canvas had on screen. A circle is drawn from its centre
 * (`from`) out to a point on its rim (`to`): the advisor puts a finger on the dent and drags out.
 */
export type Stroke =
  | { tool: 'circle' | 'arrow'; from: Point; to: Point }
  | { tool: 'freehand'; points: Point[] };

/** The largest size with `natural`'s aspect ratio that fits in `box` (may scale up). */
export function fitContain(natural: Size, box: Size): Size {
  if (natural.width <= 0 || natural.height <= 0 || box.width <= 0 || box.height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(box.width / natural.width, box.height / natural.height);
  return { width: natural.width * scale, height: natural.height * scale };
}

/**
 * A pointer's client position → the photo's natural pixels, given where the photo is drawn
 * on screen. Clamped to the photo, so a drag that runs off the edge still draws on its border.
 */
export function toImagePoint(client: Point, drawn: Rect, natural: Size): Point {
  if (drawn.width <= 0 || drawn.height <= 0) return { x: 0, y: 0 };
  const x = ((client.x - drawn.left) / drawn.width) * natural.width;
  const y = ((client.y - drawn.top) / drawn.height) * natural.height;
  return { x: clamp(x, 0, natural.width), y: clamp(y, 0, natural.height) };
}

/** Line width in natural pixels: about 0.8% of the long edge, so marks read the same on any photo. */
export function strokeWidthFor(natural: Size): number {
  return Math.max(2, Math.round(Math.max(natural.width, natural.height) * 0.008));
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** Half the opening of an arrowhead, in radians (about 27°: pointed, but not a needle). */
const HEAD_HALF_ANGLE = Math.PI * 0.15;

export type ArrowHead = {
  /** The point of the arrow: where the drag ended. */
  tip: Point;
  left: Point;
  right: Point;
  /** Where the shaft should stop, so its square end does not poke through the tip. */
  base: Point;
};

/**
 * The solid triangle at the head of an arrow from `tail` to `head`, `length` long but never
 * longer than the arrow itself. Null for an arrow of no length (a tap), which has no direction.
 */
export function arrowHead(tail: Point, head: Point, length: number): ArrowHead | null {
  const total = distance(tail, head);
  if (total < 1e-6) return null;
  const size = Math.min(length, total);
  const angle = Math.atan2(head.y - tail.y, head.x - tail.x);
  const wing = (offset: number): Point => ({
    x: head.x - size * Math.cos(angle + offset),
    y: head.y - size * Math.sin(angle + offset),
  });
  const back = size * Math.cos(HEAD_HALF_ANGLE);
  return {
    tip: head,
    left: wing(-HEAD_HALF_ANGLE),
    right: wing(HEAD_HALF_ANGLE),
    base: { x: head.x - back * Math.cos(angle), y: head.y - back * Math.sin(angle) },
  };
}

/**
 * Whether a finished stroke is worth keeping: a tap or a tiny slip of the finger (shorter
 * than `minLength` natural pixels) would otherwise leave a dot the advisor has to undo.
 */
export function isMeaningful(stroke: Stroke, minLength: number): boolean {
  if (stroke.tool !== 'freehand') return distance(stroke.from, stroke.to) >= minLength;
  let length = 0;
  for (let i = 1; i < stroke.points.length; i++) {
    const previous = stroke.points[i - 1];
    const current = stroke.points[i];
    if (previous && current) length += distance(previous, current);
    if (length >= minLength) return true;
  }
  return false;
}

// --- Pinch-zoom of the viewer ------------------------------------------------------------

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 6;
export const DOUBLE_TAP_ZOOM = 2.5;

/**
 * The image's CSS transform, `translate(x, y) scale(scale)` about the centre of the stage:
 * a point p (relative to that centre) of the unzoomed image shows at x/y + scale·p.
 */
export type Zoom = { scale: number; x: number; y: number };
export const NO_ZOOM: Zoom = { scale: 1, x: 0, y: 0 };

/**
 * Zooms to `scale` (clamped to 1–6) keeping the image point under `focus` (relative to the
 * stage centre) where it is, which is what makes a pinch feel anchored under the fingers.
 */
export function zoomAbout(zoom: Zoom, focus: Point, scale: number): Zoom {
  const next = clamp(scale, MIN_ZOOM, MAX_ZOOM);
  const ratio = next / zoom.scale;
  return { scale: next, x: focus.x - (focus.x - zoom.x) * ratio, y: focus.y - (focus.y - zoom.y) * ratio };
}

/**
 * Keeps the zoomed image covering the stage: no pan past its edges, and centred on an axis
 * where it is smaller than the stage. `fitted` is the image's on-screen size at scale 1.
 */
export function clampPan(zoom: Zoom, fitted: Size, stage: Size): Zoom {
  const maxX = Math.max(0, (fitted.width * zoom.scale - stage.width) / 2);
  const maxY = Math.max(0, (fitted.height * zoom.scale - stage.height) / 2);
  return { scale: zoom.scale, x: clamp(zoom.x, -maxX, maxX), y: clamp(zoom.y, -maxY, maxY) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
