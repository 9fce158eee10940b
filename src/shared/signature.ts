// A customer's signature and what it proves. `contentHash` is the SHA-256 of the canonical
// JSON of exactly what the signer was shown (signed-content.ts); the server recomputes it
// from its own state. Stroke data and the PNG are content-addressed blobs.
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';
import { sha256Schema } from './walkaround.ts';

/** 接车确认 (check-in condition), 估价确认 (estimate), 追加项目 (additional work), 交车 (delivery). */
export const SIGNATURE_KINDS = ['checkin', 'estimate', 'additional', 'delivery'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

export const signatureFieldsSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SIGNATURE_KINDS),
  signerName: text(50).min(1, { message: 'required' }),
  signedAt: isoDateTime,
  /** The tablet it was signed on (its sync client id). */
  deviceId: z.uuid(),
  contentHash: sha256Schema,
  /** The signature image (PNG) and the pen strokes (JSON), both as blobs by hash. */
  pngSha256: sha256Schema,
  strokesSha256: sha256Schema,
  /**
   * What of the card this signature is of, where a card has several documents of one kind:
   * for 追加项目, the decision round (approval id) the customer signed.
   */
  subjectId: z.uuid().optional(),
});
export const signatureSchema = signatureFieldsSchema;
export type Signature = z.infer<typeof signatureSchema>;

/** One pen stroke: points in CSS pixels of the pad, with time in ms from the stroke's start. */
export type StrokePoint = { x: number; y: number; t: number };
export type Stroke = StrokePoint[];
