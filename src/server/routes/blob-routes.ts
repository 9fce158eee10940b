// Photo, thumbnail and signature bytes, addressed by their SHA-256 (DESIGN.md "Sync
// protocol" 2). The tablet asks HEAD first and PUTs only what is missing; the server
// re-hashes every upload and checks the bytes are what the content type claims. A store sees
// only the blobs it uploaded itself: another store's hash gets 404, like one never seen.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { blobMimeOf, isBlobMime, SNIFF_BYTES } from '../../shared/blob-kind.ts';
import { apiErrorSchema, blobParamsSchema, MAX_BLOB_BYTES } from '../../shared/protocol.ts';
import { HttpError, notFound } from '../api/http-error.ts';
import { authenticateDevice } from '../auth/authenticate.ts';
import { BlobHashMismatch, BlobTooLarge, type BlobStore } from '../blobs/blob-store.ts';
import type { Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema, 413: apiErrorSchema, 415: apiErrorSchema, 426: apiErrorSchema };

export async function blobRoutes(app: FastifyInstance, storage: Storage, blobs: BlobStore): Promise<void> {
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
        const device = authenticateDevice(storage, request);
        const found = storage.storeHasBlob(device.storeId, request.params.sha256) && (await blobs.has(request.params.sha256));
        return reply.code(found ? 200 : 404).send();
      },
    });

    api.get('/api/v1/blobs/:sha256', {
      exposeHeadRoute: false,
      schema: { summary: 'The bytes of a blob this store uploaded.', params: blobParamsSchema, response: { 200: z.any(), ...errors } },
      handler: async (request, reply) => {
        const device = authenticateDevice(storage, request);
        const { sha256 } = request.params;
        const stream = storage.storeHasBlob(device.storeId, sha256) ? blobs.read(sha256) : null;
        if (!stream) throw notFound(`Blob ${sha256}`);
        return reply
          .type('application/octet-stream')
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(stream);
      },
    });

    api.put('/api/v1/blobs/:sha256', {
      schema: {
        summary: 'Store a blob under its SHA-256; the server re-hashes it and checks its type. An existing blob is a no-op.',
        params: blobParamsSchema,
        response: { 200: z.object({ sha256: z.string(), created: z.boolean() }), 201: z.object({ sha256: z.string(), created: z.boolean() }), 403: apiErrorSchema, ...errors },
      },
      handler: async (request, reply) => {
        const device = authenticateDevice(storage, request);
        const { sha256 } = request.params;
        const type = (request.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
        if (!isBlobMime(type)) {
          throw new HttpError(415, 'unsupported_media_type', `Blobs are JPEG, PNG or WebP images or JSON stroke data; "${type || 'no content type'}" is none of these.`);
        }
        const declared = Number(request.headers['content-length']);
        if (declared > MAX_BLOB_BYTES) throw tooLarge();
        const bytes = await readBody(request);
        if (blobMimeOf(bytes.subarray(0, SNIFF_BYTES)) !== type) {
          throw new HttpError(415, 'content_mismatch', `The bytes are not ${type}: a file's content decides its type, not its name or header.`);
        }
        try {
          // "Created" is told per store: that another store has these bytes is not this one's business.
          const created = !storage.storeHasBlob(device.storeId, sha256);
          await blobs.put(sha256, bytes, MAX_BLOB_BYTES);
          storage.linkBlob(device.storeId, sha256, bytes.byteLength, new Date().toISOString());
          return reply.code(created ? 201 : 200).send({ sha256, created });
        } catch (error) {
          if (error instanceof BlobHashMismatch) {
            throw new HttpError(400, 'hash_mismatch', `The bytes do not hash to ${sha256}: the upload was damaged or named wrongly. Send it again.`);
          }
          if (error instanceof BlobTooLarge) throw tooLarge();
          throw error;
        }
      },
    });
  });
}

function tooLarge(): HttpError {
  return new HttpError(413, 'too_large', `A blob may be at most ${MAX_BLOB_BYTES / 1024 / 1024} MB.`);
}

/** The whole body, refusing it as soon as it passes the blob size limit. */
async function readBody(request: FastifyRequest): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request.body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > MAX_BLOB_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  if (total === 0) throw new HttpError(400, 'invalid_request', 'The blob is empty.');
  return Buffer.concat(chunks, total);
}
