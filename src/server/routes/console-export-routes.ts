// The DMS export (issue 14): the cards checked in on a day or a range of the store's days with
// their lines, as CSV or as the JSON of shared/console/export-api.ts. Two doors to the same
// content: the console (any signed-in user of the store, cookie session) and /api/v1/export for
// the dealer management system, which signs in with a store administrator's credentials in HTTP
// Basic ("STORECODE/username" and the password), slowed and bounded like every sign-in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSOLE_EXPORT_API, DMS_EXPORT_API, exportQuerySchema, exportResponseSchema, type ExportQuery } from '../../shared/console/export-api.ts';
import { apiErrorSchema } from '../../shared/protocol.ts';
import { HttpError } from '../api/http-error.ts';
import { createSignInAttempts } from '../auth/sign-in-attempts.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { requireConsoleUser } from '../console/console-session.ts';
import { exportCards, exportCsv, exportFileName } from '../console/dms-export.ts';
import type { Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 429: apiErrorSchema, 503: apiErrorSchema };
const REALM = 'Basic realm="Walkaround DMS export", charset="UTF-8"';
const DESCRIPTION =
  'The cards checked in (进厂) on the days from `from` to `to` (YYYY-MM-DD, the store\'s clock, both included; `to` defaults to `from`, ' +
  'at most 92 days) with their lines: the estimate\'s lines and the additional lines the customer approved. ' +
  '`format=json` (default csv) answers the documented schema; csv has one row per line with the card\'s fields repeated ' +
  '(UTF-8 with a BOM, CRLF, a text cell starting with = + - @ gets an apostrophe in front).';

export function consoleExportRoutes(app: FastifyInstance, storage: Storage, _blobs: BlobStore): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signIns = createSignInAttempts();

  async function answer(reply: FastifyReply, storeId: string, query: ExportQuery) {
    const content = await exportCards(storage, storeId, query);
    const storeCode = content.store.code;
    reply.header('content-disposition', `attachment; filename="${exportFileName(storeCode, query, query.format)}"`);
    reply.header('cache-control', 'no-store');
    if (query.format === 'json') return reply.type('application/json; charset=utf-8').send(content);
    return reply.type('text/csv; charset=utf-8').send(exportCsv(content));
  }

  api.get(CONSOLE_EXPORT_API, {
    schema: {
      summary: 'DMS export from the console (any signed-in user of the store).',
      description: DESCRIPTION,
      tags: ['console'],
      security: [{ consoleSession: [] }],
      querystring: exportQuerySchema,
      response: { 200: exportResponseSchema.or(z.string()), ...errors },
    },
    handler: async (request, reply) => {
      const user = await requireConsoleUser(storage, request, 'any');
      return answer(reply, user.storeId, request.query);
    },
  });

  api.get(DMS_EXPORT_API, {
    schema: {
      summary: "DMS export for the dealer management system: HTTP Basic with a store administrator's STORECODE/username and password.",
      description: `${DESCRIPTION} Authenticate with HTTP Basic: user "STORECODE/username" (e.g. SH01/boss) of a store administrator, and their password. ` +
        '401 for wrong credentials, 403 for a user who is not an administrator, 429 after repeated failures (see Retry-After).',
      tags: ['export'],
      security: [{ adminBasic: [] }],
      querystring: exportQuerySchema,
      response: { 200: exportResponseSchema.or(z.string()), ...errors },
    },
    handler: async (request, reply) => {
      const storeId = await authenticateAdmin(request);
      return answer(reply, storeId, request.query);
    },
  });

  /** The store of the administrator whose credentials came in the Authorization header. */
  async function authenticateAdmin(request: FastifyRequest): Promise<string> {
    const credentials = basicCredentials(request.headers.authorization);
    const advisor = await signIns.checkPassword(`user:dms:${credentials.store}:${credentials.username}`, `ip:${request.ip}`, credentials.password, async () => {
      const store = await storage.findStoreByCode(credentials.store);
      return store && storage.findAdvisorByUsername(store.id, credentials.username);
    });
    if (!advisor) {
      request.log.warn({ store: credentials.store, username: credentials.username, ip: request.ip }, 'DMS export sign-in failed');
      throw signInFailed();
    }
    if (advisor.role !== 'admin') {
      throw new HttpError(403, 'forbidden', 'The DMS export needs a store administrator\'s username and password; this user is an advisor.');
    }
    return advisor.storeId;
  }
}

function signInFailed(detail = 'The store code, username or password is wrong.'): HttpError {
  return new HttpError(
    401,
    'sign_in_failed',
    `${detail} Send HTTP Basic credentials: user "STORECODE/username" of a store administrator (e.g. SH01/boss) and their password.`,
    { 'www-authenticate': REALM },
  );
}

/** "Basic base64(STORE/username:password)" read; anything else is 401 with what to send. */
function basicCredentials(header: string | undefined): { store: string; username: string; password: string } {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) throw signInFailed('No HTTP Basic credentials were sent.');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const slash = user.indexOf('/');
  const store = user.slice(0, slash).trim().toUpperCase();
  const username = user.slice(slash + 1).trim();
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  if (colon < 0 || slash <= 0 || !/^[A-Z0-9]{2,6}$/.test(store) || username === '' || username.length > 100 || password === '' || password.length > 200) {
    throw signInFailed('The credentials are not in the form STORECODE/username and password.');
  }
  return { store, username, password };
}
