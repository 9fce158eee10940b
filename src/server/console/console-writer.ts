// Changes made at the store console (a booked appointment, say) go through the same reducer,
// rules and change log as a tablet's: the console writes as a device of the store of its own,
// 门店管理台, with its own client id, seqs and letter in job numbers, so every tablet pulls the
// change like any other and the card's history says where it came from and who (the signed-in
// user). The seqs are taken inside the write unit, where no other write to the store runs.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Job } from '../../shared/job.ts';
import { nowIso } from '../../shared/local-time.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../shared/mutation.ts';
import { HttpError } from '../api/http-error.ts';
import { newEnrollmentCode, tokenHash } from '../auth/tokens.ts';
import type { DeviceRecord, Storage } from '../storage/storage.ts';
import { mutationCheck } from '../sync-rules/check-mutation.ts';
import { pushMutations } from '../sync-rules/push-rules.ts';
import { consoleClientId } from './console-client-id.ts';
import type { ConsoleUser } from './console-session.ts';

export const CONSOLE_DEVICE_NAME = '门店管理台 Store console';

/** The store's console device, enrolled the first time the console writes (with a token nobody holds). */
export async function consoleDevice(storage: Storage, storeId: string): Promise<DeviceRecord> {
  const clientId = consoleClientId(storeId);
  const find = async () => (await storage.listDevices(storeId)).find((device) => device.clientId === clientId);
  const existing = await find();
  if (existing) return existing;
  const now = new Date();
  const code = await storage.createEnrollmentCode(storeId, { code: newEnrollmentCode(), expiresAt: new Date(now.getTime() + 60_000).toISOString(), uses: 1 });
  const outcome = await storage.enrollDevice({
    code: code.code,
    clientId,
    name: CONSOLE_DEVICE_NAME,
    tokenHash: tokenHash(randomBytes(32).toString('base64url')),
    secretHash: tokenHash(randomBytes(32).toString('base64url')),
    now: now.toISOString(),
  });
  if ('device' in outcome) return outcome.device;
  // Another process enrolled it a moment ago (it then refuses this one as "proof").
  const enrolled = await find();
  if (!enrolled) throw new Error(`the console device of store ${storeId} could not be enrolled: ${outcome.refused}`);
  return enrolled;
}

/**
 * Applies `bodies` (made knowing the first seq they get and the console's device: a job number
 * counts from the one with the other's letter) to one card as the console, in order, exactly as a
 * tablet's push would; returns the card as stored. A change the rules refuse is a 409 with its reason.
 */
export async function writeAsConsole(storage: Storage, user: ConsoleUser, jobId: string, bodies: (firstSeq: number, device: DeviceRecord) => MutationBody[]): Promise<Job> {
  const device = await consoleDevice(storage, user.storeId);
  const now = new Date();
  const [result] = await storage.records.writeEach([
    {
      storeId: user.storeId,
      work: async (tx) => {
        const lastSeq = await tx.lastSeq(device.clientId);
        const mutations: Mutation[] = bodies(lastSeq + 1, device).map((body, i) =>
          mutationSchema.parse({ ...body, mutationId: uuidv7(), clientId: device.clientId, seq: lastSeq + 1 + i, jobId, createdAt: nowIso(now), advisorId: user.advisorId }),
        );
        return pushMutations(tx, device, mutations, mutationCheck, now.toISOString());
      },
    },
  ]);
  if (!result || 'error' in result) throw result?.error ?? new Error('the console write returned nothing');
  const refused = result.value.rejected[0];
  if (refused) throw new HttpError(409, 'change_refused', `The change was not made (${refused.reason}). Reload the page and try again.`);
  const job = await storage.getJob(user.storeId, jobId);
  if (!job) throw new Error(`card ${jobId} is not stored after the console wrote it`);
  return job;
}
