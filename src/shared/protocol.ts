// The sync protocol between tablet and server (DESIGN.md, "Sync protocol"): the request and
// response bodies of every /api/v1 route, as zod schemas both sides import. The server
// validates every request with them and generates its OpenAPI document from them.
//
// Tablets run old builds for days: every request carries PROTOCOL_HEADER, and each side says
// clearly "update the app" or "update the server" instead of exchanging data it may misread.
import { z } from 'zod';
import { catalogueItemSchema } from './catalogue.ts';
import { jobSchema } from './job.ts';
import { mutationSchema } from './mutation.ts';
import { hasControlCharacters } from './plain-text.ts';
import { advisorSchema, storeSummarySchema, usernameSchema } from './people.ts';
import { isoDateTime } from './primitives.ts';

// Stores and advisors are in people.ts (the store console reads them without the sync
// protocol's schemas); re-exported so the protocol's users keep importing them from here.
export { ADVISOR_ROLES, advisorSchema, storeSummarySchema, usernameSchema, type Advisor, type AdvisorRole, type StoreSummary } from './people.ts';

/**
 * 2: the card's life after check-in (issue 10): new statuses and operations, and the signed
 * content of 追加项目 (per decision round) and 交车. A tablet of version 1 would refuse the cards
 * it pulls and a server of version 1 the changes it is sent, so each is told to update instead.
 * 3: desk speed (issue 11): a damage mark may have no severity yet (null) and may link to the
 * mark of the last visit it confirms (`previous`), which the signed check-in content carries.
 * A version-2 tablet would refuse such a card, or drop the link and sign a different hash.
 */
export const PROTOCOL_VERSION = 3;
/** Request header with the sender's PROTOCOL_VERSION; a mismatch gets 426. */
export const PROTOCOL_HEADER = 'x-walkaround-protocol';

/** Most mutations one push may carry; the client sends larger outboxes in several batches. */
export const MAX_PUSH_BATCH = 200;
/** Most jobs one pull page returns. */
export const MAX_PULL_PAGE = 100;
/** Largest blob the server stores: a 1600 px photo is about 200-400 KB, so 15 MB is generous. */
export const MAX_BLOB_BYTES = 15 * 1024 * 1024;

/** Every 4xx/5xx body. `error` is a stable code for programs, `message` is for people. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Error codes the tablet reacts to (the rest it shows as they come). */
export const API_ERRORS = {
  unauthenticated: 'unauthenticated',
  deviceRevoked: 'device_revoked',
  clientOutdated: 'client_outdated',
  serverOutdated: 'server_outdated',
  notFound: 'not_found',
  rateLimited: 'rate_limited',
  /** Too many password checks at once (not failures): try again in a few seconds. */
  signInBusy: 'sign_in_busy',
  /** Enrolling a clientId that is enrolled already, without that tablet's secret. */
  reenrollmentRefused: 'reenrollment_refused',
  /** A pushed seq the server acknowledged before belongs to a different mutation. */
  seqConflict: 'seq_conflict',
  /** The server cannot reach its records right now (503 with Retry-After): send again later. */
  recordsUnavailable: 'records_unavailable',
} as const;

// ---- auth ----

/** What an administrator gives the advisor to connect a tablet: 8 characters, no 0/O/1/I. */
export const enrollmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{8}$/, { message: 'enrollmentCode.invalid' });

