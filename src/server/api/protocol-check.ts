// Refuses, with 426 and a clear message, a tablet whose protocol version differs from the
// server's: an old app must be updated before it exchanges data the server may misread, and
// a newer app must wait for the server to be updated. Health and the OpenAPI document stay
// open to everyone, so a tablet can learn the server's version before it syncs.
import type { FastifyInstance } from 'fastify';
import { API_ERRORS, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { HttpError } from './http-error.ts';
import { isTabletRoute } from './route-kinds.ts';

const OPEN_ROUTES = new Set(['/api/v1/health', '/api/v1/openapi.json']);

export function installProtocolCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    // Only API routes that exist: an unknown path gets its plain 404 whatever the version.
    const route = request.routeOptions.url ?? '';
    // The store console is served by this same server (always its own version) and the DMS
    // export is a documented download: the sync protocol is the tablets' alone.
    if (!isTabletRoute(route) || OPEN_ROUTES.has(route)) return;
    const sent = Number(request.headers[PROTOCOL_HEADER]);
    if (sent === PROTOCOL_VERSION) return;
    if (Number.isInteger(sent) && sent > PROTOCOL_VERSION) {
      throw new HttpError(
        426,
        API_ERRORS.serverOutdated,
        `This app speaks sync protocol ${sent}, the server only ${PROTOCOL_VERSION}. Ask the store administrator to update the server; your work stays on the tablet.`,
      );
    }
    throw new HttpError(
      426,
      API_ERRORS.clientOutdated,
      `The server speaks sync protocol ${PROTOCOL_VERSION}; send the header ${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}. On a tablet: update the app (reload it while online); your work stays on the tablet.`,
    );
  });
}
