// Photo, thumbnail and signature bytes, addressed by their SHA-256 (DESIGN.md "Sync
// protocol" 2). An upload is streamed to a temp file as it arrives (never held in memory),
// its first bytes decide whether it is the type it claims, and it is re-hashed before it
// becomes visible; a few uploads per tablet run at once. A store sees only the blobs it
// uploaded itself: another store's hash gets 404, like one never seen.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { blobMimeOf, isBlobMime, SNIFF_BYTES } from '../../shared/blob-kind.ts';
import { API_ERRORS, apiErrorSchema, blobParamsSchema, MAX_BLOB_BYTES } from '../../shared/protocol.ts';
import { HttpError, notFound } from '../api/http-error.ts';
import { authenticateDevice } from '../auth/authenticate.ts';
import { createConcurrencyGate } from '../auth/concurrency-gate.ts';
import { BlobHashMismatch, BlobStoreUnavailable, BlobTooLarge, type BlobStore } from '../blobs/blob-store.ts';
import { peekBytes } from '../blobs/peek-bytes.ts';
import type { Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema, 413: apiErrorSchema, 415: apiErrorSchema, 426: apiErrorSchema, 503: apiErrorSchema };

export type UploadLimits = {
  /** Uploads in flight per device: the tablet sends four at a time (src/sync/send.ts). */
  perDevice: number;
  /**
   * Uploads in flight on the whole server. Memory no longer grows with them (each holds a
   * few 64 KB chunks); this bounds open files and disk writes when every tablet of a big
   * store ends its shift at once: 16 tablets at full speed.
   */
  total: number;
  /** How long an upload may go without a byte before it is dropped. */
  idleMs: number;
};

// The tablet gives up on a request after 30 s (src/sync/api-client.ts): an upload idle that
// long has been abandoned by its tablet.
export const UPLOAD_LIMITS: UploadLimits = { perDevice: 4, total: 64, idleMs: 30_000 };
const DEVICE_RETRY_AFTER_S = 2;
const SERVER_RETRY_AFTER_S = 5;
const STORAGE_RETRY_AFTER_S = 30;

export async function blobRoutes(app: FastifyInstance, storage: Storage, blobs: BlobStore, limits: UploadLimits = UPLOAD_LIMITS): Promise<void> {
  // Per app: each server (and each test server) counts its own uploads. A few per tablet (its
  // upload lanes) and a ceiling for the whole server; past either, 429 before the body is read.
  const uploads = createConcurrencyGate();
  // Own scope: blob bodies arrive as raw bytes, not JSON.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.route({
      method: 'HEAD',
      url: '/api/v1/blobs/:sha256',
      schema: { summary: 'Is this blob stored for this store? 200 or 404, no body.', params: blobParamsSchema },
      handler: async (request, reply) => {
        const device = await authenticateDevice(storage, request);
        const found = (await storage.storeHasBlob(device.storeId, request.params.sha256)) && (await blobs.has(request.params.sha256).catch(rethrowAsHttp));
        return reply.code(found ? 200 : 404).send();
      },
    });

    api.get('/api/v1/blobs/:sha256', {
      exposeHeadRoute: false,
      schema: { summary: 'The bytes of a blob this store uploaded.', params: blobParamsSchema, response: { 200: z.any(), ...errors } },
      handler: async (request, reply) => {
        const device = await authenticateDevice(storage, request);
        const { sha256 } = request.params;
        const stream = (await storage.storeHasBlob(device.storeId, sha256)) ? await blobs.read(sha256).catch(rethrowAsHttp) : null;
        if (!stream) throw notFound(`Blob ${sha256}`);
        return reply
          .type('application/octet-stream')
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(stream);
      },
    });

    api.put('/api/v1/blobs/:sha256', {
      schema: {
        summary:
          'Store a blob under its SHA-256, streamed to disk as it arrives; the server re-hashes it and checks its type. An existing blob is a no-op. ' +
          `At most ${limits.perDevice} uploads per tablet at once (429 with retry-after past that).`,
        params: blobParamsSchema,
        response: { 200: z.object({ sha256: z.string(), created: z.boolean() }), 201: z.object({ sha256: z.string(), created: z.boolean() }), 403: apiErrorSchema, 408: apiErrorSchema, 429: apiErrorSchema, ...errors },
      },
      handler: async (request, reply) => {
        const device = await authenticateDevice(storage, request);
        const { sha256 } = request.params;
        const type = (request.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
        if (!isBlobMime(type)) {
          throw new HttpError(415, 'unsupported_media_type', `Blobs are JPEG, PNG or WebP images or JSON stroke data; "${type || 'no content type'}" is none of these.`);
        }
        const declared = Number(request.headers['content-length']);
        if (declared > MAX_BLOB_BYTES) throw tooLarge();
        const deviceKey = `device:${device.id}`;
        const slot = uploads.tryEnter([
          { key: deviceKey, max: limits.perDevice },
          { key: 'server', max: limits.total },
        ]);
        if (!slot) throw busy(uploads.running(deviceKey) >= limits.perDevice ? 'device' : 'server', limits);
        const stalled = watchForStall(request, reply.raw, limits.idleMs);
        try {
          const upload = await peekBytes(request.body as AsyncIterable<Uint8Array>, SNIFF_BYTES);
          if (upload.head.length === 0) throw new HttpError(400, 'invalid_request', 'The blob is empty.');
          if (blobMimeOf(upload.head) !== type) {
            await upload.close();
            // The rest of the body is not read: this connection cannot carry another request.
            throw new HttpError(415, 'content_mismatch', `The bytes are not ${type}: a file's content decides its type, not its name or header.`, { connection: 'close' });
          }
          // "Created" is told per store: that another store has these bytes is not this one's business.
          const created = !(await storage.storeHasBlob(device.storeId, sha256));
          const { byteLength } = await blobs.put(sha256, upload.body, MAX_BLOB_BYTES);
          await storage.linkBlob(device.storeId, sha256, byteLength, new Date().toISOString());
          return reply.code(created ? 201 : 200).send({ sha256, created });
        } catch (error) {
          if (error instanceof HttpError) throw error;
          if (error instanceof BlobHashMismatch) {
            throw new HttpError(400, 'hash_mismatch', `The bytes do not hash to ${sha256}: the upload was damaged or named wrongly. Send it again.`);
          }
          // The store stopped reading at the limit: the rest of the body stays on the line.
          if (error instanceof BlobTooLarge) throw tooLarge({ connection: 'close' });
          if (stalled.happened()) throw stalledError(limits.idleMs);
          // The tablet went away mid-upload (its own timeout, a lost Wi-Fi): no one hears this
          // answer, but it keeps an everyday event out of the error log.
          if (request.raw.destroyed && !request.raw.complete) {
            throw new HttpError(400, 'upload_cut_off', 'The upload ended before its last byte arrived. Nothing was stored; the tablet sends it again.');
          }
          throw storageError(error);
        } finally {
          stalled.stop();
          slot();
        }
      },
    });
  });
}

