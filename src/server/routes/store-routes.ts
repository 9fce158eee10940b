// The store's own data a tablet reads: its profile (name, address, phone for the customer's
// copy, and the estimate terms the desk offers first). Read-only here: an administrator sets
// it on the command line. The tablet keeps the answer and uses it offline.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../shared/protocol.ts';
import { storeProfileResponseSchema } from '../../shared/store-profile.ts';
import { notFound } from '../api/http-error.ts';
import { authenticateDevice } from '../auth/authenticate.ts';
import type { Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema, 426: apiErrorSchema };

export function storeRoutes(app: FastifyInstance, storage: Storage): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/store/profile', {
    schema: {
      summary: "This tablet's store's profile, as its administrator set it (the store's name until then).",
      response: { 200: storeProfileResponseSchema, ...errors },
    },
    handler: async (request) => {
      const device = await authenticateDevice(storage, request);
      const found = await storage.storeProfile(device.storeId);
      // A device row always belongs to a store; this only answers a store deleted under it.
      if (!found) throw notFound(`Store ${device.storeId}`);
      return found;
    },
  });
}
