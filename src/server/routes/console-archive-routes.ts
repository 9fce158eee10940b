// The store console's card archive (客户档案, issue 14): search every card of the signed-in
// user's store by plate, VIN, phone, name or job number; open one read-only with its photos,
// its signatures (each verified against the server's own hash) and its history; a customer's
// vehicles and visits. Any signed-in role; the store is always the session's, never a parameter.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { blobMimeOf, SNIFF_BYTES } from '../../shared/blob-kind.ts';
import {
  ARCHIVE_API,
  archiveCardResponseSchema,
  archiveSearchQuerySchema,
  archiveSearchResponseSchema,
  blobParamsSchema,
  CUSTOMER_VISITS_MAX,
  customerQuerySchema,
  customerResponseSchema,
  jobIdParamsSchema,
} from '../../shared/console/archive-api.ts';
import { apiErrorSchema } from '../../shared/protocol.ts';
import { HttpError, notFound } from '../api/http-error.ts';
import { BlobStoreUnavailable, type BlobStore } from '../blobs/blob-store.ts';
import { peekBytes } from '../blobs/peek-bytes.ts';
import { cardSummary, customerVehicles, historyEntries, verifiedSignatures, type Names } from '../console/archive-view.ts';
import { requireConsoleUser } from '../console/console-session.ts';
import type { Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 503: apiErrorSchema };
const tags = ['console'];
const security = [{ consoleSession: [] }];

export function consoleArchiveRoutes(app: FastifyInstance, storage: Storage, blobs: BlobStore): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** The names the archive shows instead of ids: the store's advisors (disabled ones too) and tablets. */
  async function namesOf(storeId: string): Promise<Names> {
    const [advisors, devices] = await Promise.all([storage.listAllAdvisors(storeId), storage.listDevices(storeId)]);
    return {
      advisors: new Map(advisors.map((advisor) => [advisor.id, advisor.name])),
      devices: new Map(devices.map((device) => [device.id, device.code])),
      clients: new Map(devices.map((device) => [device.clientId, device.code])),
    };
  }

  api.get(`${ARCHIVE_API}/search`, {
    schema: {
      summary: "Search the store's cards by plate (whole, without its province, or its end), VIN (start or end), phone (whole or last digits), customer name (start) or job number; newest first.",
      tags,
      security,
      querystring: archiveSearchQuerySchema,
      response: { 200: archiveSearchResponseSchema, ...errors },
    },
    handler: async (request) => {
      const user = await requireConsoleUser(storage, request, 'any');
      const { q, limit } = request.query;
      const [found, names] = await Promise.all([storage.searchCards(user.storeId, q, limit + 1), namesOf(user.storeId)]);
      return { cards: found.slice(0, limit).map((facts) => cardSummary(facts, names)), more: found.length > limit };
    },
  });

  api.get(`${ARCHIVE_API}/cards/:jobId`, {
    schema: {
      summary: 'One card as stored (read-only), its signatures each verified against the hash the server recomputes, and its history of changes.',
      tags,
      security,
      params: jobIdParamsSchema,
      response: { 200: archiveCardResponseSchema, ...errors },
    },
    handler: async (request) => {
      const user = await requireConsoleUser(storage, request, 'any');
      const { jobId } = request.params;
      const [job, history, names] = await Promise.all([
        storage.getJob(user.storeId, jobId),
        storage.jobHistory(user.storeId, jobId),
        namesOf(user.storeId),
      ]);
      if (!job) throw notFound('This card (in your store)');
      return {
        job,
        checkedInBy: job.checkedInBy === undefined ? null : (names.advisors.get(job.checkedInBy) ?? null),
        signatures: verifiedSignatures(job, names),
        history: historyEntries(history, names),
      };
    },
  });

  api.get(`${ARCHIVE_API}/customer`, {
    schema: {
      summary: "A customer's page: their vehicles and visits (cards), newest first, found by phone (digits) or else by exact name.",
      tags,
      security,
      querystring: customerQuerySchema,
      response: { 200: customerResponseSchema, ...errors },
    },
    handler: async (request) => {
      const user = await requireConsoleUser(storage, request, 'any');
      const { phone, name } = request.query;
      const [found, names] = await Promise.all([
        storage.cardsOfCustomer(user.storeId, { phone, name }, CUSTOMER_VISITS_MAX + 1),
        namesOf(user.storeId),
      ]);
      const visits = found.slice(0, CUSTOMER_VISITS_MAX);
      if (visits.length === 0) throw notFound('No card of this customer');
      // Each vehicle is named (model, colour) by its newest card: only those cards are read whole.
      const firstOfVehicle = new Map<string, string>();
      for (const facts of visits) {
        const key = facts.plate || facts.vin;
        if (key !== '' && !firstOfVehicle.has(key)) firstOfVehicle.set(key, facts.jobId);
      }
      const jobs = new Map(
        await Promise.all([...firstOfVehicle.values()].map(async (jobId) => [jobId, await storage.getJob(user.storeId, jobId)] as const)),
      );
      const newest = visits[0]!;
      return {
        name: newest.customerName,
        phone: newest.customerPhone,
        vehicles: customerVehicles(visits.map((facts) => ({ facts, job: jobs.get(facts.jobId) }))),
        visits: visits.map((facts) => cardSummary(facts, names)),
        more: found.length > CUSTOMER_VISITS_MAX,
      };
    },
  });

  api.get(`${ARCHIVE_API}/blobs/:sha256`, {
    schema: {
      summary: "A photo's or signature's bytes, if the signed-in user's store uploaded them (thumbnails in lists, full size on click).",
      tags,
      security,
      params: blobParamsSchema,
      response: { 200: z.any(), ...errors },
    },
    exposeHeadRoute: false,
    handler: async (request, reply) => {
      const user = await requireConsoleUser(storage, request, 'any');
      const { sha256 } = request.params;
      // Another store's hash is answered as one never seen.
      const stream = (await storage.storeHasBlob(user.storeId, sha256)) ? await blobs.read(sha256).catch(unavailable) : null;
      if (!stream) throw notFound('This photo (in your store)');
      const peeked = await peekBytes(stream, SNIFF_BYTES).catch(unavailable);
      return reply
        .type(blobMimeOf(peeked.head) ?? 'application/octet-stream')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(Readable.from(peeked.body));
    },
  });
}

function unavailable(error: unknown): never {
  if (error instanceof BlobStoreUnavailable) {
    throw new HttpError(503, 'storage_unavailable', 'The photo storage cannot be reached right now. Try again in a moment.', { 'retry-after': '30' });
  }
  throw error;
}
