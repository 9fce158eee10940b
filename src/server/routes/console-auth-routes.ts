// Signing in to the store console (the desk PC's browser) with the same username and password
// as on the tablets, plus the store's code (usernames are per store). Slowed and bounded like
// the tablets' sign-in (auth/sign-in-attempts.ts). The body must be JSON: a form on another
// site can post to the server, but not JSON without the browser first asking us (CORS).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consoleSessionSchema, consoleSignInRequestSchema } from '../../shared/console/session-api.ts';
import { apiErrorSchema, type StoreSummary } from '../../shared/protocol.ts';
import { HttpError } from '../api/http-error.ts';
import { createSignInAttempts } from '../auth/sign-in-attempts.ts';
import { CONSOLE_SIGN_IN_ROUTE, endSession, requireConsoleSession, requireConsoleUser, startSession } from '../console/console-session.ts';
import type { Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 429: apiErrorSchema };

export function consoleAuthRoutes(app: FastifyInstance, storage: Storage): void {
  const signIns = createSignInAttempts();
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(CONSOLE_SIGN_IN_ROUTE, {
    schema: {
      summary: 'Sign in to the store console; sets an httpOnly session cookie and returns the CSRF token.',
      tags: ['console'],
      security: [],
      body: consoleSignInRequestSchema,
      response: { 200: consoleSessionSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { store: code, username, password } = request.body;
      // An unknown store costs the same time as a wrong password too: no hint which stores exist.
      const found: { store?: StoreSummary } = {};
      const advisor = await signIns.checkPassword(`user:console:${code}:${username}`, `ip:${request.ip}`, password, async () => {
        found.store = await storage.findStoreByCode(code);
        return found.store && storage.findAdvisorByUsername(found.store.id, username);
      });
      const { store } = found;
      if (!advisor || !store) {
        request.log.warn({ store: code, username, ip: request.ip }, 'console sign-in failed');
        throw new HttpError(401, 'sign_in_failed', 'The store code, username or password is wrong. Check them, or ask the store administrator to reset the password.');
      }
      const session = await startSession(storage, request, reply, { storeId: store.id, advisorId: advisor.id });
      return { store, advisor: { id: advisor.id, username: advisor.username, name: advisor.name, role: advisor.role }, ...session };
    },
  });

  api.get('/api/v1/console/session', {
    schema: {
      summary: 'The signed-in console user, their store and the CSRF token (401 when signed out).',
      tags: ['console'],
      security: [{ consoleSession: [] }],
      response: { 200: consoleSessionSchema, ...errors },
    },
    handler: async (request) => {
      const session = await requireConsoleSession(storage, request, 'any');
      const store = await storage.getStore(session.storeId);
      if (!store) throw new HttpError(401, 'console_signed_out', 'Your sign-in has ended. Sign in again.');
      return {
        store,
        advisor: { id: session.advisorId, username: session.username, name: session.name, role: session.role },
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },
  });

  api.post('/api/v1/console/sign-out', {
    schema: {
      summary: 'Sign out of the store console: ends the session on the server and clears the cookie.',
      tags: ['console'],
      security: [{ consoleSession: [] }],
      response: { 200: z.object({ signedOut: z.literal(true) }), ...errors },
    },
    handler: async (request, reply) => {
      await requireConsoleUser(storage, request, 'any');
      await endSession(storage, request, reply);
      return { signedOut: true as const };
    },
  });
}
