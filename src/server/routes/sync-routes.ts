// Push and pull (DESIGN.md "Sync protocol" 3 and 4). Push applies a tablet's mutations in
// seq order, exactly once, in one transaction with the tablet's new lastSeq; pull hands out
// the store's changed jobs by cursor, with the reference data a tablet needs offline.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jobSchema } from '../../shared/job.ts';
import { normalizePlate } from '../../shared/plate.ts';
import { normalizeVin } from '../../shared/vin.ts';
import {
  API_ERRORS,
  apiErrorSchema,
  jobParamsSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  visitsQuerySchema,
  visitsResponseSchema,
} from '../../shared/protocol.ts';
import { HttpError, notFound } from '../api/http-error.ts';
import { authenticateDevice } from '../auth/authenticate.ts';
import type { Storage } from '../storage/storage.ts';
import { createPushQueue } from '../sync-rules/push-queue.ts';
import { pullPage } from '../sync-rules/pull-rules.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 413: apiErrorSchema, 426: apiErrorSchema };
const pushErrors = { ...errors, 409: apiErrorSchema };

/** A push of 200 mutations with their payloads stays far below this. */
const PUSH_BODY_LIMIT = 2 * 1024 * 1024;

export function syncRoutes(app: FastifyInstance, storage: Storage): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pushes = createPushQueue(storage.records);

  api.post('/api/v1/push', {
    bodyLimit: PUSH_BODY_LIMIT,
    schema: {
      summary: "Apply a batch of this tablet's mutations, in seq order, exactly once.",
      body: pushRequestSchema,
      response: { 200: pushResponseSchema, ...pushErrors },
    },
    handler: async (request) => {
      const device = await authenticateDevice(storage, request);
      const foreign = request.body.mutations.find((m) => m.clientId !== device.clientId);
      if (foreign) {
        throw new HttpError(403, 'wrong_client', `Mutation ${foreign.mutationId} belongs to another tablet (clientId ${foreign.clientId}); a tablet pushes only its own.`);
      }
      // Who did it is recorded only when that advisor really signed in on this tablet.
      // Asked once per advisor named in the batch, not once per mutation.
      const signedIn = new Set<string>();
      for (const advisorId of new Set(request.body.mutations.flatMap((m) => (m.advisorId ? [m.advisorId] : [])))) {
        if (await storage.hasSignedInOn(device.id, advisorId)) signedIn.add(advisorId);
      }
      const mutations = request.body.mutations.map((m) => (m.advisorId && !signedIn.has(m.advisorId) ? { ...m, advisorId: undefined } : m));
      const outcome = await pushes.push(device, mutations);
      if (outcome.seqConflict) {
        const { seq, mutationId } = outcome.seqConflict;
        request.log.warn({ deviceId: device.id, seq, mutationId }, 'push: seq already used by another mutation');
        throw new HttpError(
          409,
          API_ERRORS.seqConflict,
          `This tablet's change number ${seq} (${mutationId}) was already used by a different change the server recorded for this tablet's identity. The change is kept on the tablet and nothing was applied; ask the store administrator to check which devices use this tablet's identity.`,
        );
      }
      request.log.info({ deviceId: device.id, received: mutations.length, applied: outcome.applied, lastSeq: outcome.lastSeq }, 'push');
      return { lastSeq: outcome.lastSeq, rejected: outcome.rejected, missingBlobs: outcome.missingBlobs };
    },
  });

  api.get('/api/v1/pull', {
    schema: {
      summary: "Jobs of this tablet's store changed after the cursor, with advisors and the catalogue.",
      querystring: pullQuerySchema,
      response: { 200: pullResponseSchema, ...errors },
    },
    handler: async (request) => {
      const device = await authenticateDevice(storage, request);
      const { cursor, limit, catalogueVersion } = request.query;
      const page = await pullPage(storage.records, device, cursor, limit);
      return {
        ...page,
        advisors: await storage.listAdvisors(device.storeId),
        catalogue: await storage.catalogueSince(device.storeId, catalogueVersion),
        serverTime: new Date().toISOString(),
      };
    },
  });

  api.get('/api/v1/jobs/:id', {
    schema: {
      summary: "The server's copy of one job of this store (a tablet re-reads it after a refused change).",
      params: jobParamsSchema,
      response: { 200: jobSchema, 404: apiErrorSchema, ...errors },
    },
    handler: async (request) => {
      const device = await authenticateDevice(storage, request);
      const job = await storage.getJob(device.storeId, request.params.id);
      if (!job) throw notFound(`Job ${request.params.id}`);
      return job;
    },
  });

  api.get('/api/v1/vehicles/visits', {
    schema: {
      summary: "Earlier visits of a vehicle in this store, by plate or VIN, newest first.",
      querystring: visitsQuerySchema,
      response: { 200: visitsResponseSchema, ...errors },
    },
    handler: async (request) => {
      const device = await authenticateDevice(storage, request);
      const plate = request.query.plate ? normalizePlate(request.query.plate) : undefined;
      const vin = request.query.vin ? normalizeVin(request.query.vin) : undefined;
      return { jobs: await storage.jobsForVehicle(device.storeId, { plate, vin }, 20) };
    },
  });
}
