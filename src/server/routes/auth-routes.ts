// Enrollment and sign-in (DESIGN.md "Security"). A store administrator hands out an
// enrollment code; the tablet trades it once for a revocable device token. Advisors then
// sign in on that tablet with their password while online; the tablet keeps a PIN of theirs
// for unlocking offline. Guessing is slowed per IP and per username on a device.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  API_ERRORS,
  apiErrorSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  signInRequestSchema,
  signInResponseSchema,
  storeSummarySchema,
} from '../../shared/protocol.ts';
import { HttpError } from '../api/http-error.ts';
import { authenticateDevice } from '../auth/authenticate.ts';
import { createEnrollmentGuard, type EnrollmentGuardOptions } from '../auth/enrollment-guard.ts';
import { createSignInAttempts } from '../auth/sign-in-attempts.ts';
import { newDeviceToken, tokenHash } from '../auth/tokens.ts';
import type { EnrollRefusal, Storage } from '../storage/storage.ts';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 426: apiErrorSchema, 429: apiErrorSchema };

export function authRoutes(app: FastifyInstance, storage: Storage, enrollGuardOptions: Partial<EnrollmentGuardOptions> = {}): void {
  // Wrong enrollment codes slow their address down but never refuse a valid code (enrollment-guard.ts).
  const enrollGuard = createEnrollmentGuard(enrollGuardOptions);
  const signIns = createSignInAttempts();
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/auth/enroll', {
    schema: {
      summary: 'Enroll a tablet in a store with an enrollment code; returns its device token.',
      body: enrollRequestSchema,
      response: { 200: enrollResponseSchema, 403: apiErrorSchema, ...errors },
    },
    handler: async (request, reply) => {
      const attempt = await enrollGuard.admit(request.ip, reply.raw);
      // The tablet may hang up while its code is looked up: the attempt is judged all the same.
      try {
        const token = newDeviceToken();
        const { code, clientId, deviceName, deviceSecret } = request.body;
        const secretHash = deviceSecret === undefined ? null : tokenHash(deviceSecret);
        const outcome = await storage.enrollDevice({ code, clientId, name: deviceName, tokenHash: tokenHash(token), secretHash, now: new Date().toISOString() });
        if ('refused' in outcome) {
          attempt.failed();
          if (outcome.refused === 'proof') request.log.warn({ clientId, ip: request.ip }, 'enrollment of an enrolled tablet without its secret');
          throw enrollmentRefused(outcome.refused);
        }
        const { device } = outcome;
        const store = await storage.getStore(device.storeId);
        if (!store) throw new Error(`device ${device.id} has no store`);
        request.log.info({ deviceId: device.id, storeId: store.id, code: device.code }, 'device enrolled');
        return { deviceToken: token, device: { id: device.id, code: device.code, name: device.name }, store };
      } finally {
        attempt.settled();
      }
    },
  });

  api.get('/api/v1/auth/device', {
    schema: {
      summary: "This tablet's store and device, to check that its token is still valid.",
      response: { 200: z.object({ store: storeSummarySchema, device: z.object({ id: z.uuid(), code: z.string(), name: z.string() }) }), ...errors },
    },
    handler: async (request) => {
      const device = await authenticateDevice(storage, request);
      const store = await storage.getStore(device.storeId);
      if (!store) throw new Error(`device ${device.id} has no store`);
      return { store, device: { id: device.id, code: device.code, name: device.name } };
    },
  });

  api.post('/api/v1/auth/sign-in', {
    schema: {
      summary: 'An advisor signs in on an enrolled tablet with their password.',
      body: signInRequestSchema,
      response: { 200: signInResponseSchema, ...errors },
    },
    handler: async (request) => {
      const device = await authenticateDevice(storage, request);
      const { username, password } = request.body;
      const advisor = await signIns.checkPassword(`user:${device.id}:${username}`, `ip:${request.ip}`, password, () =>
        storage.findAdvisorByUsername(device.storeId, username),
      );
      if (!advisor) {
        logFailure(request, username);
        throw new HttpError(401, 'sign_in_failed', 'The username or password is wrong. Check them, or ask the store administrator to reset the password.');
      }
      await storage.recordSignIn(device.id, advisor.id, new Date().toISOString());
      return { advisor: { id: advisor.id, username: advisor.username, name: advisor.name, role: advisor.role } };
    },
  });
}

const ENROLLMENT_REFUSALS: Record<EnrollRefusal, { code: string; message: string }> = {
  code: {
    code: 'enrollment_refused',
    message: 'This enrollment code is not valid, has expired or was used up. Ask the store administrator for a new one.',
  },
  store: {
    code: 'enrollment_refused',
    message: 'This tablet is connected to another store. A tablet belongs to one store; ask that store\'s administrator to remove it first.',
  },
  proof: {
    code: API_ERRORS.reenrollmentRefused,
    message:
      'A tablet with this identity is already connected to the store, and this one could not prove it is that tablet. If it is (its app data was restored, say), ask the store administrator to approve it: npm run admin -- allow-reenrollment <store> <tablet letter>.',
  },
};

function enrollmentRefused(reason: EnrollRefusal): HttpError {
  const { code, message } = ENROLLMENT_REFUSALS[reason];
  return new HttpError(403, code, message);
}

function logFailure(request: FastifyRequest, username: string): void {
  request.log.warn({ username, ip: request.ip }, 'sign-in failed');
}
