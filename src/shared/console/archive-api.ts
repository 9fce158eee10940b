// The store console's card archive (客户档案, routes/console-archive-routes.ts): what the archive
// page asks and what the server answers, one schema each, used by the routes, by the page's
// parse of every answer and by the tests. Every route reads the signed-in user's store only.
import { z } from 'zod';
import { jobSchema, SERVICE_TYPES } from '../job.ts';
import { JOB_STATUSES } from '../job-status.ts';
import { isoDateTime } from '../primitives.ts';
import { SIGNATURE_KINDS } from '../signature.ts';
import { sha256Schema } from '../walkaround.ts';

export const ARCHIVE_API = '/api/v1/console/archive';

/** The most cards one search answers with; the page asks for more typing past that. */
export const SEARCH_LIMIT_MAX = 100;
/** The most visits a customer's page lists. */
export const CUSTOMER_VISITS_MAX = 200;

export const archiveSearchQuerySchema = z
  .object({
    q: z
      .string({ message: 'q is required: a plate, VIN, phone, name or job number' })
      .trim()
      .min(1, { message: 'q is empty: type a plate, VIN, phone, name or job number' })
      .max(50, { message: 'q is at most 50 characters' }),
    limit: z.coerce
      .number({ message: `limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}` })
      .int({ message: `limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}` })
      .min(1, { message: `limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}` })
      .max(SEARCH_LIMIT_MAX, { message: `limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}` })
      .default(50),
  })
  .strict();
export type ArchiveSearchQuery = z.infer<typeof archiveSearchQuerySchema>;

/** One card as a list shows it. Plate and VIN as normalised; phone as the customer gave it, digits only. */
export const cardSummarySchema = z.object({
  jobId: z.string(),
  number: z.string(),
  status: z.enum(JOB_STATUSES),
  createdAt: isoDateTime,
  checkedInAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  plate: z.string(),
  vin: z.string(),
  customerName: z.string(),
  customerPhone: z.string(),
  /** Who checked the car in; null when no signed-in advisor did. */
  advisorName: z.string().nullable(),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  photoCount: z.number().int(),
  estimateFen: z.number().int(),
});
export type CardSummary = z.infer<typeof cardSummarySchema>;

export const archiveSearchResponseSchema = z.object({
  cards: z.array(cardSummarySchema),
  /** More cards matched than were sent: type more of the plate, phone or name. */
  more: z.boolean(),
});
export type ArchiveSearchResponse = z.infer<typeof archiveSearchResponseSchema>;

export const jobIdParamsSchema = z.object({ jobId: z.uuid({ message: 'jobId must be a card id (a UUID) from the search' }) }).strict();

/** A signature on the card and whether the server's own hash of what it names still matches. */
export const archiveSignatureSchema = z.object({
  id: z.string(),
  kind: z.enum(SIGNATURE_KINDS),
  signerName: z.string(),
  signedAt: isoDateTime,
  pngSha256: sha256Schema,
  /** The tablet it was signed on (its letter), when the store still knows it. */
  device: z.string().nullable(),
  /**
   * True when the SHA-256 the server recomputes from the stored card (shared/signed-content.ts)
   * equals the hash signed: what the customer signed is what the card says. False: the card
   * changed after this signature (a later signature of the same document usually follows).
   */
  verified: z.boolean(),
});
export type ArchiveSignature = z.infer<typeof archiveSignatureSchema>;

/** One change the server received for the card: who, on which tablet, when, what. */
export const archiveHistoryEntrySchema = z.object({
  serverOrder: z.number().int(),
  /** When the tablet made the change (its clock) and when the server received it. */
  createdAt: isoDateTime,
  receivedAt: isoDateTime,
  op: z.string(),
  /** For a change of the card's fields, which ones (customer.phone, vehicle.plate…). */
  fields: z.array(z.string()),
  advisorName: z.string().nullable(),
  /** The tablet's letter (A, B…). */
  device: z.string().nullable(),
  status: z.enum(['applied', 'rejected']),
  reason: z.string().nullable(),
});
export type ArchiveHistoryEntry = z.infer<typeof archiveHistoryEntrySchema>;

export const archiveCardResponseSchema = z.object({
  /** The card exactly as stored (read-only). */
  job: jobSchema,
  checkedInBy: z.string().nullable(),
  signatures: z.array(archiveSignatureSchema),
  history: z.array(archiveHistoryEntrySchema),
});
export type ArchiveCardResponse = z.infer<typeof archiveCardResponseSchema>;

export const customerQuerySchema = z
  .object({
    phone: z.string().max(30, { message: 'phone is at most 30 characters' }).default(''),
    name: z.string().max(50, { message: 'name is at most 50 characters' }).default(''),
  })
  .strict()
  .refine((query) => query.phone.replace(/\D/g, '') !== '' || query.name.trim() !== '', {
    message: "Give the customer's phone (digits) or name",
    path: ['phone'],
  });
export type CustomerQuery = z.infer<typeof customerQuerySchema>;

/** One vehicle the customer brought, with its visits counted. */
export const customerVehicleSchema = z.object({
  plate: z.string(),
  vin: z.string(),
  model: z.string(),
  color: z.string(),
  visits: z.number().int(),
  lastVisitAt: isoDateTime,
});

export const customerResponseSchema = z.object({
  name: z.string(),
  phone: z.string(),
  vehicles: z.array(customerVehicleSchema),
  visits: z.array(cardSummarySchema),
  /** More visits than CUSTOMER_VISITS_MAX: the oldest are not listed. */
  more: z.boolean(),
});
export type CustomerResponse = z.infer<typeof customerResponseSchema>;

export const blobParamsSchema = z
  .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256 must be the 64 lower-case hex digits of a photo or signature of a card' }) })
  .strict();

/** Where the console reads a photo's or signature's bytes (the store's own blobs only). */
export const blobPath = (sha256: string) => `${ARCHIVE_API}/blobs/${sha256}`;
