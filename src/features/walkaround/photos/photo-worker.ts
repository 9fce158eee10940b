// The photo pipeline, off the main thread (DESIGN.md "Data"): decode with the EXIF orientation
// applied, downscale once to a 1600 px long edge, encode JPEG, make a 240 px thumbnail, and
// hash both results. Runs as a module Worker started by process-photos.ts; the bytes go back
// as transferred ArrayBuffers, so nothing is copied on the way.
import { sha256Hex } from '../../../shared/sha256.ts';

export type ProcessedImage = {
  bytes: ArrayBuffer;
  sha256: string;
  width: number;
  height: number;
  mime: 'image/jpeg';
};

export type PhotoWorkerRequest = { id: number; file: Blob };

export type PhotoWorkerResponse =
  | { id: number; ok: true; photo: ProcessedImage; thumb: ProcessedImage }
  | { id: number; ok: false; reason: 'corrupt' };

// About 1600 px is enough to read a VIN plate or see a scratch at full screen, and keeps a
// photo near 200-300 KB; the thumbnail fills a strip tile at 2x pixel density.
const PHOTO = { longEdge: 1600, quality: 0.8 } as const;
const THUMB = { longEdge: 240, quality: 0.7 } as const;

self.addEventListener('message', (event: MessageEvent<PhotoWorkerRequest>) => {
  void respond(event.data);
});

async function respond({ id, file }: PhotoWorkerRequest): Promise<void> {
  let response: PhotoWorkerResponse;
  try {
    response = { id, ok: true, ...(await processImage(file)) };
  } catch {
    // The bytes looked like an image but the browser cannot decode or re-encode them.
    response = { id, ok: false, reason: 'corrupt' };
  }
  self.postMessage(response, { transfer: response.ok ? [response.photo.bytes, response.thumb.bytes] : [] });
}

async function processImage(file: Blob): Promise<{ photo: ProcessedImage; thumb: ProcessedImage }> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  let photoCanvas: OffscreenCanvas;
  try {
    photoCanvas = drawScaled(bitmap, bitmap.width, bitmap.height, PHOTO.longEdge);
  } finally {
    // A decoded 12 MP photo holds about 48 MB: let it go before encoding.
    bitmap.close();
  }
  const thumbCanvas = drawScaled(photoCanvas, photoCanvas.width, photoCanvas.height, THUMB.longEdge);
  const photo = await encode(photoCanvas, PHOTO.quality);
  const thumb = await encode(thumbCanvas, THUMB.quality);
  return { photo, thumb };
}

/** The source drawn so its long edge is at most `longEdge` (never enlarged). */
function drawScaled(source: CanvasImageSource, width: number, height: number, longEdge: number): OffscreenCanvas {
  if (width < 1 || height < 1) throw new Error('empty image');
  const scale = Math.min(1, longEdge / Math.max(width, height));
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  // JPEG has no alpha: transparent parts of a PNG or WebP become white, not black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

async function encode(canvas: OffscreenCanvas, quality: number): Promise<ProcessedImage> {
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  const bytes = await blob.arrayBuffer();
  return { bytes, sha256: await sha256Hex(bytes), width: canvas.width, height: canvas.height, mime: 'image/jpeg' };
}
