// The store console's administration (issue 14, admin role only): advisors, tablets,
// enrollment codes, the catalogue CSV import and the store's profile; everything the admin
// command line does, through the same functions (admin/store-admin.ts), so each rule is kept
// in one place. The console is online only: nothing here is seen by a tablet until its next sync.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadInitials } from '../../shared/catalogue-initials.ts';
import { parseCatalogueCsv } from '../../shared/catalogue-csv.ts';
import {
  ADMIN_API,
  MAX_CATALOGUE_CSV_BYTES,
  PREVIEW_MAX_ERRORS,
  PREVIEW_ROWS,
  addAdvisorRequestSchema,
  advisorParamsSchema,
  advisorPasswordResponseSchema,
  advisorResponseSchema,
  advisorsResponseSchema,
  catalogueCsvRequestSchema,
  catalogueImportResponseSchema,
  cataloguePreviewResponseSchema,
  enrollmentCodeRequestSchema,
  enrollmentCodeResponseSchema,
  reenrollmentResponseSchema,
  setDisabledRequestSchema,
  storeProfileRequestSchema,
  tabletParamsSchema,
  tabletResponseSchema,
  tabletsResponseSchema,
  type Tablet,
} from '../../shared/console/admin-api.ts';
import { apiErrorSchema, type StoreSummary } from '../../shared/protocol.ts';
import { storeProfileResponseSchema } from '../../shared/store-profile.ts';
import { HttpError, notFound } from '../api/http-error.ts';
import {
  AdminError,
  addAdvisor,
  allowReenrollment,
  csvErrorSentence,
  importCatalogueText,
  issueEnrollmentCode,
  resetPassword,
  revokeDevice,
  setAdvisorDisabled,
  setStoreProfile,
  storeTablets,
} from '../admin/store-admin.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { requireConsoleUser, type ConsoleUser } from '../console/console-session.ts';
import type { DeviceRecord, Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema, 413: apiErrorSchema };

/** In the OpenAPI document: the console's routes, signed in with its session cookie. */
const OPENAPI = { tags: ['console'], security: [{ consoleSession: [] }] };

/** Which refusals of store-admin.ts are a conflict with the store's state rather than bad input. */
const CONFLICTS = new Set(['cannot_disable_self', 'last_admin', 'username_taken']);

/** The CSV travels as JSON text: room for its escapes (quotes, line breaks) over the byte limit. */
const CATALOGUE_BODY_LIMIT = 2 * MAX_CATALOGUE_CSV_BYTES + 64 * 1024;

