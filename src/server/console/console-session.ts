// Who is using the store console: a sign-in kept in an httpOnly, SameSite=Strict cookie
// (Secure over HTTPS) that ends after CONSOLE_SESSION_HOURS, recorded server-side under the
// SHA-256 of its token so that signing out or disabling the advisor ends it at once. Every
// console route is closed by default (installConsoleAuthentication) and names the role it
// needs (requireConsoleUser). Changes also need the session's CSRF token in a header: a page
// of another site can make the browser send a request, but never read or send that token.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../shared/console/session-api.ts';
import type { AdvisorRole } from '../../shared/protocol.ts';
import { HttpError } from '../api/http-error.ts';
import { isConsoleRoute } from '../api/route-kinds.ts';
import { tokenHash } from '../auth/tokens.ts';
import type { ConsoleSessionRecord, Storage } from '../storage/storage.ts';

export const CONSOLE_COOKIE = 'walkaround_console';
/** A working day at the desk; then the manager signs in again. */
export const CONSOLE_SESSION_HOURS = 12;

/** The console's sign-in route: the only console route open without a session. */
export const CONSOLE_SIGN_IN_ROUTE = '/api/v1/console/sign-in';

export type ConsoleUser = { storeId: string; advisorId: string; username: string; name: string; role: AdvisorRole };

/** The session each request was authenticated with, so a handler does not look it up again. */
const sessions = new WeakMap<FastifyRequest, ConsoleSessionRecord>();

/** Closes every console route but sign-in to a request without a live session (before its body is read). */
export function installConsoleAuthentication(app: FastifyInstance, storage: Storage): void {
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (!isConsoleRoute(route) || route === CONSOLE_SIGN_IN_ROUTE) return;
    await requireConsoleUser(storage, request, 'any');
  });
}

/**
 * The signed-in user, if they have `role` ('any': an advisor or an admin). Throws 401 without a
 * live session, 403 for the wrong role, and 403 for a change without the session's CSRF token.
 */
export async function requireConsoleUser(storage: Storage, request: FastifyRequest, role: AdvisorRole | 'any'): Promise<ConsoleUser> {
  const { storeId, advisorId, username, name, role: userRole } = await requireConsoleSession(storage, request, role);
  return { storeId, advisorId, username, name, role: userRole };
}

/** requireConsoleUser's session itself, with its CSRF token and expiry (the session route answers them). */
export async function requireConsoleSession(storage: Storage, request: FastifyRequest, role: AdvisorRole | 'any'): Promise<ConsoleSessionRecord> {
  const session = sessions.get(request) ?? (await findSession(storage, request));
  if (!session) throw new HttpError(401, 'console_signed_out', 'You are not signed in, or your sign-in has ended. Sign in again.');
  sessions.set(request, session);
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers[CSRF_HEADER] !== session.csrfToken) {
    throw new HttpError(403, 'csrf', 'This change did not come from the console page. Reload the console and try again.');
  }
  if (role !== 'any' && session.role !== role) {
    throw new HttpError(403, 'forbidden', 'Only the store administrator can do this. Ask them, or sign in as an administrator.');
  }
  return session;
}

/** The session of the request's cookie, if it still counts. */
async function findSession(storage: Storage, request: FastifyRequest): Promise<ConsoleSessionRecord | undefined> {
  const token = cookieValue(request.headers.cookie, CONSOLE_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{40,60}$/.test(token)) return undefined;
  return storage.findConsoleSession(tokenHash(token), new Date().toISOString());
}

/** Starts a session for this advisor: records it and sets the cookie. */
export async function startSession(storage: Storage, request: FastifyRequest, reply: FastifyReply, user: { storeId: string; advisorId: string }): Promise<{ csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + CONSOLE_SESSION_HOURS * 3_600_000).toISOString();
  await storage.createConsoleSession({ tokenHash: tokenHash(token), ...user, csrfToken, createdAt: now.toISOString(), expiresAt });
  reply.header('set-cookie', sessionCookie(request, token, CONSOLE_SESSION_HOURS * 3600));
  return { csrfToken, expiresAt };
}

/** Ends the request's session, if any, and clears the cookie. */
export async function endSession(storage: Storage, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = cookieValue(request.headers.cookie, CONSOLE_COOKIE);
  if (token) await storage.endConsoleSession(tokenHash(token));
  reply.header('set-cookie', sessionCookie(request, '', 0));
}

function sessionCookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  // Secure whenever the browser reached us over HTTPS (this server's own, or a proxy's that says
  // so with trustProxy): over plain HTTP on a store's LAN the browser would refuse to keep it.
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${CONSOLE_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
