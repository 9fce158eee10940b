// What leaves the signature pad: signature_pad's point groups as the shared Stroke[] (points
// in CSS pixels of the pad, time from each stroke's start, so the record says nothing about
// the wall clock), and the canvas as PNG bytes to store as a content-addressed blob.
import type { PointGroup } from 'signature_pad';
import type { Stroke } from '../../shared/signature.ts';

// Hundredths of a CSS pixel are finer than any finger or pen, and keep the stroke JSON small.
const round2 = (n: number) => Math.round(n * 100) / 100;

export function toStrokes(groups: readonly PointGroup[]): Stroke[] {
  return groups
    .filter((group) => group.points.length > 0)
    .map((group) => {
      const start = group.points[0]?.time ?? 0;
      return group.points.map((p) => ({ x: round2(p.x), y: round2(p.y), t: Math.max(0, Math.round(p.time - start)) }));
    });
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob.arrayBuffer());
      else reject(new Error('The signature image could not be made'));
    }, 'image/png');
  });
}
