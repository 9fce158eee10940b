// Drawing the strokes of an annotation, once for the screen and once for the saved JPEG,
// with the same code so what the advisor saw is what is saved.
import { arrowHead, distance, strokeWidthFor, type Stroke } from '../annotate-geometry.ts';

/** Signal red: stands out on silver, white and black paint alike. */
const COLOUR = '#ff1744';
/** A thin white rim keeps the red readable on red cars and in shadow. */
const RIM = '#ffffff';
const JPEG_QUALITY = 0.85;

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Draws the photo at its natural size and the strokes (in its natural pixels) on top. */
export function drawAnnotation(ctx: Context2D, image: ImageBitmap, strokes: readonly Stroke[]): void {
  ctx.drawImage(image, 0, 0, image.width, image.height);
  const width = strokeWidthFor(image);
  const rim = Math.max(1, width * 0.3);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    // Each stroke white and a little wider first, then red on top of it.
    paint(ctx, stroke, width, RIM, rim);
    paint(ctx, stroke, width, COLOUR, 0);
  }
}

function paint(ctx: Context2D, stroke: Stroke, width: number, colour: string, grow: number): void {
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = width + grow * 2;
  ctx.beginPath();
  if (stroke.tool === 'circle') {
    ctx.arc(stroke.from.x, stroke.from.y, distance(stroke.from, stroke.to), 0, Math.PI * 2);
    ctx.stroke();
    return;
  }
  if (stroke.tool === 'freehand') {
    const [first, ...rest] = stroke.points;
    if (!first) return;
    ctx.moveTo(first.x, first.y);
    // A single point still draws a dot: the round cap of a zero-length line.
    for (const point of rest.length > 0 ? rest : [first]) ctx.lineTo(point.x, point.y);
    ctx.stroke();
    return;
  }
  const head = arrowHead(stroke.from, stroke.to, width * 4.5);
  if (!head) return;
  ctx.moveTo(stroke.from.x, stroke.from.y);
  ctx.lineTo(head.base.x, head.base.y);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(head.tip.x, head.tip.y);
  ctx.lineTo(head.left.x, head.left.y);
  ctx.lineTo(head.right.x, head.right.y);
  ctx.closePath();
  ctx.fill();
  if (grow > 0) {
    ctx.lineWidth = grow * 2;
    ctx.stroke();
  }
}

/** The annotated photo as a JPEG at the full stored resolution of `image`. */
export async function encodeAnnotated(image: ImageBitmap, strokes: readonly Stroke[]): Promise<Blob> {
  const offscreen = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(image.width, image.height);
  const offscreenCtx = offscreen?.getContext('2d');
  if (offscreen && offscreenCtx) {
    drawAnnotation(offscreenCtx, image, strokes);
    return offscreen.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  // Safari before 16.4 has no 2D OffscreenCanvas: an unattached canvas does the same.
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  drawAnnotation(ctx, image, strokes);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', JPEG_QUALITY),
  );
}
