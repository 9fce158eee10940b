// The store console's administration API (routes/console-admin-routes.ts): what an admin asks
// of the server and what it answers, one schema each, used by the routes, by the console's
// parse of every answer and by the tests. The rules themselves stay where the command line
// keeps them (server/admin/store-admin.ts, shared/store-profile.ts, shared/catalogue-csv.ts).
import { z } from 'zod';
import { catalogueItemSchema } from '../catalogue.ts';
import { isoDateTime } from '../primitives.ts';
import { ADVISOR_ROLES, advisorSchema } from '../people.ts';
import { enrollmentCodeSchema } from '../protocol.ts';
import { storeDefaultsSchema } from '../store-profile.ts';

export const ADMIN_API = '/api/v1/console/admin';

/** An advisor as the administrator's list shows them: disabledAt null while they may sign in. */
export const advisorListingSchema = advisorSchema.extend({ disabledAt: isoDateTime.nullable() });
export type AdvisorListing = z.infer<typeof advisorListingSchema>;

export const advisorsResponseSchema = z.object({ advisors: z.array(advisorListingSchema) });

/** The username's rule is addAdvisor's (one message for every way it can be wrong); here only its size. */
export const addAdvisorRequestSchema = z
  .object({
    username: z.string().max(100),
    name: z.string().max(60),
    role: z.enum(ADVISOR_ROLES),
  })
  .strict();
export type AddAdvisorRequest = z.infer<typeof addAdvisorRequestSchema>;

/** A generated password, shown once: the server keeps only its hash. */
export const advisorPasswordResponseSchema = z.object({ advisor: advisorListingSchema, password: z.string() });
export type AdvisorPasswordResponse = z.infer<typeof advisorPasswordResponseSchema>;

export const advisorParamsSchema = z.object({ username: z.string().min(1).max(40) });

export const setDisabledRequestSchema = z.object({ disabled: z.boolean() }).strict();
export const advisorResponseSchema = z.object({ advisor: advisorListingSchema });

export const tabletSchema = z.object({
  id: z.uuid(),
  /** The tablet's letter, which its job numbers carry. */
  code: z.string(),
  name: z.string(),
  enrolledAt: isoDateTime,
  lastSeenAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type Tablet = z.infer<typeof tabletSchema>;

export const tabletsResponseSchema = z.object({ tablets: z.array(tabletSchema) });
export const tabletParamsSchema = z.object({ deviceId: z.uuid() });
export const tabletResponseSchema = z.object({ tablet: tabletSchema });
export const reenrollmentResponseSchema = z.object({ tablet: tabletSchema, until: isoDateTime });

/** The command line's bounds (issueEnrollmentCode) are the rule; these only keep the type. */
export const enrollmentCodeRequestSchema = z.object({ days: z.number().max(1000), uses: z.number().max(10_000) }).strict();
export const enrollmentCodeResponseSchema = z.object({ code: enrollmentCodeSchema, expiresAt: isoDateTime, usesLeft: z.number().int() });
export type EnrollmentCodeResponse = z.infer<typeof enrollmentCodeResponseSchema>;

/** The largest catalogue CSV the console takes, in UTF-8 bytes: several times any store's price list. */
export const MAX_CATALOGUE_CSV_BYTES = 2 * 1024 * 1024;

export const catalogueCsvRequestSchema = z.object({ csv: z.string() }).strict();

/** How many good rows the preview shows, and how many bad ones at most (their total is always given). */
export const PREVIEW_ROWS = 10;
export const PREVIEW_MAX_ERRORS = 1000;

export const csvRowProblemSchema = z.object({ line: z.number().int(), zh: z.string(), en: z.string() });
export type CsvRowProblem = z.infer<typeof csvRowProblemSchema>;

export const cataloguePreviewResponseSchema = z.object({
  /** Good rows, which an import would bring in (only when there are no bad ones). */
  count: z.number().int(),
  first: z.array(catalogueItemSchema),
  errorCount: z.number().int(),
  errors: z.array(csvRowProblemSchema),
  /** How many items the store's catalogue has now: an import replaces them all. */
  currentCount: z.number().int(),
});
export type CataloguePreview = z.infer<typeof cataloguePreviewResponseSchema>;

export const catalogueImportResponseSchema = z.object({ count: z.number().int(), version: z.number().int() });

/**
 * The profile as the console's form sends it, replacing the whole: texts are checked by
 * setStoreProfile (with its own messages: too long, hidden characters), defaults by their type.
 */
export const storeProfileRequestSchema = z
  .object({
    name: z.string().max(1000),
    address: z.string().max(1000),
    phone: z.string().max(1000),
    defaults: storeDefaultsSchema.partial().strict(),
  })
  .strict();