export const enrollRequestSchema = z
  .object({
    code: enrollmentCodeSchema,
    /** The tablet's sync client id (its outbox identity), bound to the token issued. */
    clientId: z.uuid(),
    /**
     * A random secret the tablet made for itself and never syncs (base64url, 32 bytes or
     * more): re-enrolling an existing clientId needs the same secret or an administrator's
     * approval, so reading a tablet's clientId is not enough to take its place.
     */
    deviceSecret: z.string().regex(/^[A-Za-z0-9_-]{43,128}$/, { message: 'deviceSecret.invalid' }).optional(),
    /** Shown on the other tablets and in the administrator's terminal: plain text only. */
    deviceName: z.string().trim().min(1).max(60).refine((name) => !hasControlCharacters(name), { message: 'deviceName.controlCharacters' }),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  /** Bearer token for every later request. Revocable by the store administrator. */
  deviceToken: z.string(),
  device: z.object({
    id: z.uuid(),
    /** The tablet's letter(s) in job numbers, unique in its store: A, B, ... Z, AA, ... */
    code: z.string(),
    name: z.string(),
  }),
  store: storeSummarySchema,
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const signInRequestSchema = z
  .object({
    username: usernameSchema,
    password: z.string().min(1).max(200),
  })
  .strict();
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInResponseSchema = z.object({ advisor: advisorSchema });
export type SignInResponse = z.infer<typeof signInResponseSchema>;

/** A new advisor password: long enough to resist guessing at the rate-limited sign-in. */
export const passwordSchema = z.string().min(8, { message: 'password.tooShort' }).max(200);

// ---- sync ----

export const pushRequestSchema = z
  .object({
    mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * Why the server refused one mutation. A refused mutation still counts as handled (its seq
 * is acknowledged, so it never blocks the outbox); the server keeps it for audit and the
 * tablet shows the card as needing attention with this reason.
 */
export const REJECT_REASONS = [
  /** The job is unknown to this store (never created, or another store's). */
  'unknown_job',
  /** The customer signed content that differs from the server's copy of the job. */
  'content_mismatch',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const pushResponseSchema = z.object({
  /** Highest seq of this client the server has handled (applied or refused). */
  lastSeq: z.number().int().nonnegative(),
  /** Mutations refused in this or an earlier push, by mutationId, with the reason. */
  rejected: z.array(z.object({ mutationId: z.uuid(), seq: z.number().int(), reason: z.enum(REJECT_REASONS) })),
  /**
   * Blobs a mutation needs that the server lacks: the push stopped before that mutation.
   * Upload them and push again.
   */
  missingBlobs: z.array(z.string()),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z
  .object({
    /** The `cursor` of the previous page; 0 (or absent) for everything. */
    cursor: z.coerce.number().int().nonnegative().default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(MAX_PULL_PAGE),
    /** The catalogue version the tablet has; the catalogue is sent only when newer. */
    catalogueVersion: z.coerce.number().int().nonnegative().default(0),
  })
  .strict();
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pullResponseSchema = z.object({
  /** Pass back as `cursor` for the next page. */
  cursor: z.number().int().nonnegative(),
  /** More pages are waiting: pull again at once. */
  more: z.boolean(),
  /** Jobs of this store changed after the cursor, as the server has them. */
  jobs: z.array(jobSchema),
  /**
   * Highest seq of this client the server had handled when it read these jobs: outbox
   * entries up to it are in them, later ones are re-applied on top (rebase).
   */
  lastSeq: z.number().int().nonnegative(),
  advisors: z.array(advisorSchema),
  /** The store's labour and parts catalogue, only when newer than the tablet's. */
  catalogue: z.object({ version: z.number().int().positive(), items: z.array(catalogueItemSchema) }).nullable(),
  serverTime: isoDateTime,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** `GET /api/v1/jobs/:id`: the server's copy of one job (its answer is a `jobSchema`). */
export const jobParamsSchema = z.object({ id: z.uuid() }).strict();

/** `GET /api/v1/vehicles/visits`: a vehicle's earlier visits in this store, by plate or VIN. */
export const visitsQuerySchema = z
  .object({ plate: z.string().max(12).optional(), vin: z.string().max(17).optional() })
  .strict()
  .refine((q) => q.plate || q.vin, { message: 'Give a plate or a VIN.' });
export type VisitsQuery = z.infer<typeof visitsQuerySchema>;

export const visitsResponseSchema = z.object({ jobs: z.array(jobSchema) });

export const blobParamsSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256.invalid' }),
});
