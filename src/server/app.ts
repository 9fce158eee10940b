// The HTTP app: the sync API under /api/v1 (auth, blobs, push, pull) with its OpenAPI
// document, the built PWA (dist/) with cache headers that let tablets pick up new versions,
// the SPA fallback, and security headers on every response. Tablets that are offline never
// reach this; they run from their service-worker precache.
import { access, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerFactory,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { PROTOCOL_VERSION, type ApiError } from '../shared/protocol.ts';
import { answerClientError, installErrorHandler, sendFrameworkError } from './api/error-handler.ts';
import { installProtocolCheck } from './api/protocol-check.ts';
import { installAuthentication } from './auth/authenticate.ts';
import type { EnrollmentGuardOptions } from './auth/enrollment-guard.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { CONSOLE_COOKIE, installConsoleAuthentication } from './console/console-session.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { blobRoutes } from './routes/blob-routes.ts';
import { consoleAdminRoutes } from './routes/console-admin-routes.ts';
import { consoleAppointmentsRoutes } from './routes/console-appointments-routes.ts';
import { consoleArchiveRoutes } from './routes/console-archive-routes.ts';
import { consoleAuthRoutes } from './routes/console-auth-routes.ts';
import { consoleLogoRoutes } from './routes/console-logo-routes.ts';
import { consoleExportRoutes } from './routes/console-export-routes.ts';
import { consoleReportsRoutes } from './routes/console-reports-routes.ts';
import { storeRoutes } from './routes/store-routes.ts';
import { syncRoutes } from './routes/sync-routes.ts';
import type { Storage } from './storage/storage.ts';

export type HealthResponse = {
  /** 'unavailable' (with 503) when the records or the photos cannot be reached: a load balancer sends tablets elsewhere. */
  status: 'ok' | 'unavailable';
  version: string;
  protocolVersion: number;
  time: string;
  /** Which storage this process runs on, and whether each answered this request. */
  storage: {
    records: { kind: Storage['kind']; reachable: boolean };
    blobs: { kind: BlobStore['kind']; reachable: boolean };
  };
};

export type BuildAppOptions = {
  /** Folder with the built PWA; defaults to dist/ at the repository root. */
  staticDir?: string;
  /** Structured (pino) request logs; `true` for info level. */
  logger?: boolean | { level: string };
  /** PEM key and certificate: tablets need HTTPS for the service worker and storage. */
  https?: { key: Buffer; cert: Buffer };
  /** How wrong enrollment codes slow their address down; tests shorten the delays. */
  enrollmentGuard?: Partial<EnrollmentGuardOptions>;
  storage: Storage;
  blobs: BlobStore;
};

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const defaultStaticDir = resolve(repoRoot, 'dist');

// 'self' only: no CDN, no inline script. Photos and signatures are shown from blob: URLs
// and thumbnails may be data: URLs; image downscaling may run in a blob: worker.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

// Sent only when this server itself serves HTTPS: over plain HTTP browsers ignore it, and it
// would say nothing true. One year, as the usual guides ask. No includeSubDomains: the server does
// not own the domain it is reached at (often a store's LAN name or an address), and pinning
// every subdomain to HTTPS could break other devices and services there.
const strictTransportSecurity = { 'strict-transport-security': 'max-age=31536000' };

function readPackageVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'version' in parsed &&
    typeof parsed.version === 'string'
  ) {
    return parsed.version;
  }
  throw new Error('package.json has no version string');
}

function pathnameOf(url: string): string {
  return url.split('?', 1)[0] ?? '/';
}

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** The store console's pages: /console and below (console.html routes them). */
function isConsolePath(pathname: string): boolean {
  return pathname === '/console' || pathname.startsWith('/console/');
}

// A last segment with a dot is a file request (a missing hashed asset, say): answering it
// with index.html would hand HTML to a <script> tag, so it gets a real 404.
function looksLikeFile(pathname: string): boolean {
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return lastSegment.includes('.');
}

function fileExists(path: string): Promise<boolean> {
  return new Promise((done) => access(path, (error) => done(error === null)));
}

