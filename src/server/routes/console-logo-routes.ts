// The store's logo (issue 14): uploaded at the console by an administrator, printed at the head
// of the customer's copy. The bytes must be a PNG or JPEG by their first bytes (not by the
// name or the type sent) and at most STORE_LOGO_MAX_BYTES; they are kept as a blob of the store,
// like a photo, and the profile names them by hash, so the tablets fetch them with the profile
// and print them offline. A scope of its own: the body is the image's raw bytes.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { blobMimeOf } from '../../shared/blob-kind.ts';
import { apiErrorSchema } from '../../shared/protocol.ts';
import { STORE_LOGO_MAX_BYTES, STORE_LOGO_TYPES, storeProfileResponseSchema, type StoreLogo } from '../../shared/store-profile.ts';
import { HttpError, notFound } from '../api/http-error.ts';
import { setStoreProfile } from '../admin/store-admin.ts';
import { BlobStoreUnavailable, type BlobStore } from '../blobs/blob-store.ts';
import { requireConsoleUser } from '../console/console-session.ts';
import type { Storage } from '../storage/storage.ts';

export const LOGO_ROUTE = '/api/v1/console/admin/store-profile/logo';
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 413: apiErrorSchema, 415: apiErrorSchema, 503: apiErrorSchema };
const OPENAPI = { tags: ['console'], security: [{ consoleSession: [] }] };

export async function consoleLogoRoutes(app: FastifyInstance, storage: Storage, blobs: BlobStore): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([...STORE_LOGO_TYPES], { parseAs: 'buffer', bodyLimit: STORE_LOGO_MAX_BYTES }, (_request, body, done) => done(null, body));
    const api = scope.withTypeProvider<ZodTypeProvider>();

    /** The signed-in administrator's store, and its profile after `change`. */
    async function changeLogo(storeId: string, logo: StoreLogo | null) {
      const store = await storage.getStore(storeId);
      if (!store) throw notFound(`Store ${storeId}`);
      await setStoreProfile(storage, store, { logo });
      const found = await storage.storeProfile(store.id);
      if (!found) throw notFound(`Store ${store.code}`);
      return found;
    }

    api.put(LOGO_ROUTE, {
      bodyLimit: STORE_LOGO_MAX_BYTES,
      schema: {
        ...OPENAPI,
        summary: `Set the store's logo from a PNG or JPEG of at most ${STORE_LOGO_MAX_BYTES / 1024} KB (the raw bytes as the body, content-type image/png or image/jpeg); tablets print it after their next sync (console, admin).`,
        response: { 200: storeProfileResponseSchema, ...errors },
      },
      handler: async (request) => {
        const user = await requireConsoleUser(storage, request, 'admin');
        const bytes = request.body as Buffer;
        if (!Buffer.isBuffer(bytes) || bytes.byteLength === 0) throw new HttpError(400, 'empty_logo', 'No image arrived. Choose a PNG or JPEG file of the logo. (没有收到图片，请选择 PNG 或 JPEG 格式的标志。)');
        const mime = blobMimeOf(bytes.subarray(0, 16));
        if (mime !== 'image/png' && mime !== 'image/jpeg') {
          throw new HttpError(415, 'not_an_image', 'This file is not a PNG or JPEG image (its bytes say otherwise, whatever its name). Save the logo as PNG or JPEG and choose it again. (文件不是 PNG 或 JPEG 图片。)');
        }
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        try {
          await blobs.put(sha256, Readable.from([bytes]), STORE_LOGO_MAX_BYTES);
        } catch (error) {
          if (error instanceof BlobStoreUnavailable) throw new HttpError(503, 'storage_unavailable', 'The photo storage cannot be reached right now; nothing was changed. Try again in a minute.', { 'retry-after': '5' });
          throw error;
        }
        await storage.linkBlob(user.storeId, sha256, bytes.byteLength, new Date().toISOString());
        return changeLogo(user.storeId, { sha256, mime });
      },
    });

    api.delete(LOGO_ROUTE, {
      schema: { ...OPENAPI, summary: "Print no logo on the customer's copy any more (console, admin).", response: { 200: storeProfileResponseSchema, ...errors } },
      handler: async (request) => {
        const user = await requireConsoleUser(storage, request, 'admin');
        return changeLogo(user.storeId, null);
      },
    });
  });
}