export function consoleAdminRoutes(app: FastifyInstance, storage: Storage, _blobs: BlobStore): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** The signed-in admin and their store; the refusals of store-admin.ts as 4xx with their message. */
  async function asAdmin<T>(request: FastifyRequest, work: (store: StoreSummary, admin: ConsoleUser) => Promise<T>): Promise<T> {
    const admin = await requireConsoleUser(storage, request, 'admin');
    const store = await storage.getStore(admin.storeId);
    if (!store) throw notFound(`Store ${admin.storeId}`);
    try {
      return await work(store, admin);
    } catch (error) {
      if (!(error instanceof AdminError)) throw error;
      const status = error.reason === 'not_found' ? 404 : CONFLICTS.has(error.reason) ? 409 : 400;
      throw new HttpError(status, error.reason, error.message);
    }
  }

  // ---- advisors ----

  api.get(`${ADMIN_API}/advisors`, {
    schema: { ...OPENAPI, summary: "The store's advisors and admins, disabled ones too (console, admin).", response: { 200: advisorsResponseSchema, ...errors } },
    handler: (request) => asAdmin(request, async (store) => ({ advisors: await storage.listAllAdvisors(store.id) })),
  });

  api.post(`${ADMIN_API}/advisors`, {
    schema: {
      ...OPENAPI,
      summary: 'Add an advisor or admin; answers their generated password, shown this once (console, admin).',
      body: addAdvisorRequestSchema,
      response: { 200: advisorPasswordResponseSchema, ...errors },
    },
    handler: (request) =>
      asAdmin(request, async (store) => {
        const { advisor, password } = await addAdvisor(storage, store, request.body);
        return { advisor: { ...advisor, disabledAt: null }, password };
      }),
  });

  api.post(`${ADMIN_API}/advisors/:username/password`, {
    schema: {
      ...OPENAPI,
      summary: "Reset an advisor's password; answers the new one, shown this once (console, admin).",
      params: advisorParamsSchema,
      response: { 200: advisorPasswordResponseSchema, ...errors },
    },
    handler: (request) =>
      asAdmin(request, async (store) => {
        const password = await resetPassword(storage, store, request.params.username);
        return { advisor: await listed(store, request.params.username), password };
      }),
  });

  api.put(`${ADMIN_API}/advisors/:username/disabled`, {
    schema: {
      ...OPENAPI,
      summary: 'Disable an advisor (no more sign-ins on tablets or the console) or enable them again (console, admin).',
      params: advisorParamsSchema,
      body: setDisabledRequestSchema,
      response: { 200: advisorResponseSchema, ...errors },
    },
    handler: (request) =>
      asAdmin(request, async (store, admin) => ({
        advisor: await setAdvisorDisabled(storage, store, request.params.username, request.body.disabled, admin),
      })),
  });

  async function listed(store: StoreSummary, username: string) {
    const advisor = (await storage.listAllAdvisors(store.id)).find((a) => a.username === username.trim().toLowerCase());
    if (!advisor) throw new AdminError(`No advisor ${username} in ${store.code}.`, 'not_found');
    return advisor;
  }

  // ---- tablets and enrollment codes ----

  api.get(`${ADMIN_API}/tablets`, {
    schema: { ...OPENAPI, summary: "The store's enrolled tablets with their letter, last contact and revocation (console, admin).", response: { 200: tabletsResponseSchema, ...errors } },
    handler: (request) => asAdmin(request, async (store) => ({ tablets: (await storeTablets(storage, store)).map(tabletOf) })),
  });

  api.post(`${ADMIN_API}/tablets/:deviceId/revoke`, {
    schema: {
      ...OPENAPI,
      summary: 'Revoke a lost or stolen tablet: it can no longer sync (console, admin).',
      params: tabletParamsSchema,
      response: { 200: tabletResponseSchema, ...errors },
    },
    handler: (request) =>
      asAdmin(request, async (store) => {
        await revokeDevice(storage, store, request.params.deviceId);
        return { tablet: await tablet(store, request.params.deviceId) };
      }),
  });

  api.post(`${ADMIN_API}/tablets/:deviceId/reenrollment`, {
    schema: {
      ...OPENAPI,
      summary: 'Let a tablet enroll again without its secret for a day (restored app data, an older app) (console, admin).',
      params: tabletParamsSchema,
      response: { 200: reenrollmentResponseSchema, ...errors },
    },
    handler: (request) =>
      asAdmin(request, async (store) => {
        const until = await allowReenrollment(storage, store, request.params.deviceId);
        return { tablet: await tablet(store, request.params.deviceId), until };
      }),
  });

  async function tablet(store: StoreSummary, deviceId: string): Promise<Tablet> {
    const device = (await storeTablets(storage, store)).find((d) => d.id === deviceId);
    if (!device) throw new AdminError(`No tablet ${deviceId} in ${store.code}.`, 'not_found');
    return tabletOf(device);
  }

  api.post(`${ADMIN_API}/enrollment-codes`, {
    schema: {
      ...OPENAPI,
      summary: 'Issue an enrollment code for new tablets: valid for 1 to 90 days, 1 to 100 tablets (console, admin).',
      body: enrollmentCodeRequestSchema,
      response: { 200: enrollmentCodeResponseSchema, ...errors },
    },
    handler: (request) =>
      asAdmin(request, async (store) => {
        const { code, expiresAt, usesLeft } = await issueEnrollmentCode(storage, store, request.body.days, request.body.uses);
        return { code, expiresAt, usesLeft };
      }),
  });

  // ---- the catalogue ----

  api.post(`${ADMIN_API}/catalogue/preview`, {
    bodyLimit: CATALOGUE_BODY_LIMIT,
    schema: {
      ...OPENAPI,
      summary: 'Read a catalogue CSV without importing it: good rows, the first of them, and every bad row in both languages (console, admin).',
      body: catalogueCsvRequestSchema,
      response: { 200: cataloguePreviewResponseSchema, ...errors },
    },
    handler: (request) =>
      asAdmin(request, async (store) => {
        const { items, errors: bad } = parseCatalogueCsv(withinLimit(request.body.csv), await loadInitials());
        return {
          count: items.length,
          first: items.slice(0, PREVIEW_ROWS),
          errorCount: bad.length,
          errors: bad.slice(0, PREVIEW_MAX_ERRORS).map((e) => ({ line: e.line, zh: csvErrorSentence(e, 'zh-CN'), en: csvErrorSentence(e, 'en') })),
          currentCount: (await storage.catalogueSince(store.id, 0))?.items.length ?? 0,
        };
      }),
  });

  api.put(`${ADMIN_API}/catalogue`, {
    bodyLimit: CATALOGUE_BODY_LIMIT,
    schema: {
      ...OPENAPI,
      summary: "Replace the store's catalogue with a CSV's rows, only if none is bad; tablets get it at their next sync (console, admin).",
      body: catalogueCsvRequestSchema,
      response: { 200: catalogueImportResponseSchema, ...errors },
    },
    handler: (request) => asAdmin(request, async (store) => importCatalogueText(storage, store, withinLimit(request.body.csv), await loadInitials())),
  });

  // ---- the store's profile ----

  api.get(`${ADMIN_API}/store-profile`, {
    schema: { ...OPENAPI, summary: "The store's profile: what the customer's copy prints, and the estimate defaults (console, admin).", response: { 200: storeProfileResponseSchema, ...errors } },
    handler: (request) =>
      asAdmin(request, async (store) => {
        const found = await storage.storeProfile(store.id);
        if (!found) throw notFound(`Store ${store.code}`);
        return found;
      }),
  });

  api.put(`${ADMIN_API}/store-profile`, {
    schema: {
      ...OPENAPI,
      summary: "Replace the store's profile; tablets get it at their next sync (console, admin).",
      body: storeProfileRequestSchema,
      response: { 200: storeProfileResponseSchema, ...errors },
    },
    handler: (request) =>
      asAdmin(request, async (store) => {
        const { name, address, phone, defaults } = request.body;
        // setStoreProfile takes each default as the command line types it; 'none' lets it go.
        const word = (value: string | number | boolean | undefined) =>
          value === undefined ? 'none' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
        await setStoreProfile(storage, store, {
          name,
          address,
          phone,
          defaults: { oldParts: word(defaults.oldParts), payment: word(defaults.payment), carWash: word(defaults.carWash), promisedInHours: word(defaults.promisedInHours) },
        });
        const found = await storage.storeProfile(store.id);
        if (!found) throw notFound(`Store ${store.code}`);
        return found;
      }),
  });
}

/** The CSV's text, unless it is larger than the console takes (said in both languages, with the size). */
function withinLimit(csv: string): string {
  const bytes = Buffer.byteLength(csv, 'utf8');
  if (bytes > MAX_CATALOGUE_CSV_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new HttpError(
      413,
      'too_large',
      `The CSV is ${mb(bytes)} MB; the console takes at most ${mb(MAX_CATALOGUE_CSV_BYTES)} MB. Is it the right file? A larger list can be imported on the server with: npm run admin -- import-catalogue <CODE> <file.csv>. (文件 ${mb(bytes)} MB，超过 ${mb(MAX_CATALOGUE_CSV_BYTES)} MB 上限。)`,
    );
  }
  return csv;
}

function tabletOf(device: DeviceRecord): Tablet {
  const { id, code, name, enrolledAt, lastSeenAt, revokedAt } = device;
  return { id, code, name, enrolledAt, lastSeenAt, revokedAt };
}
