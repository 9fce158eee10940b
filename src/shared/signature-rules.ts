// When ink on the pad counts as a signature. The pad cannot tell a name from a scribble, but
// it can refuse what is plainly not a signature: nothing, a tap, a tiny tick, or one straight
// stroke. The thresholds are relative to the pad, so they hold on any tablet and orientation.
import type { Stroke } from './signature.ts';

/**
 * What a real signature has at least. A Chinese name of two or three characters signed at a
 * normal size (about a third of the pad wide or more) has several strokes per character and
 * clears every threshold with a wide margin (see tests/unit/signature-rules.test.ts, 张伟).
 */
export const SIGNATURE_THRESHOLDS = {
  /** Total length of ink, as a fraction of the pad width: a tick or a short dash is less. */
  inkLengthOfWidth: 0.6,
  /** Width of the inked area, as a fraction of the pad width. */
  widthOfWidth: 0.25,
  /** Height of the inked area, as a fraction of the pad height: a horizontal line is flat. */
  heightOfHeight: 0.1,
  /**
   * Thickness of the ink across its own main direction, as a fraction of the pad height: a
   * straight line drawn at a slant has a tall bounding box but no thickness across it.
   */
  thicknessOfHeight: 0.1,
  /** Sampled points over all strokes: a tap or a flick has a handful. */
  points: 15,
} as const;

export type SignatureProblem = 'empty' | 'tooShort';

/** Why this ink is not accepted as a signature, or null when it is. */
export function signatureProblem(strokes: readonly Stroke[], pad: { width: number; height: number }): SignatureProblem | null {
  if (!(pad.width > 0 && pad.height > 0 && Number.isFinite(pad.width) && Number.isFinite(pad.height)))
    throw new RangeError(`signatureProblem: bad pad size ${pad.width}×${pad.height}`);
  const points = strokes.flat();
  if (points.length === 0) return 'empty';
  for (const p of points)
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y) || !Number.isFinite(p.t)) throw new RangeError('signatureProblem: a point is not finite');

  const t = SIGNATURE_THRESHOLDS;
  if (points.length < t.points) return 'tooShort';
  if (inkLength(strokes) < t.inkLengthOfWidth * pad.width) return 'tooShort';
  if (extent(points.map((p) => p.x)) < t.widthOfWidth * pad.width) return 'tooShort';
  if (extent(points.map((p) => p.y)) < t.heightOfHeight * pad.height) return 'tooShort';
  if (thickness(points) < t.thicknessOfHeight * pad.height) return 'tooShort';
  return null;
}

function inkLength(strokes: readonly Stroke[]): number {
  let length = 0;
  for (const stroke of strokes)
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1];
      const b = stroke[i];
      if (a && b) length += Math.hypot(b.x - a.x, b.y - a.y);
    }
  return length;
}

/**
 * The extent of the points across their principal axis (the direction of greatest spread,
 * from the 2×2 covariance): near zero for any straight line, whatever its slant.
 */
function thickness(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  const angle = Math.atan2(2 * sxy, sxx - syy) / 2;
  // Unit vector across the principal axis.
  const nx = -Math.sin(angle);
  const ny = Math.cos(angle);
  return extent(points.map((p) => p.x * nx + p.y * ny));
}

// A loop, not Math.max(...values): a long signature has more points than a call has arguments.
function extent(values: readonly number[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min;
}
