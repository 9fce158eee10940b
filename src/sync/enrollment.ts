// Connecting a tablet to its store, and an advisor's online sign-in. Enrollment binds the
// tablet's sync identity (clientId) to a device token, proven by the secret the tablet made
// for itself, and gives it the store's code and its own device letter, which new job numbers
// use from then on (db/job-repo saveEnrollment). Both need the network; nothing changes here
// until the server has answered.
import type { WalkaroundDb } from '../db/database.ts';
import { recordSignIn } from '../db/advisor-repo.ts';
import { getDevice, getDeviceSecret, saveEnrollment } from '../db/job-repo.ts';
import type { Advisor } from '../shared/protocol.ts';
import { createApiClient, type ApiClientOptions } from './api-client.ts';
import { refreshStoreProfile } from './store-profile-sync.ts';
import { LocalSyncStop } from './sync-failure.ts';

type ApiOptions = Omit<ApiClientOptions, 'token'>;

export async function enrollTablet(db: WalkaroundDb, input: { code: string; deviceName: string }, apiOptions: ApiOptions = {}, now = new Date()): Promise<void> {
  const deviceSecret = await getDeviceSecret(db);
  const device = await getDevice(db);
  const response = await createApiClient(apiOptions).enroll({ code: input.code, clientId: device.clientId, deviceName: input.deviceName, deviceSecret });
  await saveEnrollment(db, response, now);
  // The store's name and address for the customer's copy at once; offline, the next sync brings them.
  const api = createApiClient({ ...apiOptions, token: () => response.deviceToken });
  await refreshStoreProfile(db, api, now).catch(() => undefined);
}

/** Checks the password with the server; on success the advisor is the one working now. */
export async function signInAdvisor(db: WalkaroundDb, input: { username: string; password: string }, apiOptions: ApiOptions = {}): Promise<Advisor> {
  const { enrollment } = await getDevice(db);
  if (!enrollment) throw new LocalSyncStop('notEnrolled');
  const api = createApiClient({ ...apiOptions, token: () => enrollment.deviceToken });
  const { advisor } = await api.signIn(input);
  await recordSignIn(db, advisor);
  return advisor;
}
