// Ink and image bytes the signature repo accepts, for tests that need a customer's signature
// on a card: enough strokes, points and height to pass the signature rules, and bytes that
// start as a PNG does.
import type { SignatureInput } from '../../../src/db/signature-repo.ts';
import type { Stroke } from '../../../src/shared/signature.ts';

export const PAD = { width: 800, height: 300 };

/** Two wavy strokes across a third of the pad: plenty of ink, points and height. */
export function signatureStrokes(): Stroke[] {
  return [0, 1].map((row) =>
    Array.from({ length: 60 }, (_, i) => ({ x: 150 + i * 4 + row * 20, y: 110 + row * 50 + 25 * Math.sin(i / 4), t: i * 16 })),
  );
}

/** Bytes with a PNG signature in front, as the pad's export starts. */
export function pngBytes(seed = 1): ArrayBuffer {
  const bytes = new Uint8Array(600);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (seed * 31 + i * 7) % 251;
  return bytes.buffer;
}

/** A signature of `kind` by 张伟 that passes every check, with `over` on top. */
export function signatureInput(kind: SignatureInput['kind'], over: Partial<SignatureInput> = {}): SignatureInput {
  return { kind, signerName: '张伟', strokes: signatureStrokes(), png: pngBytes(), pad: PAD, ...over };
}