/** Object storage down: 503, and the tablet keeps the photo and tries again (any other error stays a 500). */
function storageError(error: unknown): unknown {
  if (!(error instanceof BlobStoreUnavailable)) return error;
  return new HttpError(503, 'storage_unavailable', 'The photo storage cannot be reached right now. Nothing is lost: the tablet keeps the photo and tries again.', {
    'retry-after': String(STORAGE_RETRY_AFTER_S),
  });
}

function rethrowAsHttp(error: unknown): never {
  throw storageError(error);
}

function tooLarge(headers: Record<string, string> = {}): HttpError {
  return new HttpError(413, 'too_large', `A blob may be at most ${MAX_BLOB_BYTES / 1024 / 1024} MB.`, headers);
}

function busy(full: 'device' | 'server', limits: UploadLimits): HttpError {
  const message =
    full === 'device'
      ? `This tablet is already sending ${limits.perDevice} photos or signatures; the server takes ${limits.perDevice} at a time from one tablet. Nothing is lost: the tablet sends this one again in a moment.`
      : 'The server is receiving photos from many tablets right now. Nothing is lost: the tablet sends this one again in a moment.';
  return new HttpError(429, API_ERRORS.rateLimited, message, { 'retry-after': String(full === 'device' ? DEVICE_RETRY_AFTER_S : SERVER_RETRY_AFTER_S) });
}

function stalledError(idleMs: number): HttpError {
  return new HttpError(408, 'timeout', `No bytes of the upload arrived for ${idleMs / 1000} s, so the server stopped waiting. The tablet sends it again when its connection is back.`);
}

/**
 * Ends an upload whose bytes stop arriving: a tablet that leaves the Wi-Fi mid-upload often
 * closes nothing, and without this its slot (and the temp file) would be held for good,
 * leaving the tablet refused (429) on every later try. Destroying the request closes the
 * connection and ends the store's read with an error, which removes the temp file; the
 * route then frees the slot.
 */
function watchForStall(request: FastifyRequest, response: ServerResponse, idleMs: number): { happened(): boolean; stop(): void } {
  const raw = request.raw;
  const socket = raw.socket;
  const previous = socket.timeout ?? 0;
  let happened = false;
  // Heard on the response, not the request: Node closes a connection whose timeout nobody
  // hears, and the body may be complete already while the file is flushed to disk.
  const onIdle = () => {
    if (raw.complete) return;
    happened = true;
    raw.destroy(new Error('upload stalled'));
  };
  // The socket's idle timer restarts with every packet: a slow upload that moves lives on.
  response.setTimeout(idleMs, onIdle);
  return {
    happened: () => happened,
    stop() {
      response.off('timeout', onIdle);
      socket.setTimeout(previous);
    },
  };
}