function setCacheHeaders(staticDir: string, reply: FastifyReply, filePath: string): void {
  const file = relative(staticDir, filePath).split(sep).join('/');
  if (file.startsWith('assets/')) {
    // Vite puts a content hash in every name under assets/: a new version gets new URLs.
    reply.header('cache-control', 'public, max-age=31536000, immutable');
  } else {
    // sw.js, index.html, manifest.webmanifest, icons: the same URL in every version, so the
    // browser must revalidate (cheap, with the ETag) or a tablet could keep an old worker
    // or shell for hours.
    reply.header('cache-control', 'no-cache');
  }
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const staticDir = resolve(options.staticDir ?? defaultStaticDir);
  const version = readPackageVersion();
  const https = options.https;

  // https.Server extends http.Server in @types/node, so the instance keeps the default type.
  const serverFactory: FastifyServerFactory | undefined = https
    ? (handler) => createHttpsServer(https, handler)
    : undefined;
  const logger = options.logger === true ? { level: 'info' } : options.logger || false;
  const app = Fastify({
    logger: logger && { ...logger, redact: ['req.headers.authorization'] },
    serverFactory,
    // JSON bodies are small (a push batch is the largest); blobs have their own limit.
    bodyLimit: 1024 * 1024,
    frameworkErrors: sendFrameworkError,
    clientErrorHandler: answerClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  // In this order: an outdated tablet hears "update" (426) before "not enrolled" (401).
  installProtocolCheck(app);
  installAuthentication(app, options.storage);
  installConsoleAuthentication(app, options.storage);
  // The static files' catch-all must not answer for /api (it would refuse `..` with its own
  // 403): an API path that no route matches is an unknown API path, whatever it looks like.
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url === '/*' && isApiPath(pathnameOf(request.url))) return reply.callNotFound();
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(securityHeaders);
    if (https) reply.headers(strictTransportSecurity);
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Walkaround sync API', version, description: `Sync protocol ${PROTOCOL_VERSION}. Send the header x-walkaround-protocol: ${PROTOCOL_VERSION} and, except for enrollment, a bearer device token.` },
      components: {
        securitySchemes: {
          deviceToken: { type: 'http', scheme: 'bearer' },
          // The store console's routes (tag console): the cookie set by /api/v1/console/sign-in,
          // and on every change the x-csrf-token header it returned.
          consoleSession: { type: 'apiKey', in: 'cookie', name: CONSOLE_COOKIE },
          // The DMS export: an administrator's STORECODE/username and password.
          adminBasic: { type: 'http', scheme: 'basic' },
        },
      },
      security: [{ deviceToken: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.get('/api/v1/health', { schema: { hide: true } }, async (_request, reply): Promise<HealthResponse> => {
    const [records, blobs] = await Promise.all([options.storage.reachable(), options.blobs.reachable()]);
    if (!records || !blobs) reply.code(503);
    return {
      status: records && blobs ? 'ok' : 'unavailable',
      version,
      protocolVersion: PROTOCOL_VERSION,
      time: new Date().toISOString(),
      storage: {
        records: { kind: options.storage.kind, reachable: records },
        blobs: { kind: options.blobs.kind, reachable: blobs },
      },
    };
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, options.storage, options.enrollmentGuard);
  syncRoutes(app, options.storage);
  storeRoutes(app, options.storage);
  await blobRoutes(app, options.storage, options.blobs);
  // The store console (/console) and the DMS export.
  consoleAuthRoutes(app, options.storage);
  consoleAdminRoutes(app, options.storage, options.blobs);
  consoleArchiveRoutes(app, options.storage, options.blobs);
  consoleReportsRoutes(app, options.storage, options.blobs);
  consoleExportRoutes(app, options.storage, options.blobs);
  consoleAppointmentsRoutes(app, options.storage, options.blobs);
  await consoleLogoRoutes(app, options.storage, options.blobs);

  await app.register(fastifyStatic, {
    root: staticDir,
    // @fastify/static warns on a missing root; main.ts already says "run npm run build".
    suppressWarning: true,
    // A file that happens to sit under dist/api/ must never shadow the API.
    allowedPath: (pathname) => !isApiPath(pathname),
    setHeaders: (reply, filePath) => setCacheHeaders(staticDir, reply, filePath),
  });

  app.setNotFoundHandler(async (request, reply) => {
    const pathname = pathnameOf(request.url);
    if (isApiPath(pathname)) {
      const shown = pathname.length > 120 ? `${pathname.slice(0, 120)}…` : pathname;
      const body: ApiError = {
        error: 'not_found',
        message: `No API route for ${request.method} ${shown}. See /api/v1/openapi.json.`,
      };
      return reply.code(404).send(body);
    }
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (!isRead || looksLikeFile(pathname)) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    }
    // Client-side routes (/jobs/123, /console/reports): each page routes them itself.
    const page = isConsolePath(pathname) ? 'console.html' : 'index.html';
    if (!(await fileExists(resolve(staticDir, page)))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The app is not built yet: run `npm run build`, then restart the server.');
    }
    // The console is online only and changes with each deploy: never from a cache.
    if (page === 'console.html') reply.header('cache-control', 'no-cache');
    return reply.code(200).sendFile(page);
  });

  return app;
}
