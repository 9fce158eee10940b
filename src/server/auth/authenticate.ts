// The device behind a request: every /api/v1 route except health, OpenAPI and enrollment
// needs a bearer device token, and everything it reads or writes is scoped to that device's
// store. A revoked token is told so (the tablet says "ask your administrator"), an unknown
// one just "not signed in". The token is checked as the request arrives, before its body is
// read: a stranger gets 401 whatever it sends, and the server parses nothing for it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_ERRORS } from '../../shared/protocol.ts';
import { HttpError } from '../api/http-error.ts';
import { isTabletRoute } from '../api/route-kinds.ts';
import type { DeviceRecord, Storage } from '../storage/storage.ts';
import { tokenHash } from './tokens.ts';

/**
 * API routes a caller without a device token may use; every other /api route needs one, except
 * the store console's (a browser's session cookie, console/console-session.ts) and the DMS
 * export (an administrator's credentials, checked by its route).
 */
const OPEN_ROUTES = new Set(['/api/v1/health', '/api/v1/openapi.json', '/api/v1/auth/enroll']);

/** The device each request was authenticated as, so the route handler does not look it up again. */
const devices = new WeakMap<FastifyRequest, DeviceRecord>();

/**
 * Authenticates every API request that needs a token as soon as it arrives (after the
 * protocol check). A route added later is closed until it is listed in OPEN_ROUTES.
 */
export function installAuthentication(app: FastifyInstance, storage: Storage): void {
  app.addHook('onRequest', async (request) => {
    // Only API routes that exist: an unknown path gets its plain 404.
    const route = request.routeOptions.url ?? '';
    if (!isTabletRoute(route) || OPEN_ROUTES.has(route)) return;
    await authenticateDevice(storage, request);
  });
}

export async function authenticateDevice(storage: Storage, request: FastifyRequest): Promise<DeviceRecord> {
  const known = devices.get(request);
  if (known) return known;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!match?.[1]) {
    throw new HttpError(401, API_ERRORS.unauthenticated, 'This tablet is not enrolled: enroll it with a code from the store administrator.');
  }
  const hash = tokenHash(match[1]);
  // Finding the device and recording that it was seen are one storage call. A token not found
  // active cannot become active later (tokens are new random values), so asking next whether it
  // was retired tells the same story as asking both at once.
  const device = await storage.findDeviceByTokenHash(hash);
  if (device) {
    devices.set(request, device);
    return device;
  }
  if (await storage.isRevokedTokenHash(hash)) {
    throw new HttpError(
      401,
      API_ERRORS.deviceRevoked,
      'This tablet was removed from the store. Its work stays on it; ask the store administrator to enroll it again.',
    );
  }
  throw new HttpError(401, API_ERRORS.unauthenticated, 'The device token is not valid: enroll this tablet again.');
}
