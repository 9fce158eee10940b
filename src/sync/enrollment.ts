// Connecting a tablet to its store, and an advisor's online sign-in. Enrollment binds the
// tablet's sync identity (clientId) to a device token and gives it the store's code and its
// own device letter, which new job numbers use from then on (cards numbered before keep
// their numbers).
import type { WalkaroundDb } from '../db/database.ts';
import { recordSignIn } from '../db/advisor-repo.ts';
import { getDevice, getDeviceSecret } from '../db/job-repo.ts';
import { updateSyncRow } from '../db/meta-repo.ts';
import type { Advisor } from '../shared/protocol.ts';
import { createApiClient, type ApiClientOptions } from './api-client.ts';

type ApiOptions = Omit<ApiClientOptions, 'token'>;

export async function enrollTablet(db: WalkaroundDb, input: { code: string; deviceName: string }, apiOptions: ApiOptions = {}, now = new Date()): Promise<void> {
  const deviceSecret = await getDeviceSecret(db);
  const device = await getDevice(db);
  const response = await createApiClient(apiOptions).enroll({ code: input.code, clientId: device.clientId, deviceName: input.deviceName, deviceSecret });
  await db.transaction('rw', db.meta, async () => {
    const current = await getDevice(db);
    await db.meta.put({
      ...current,
      storeCode: response.store.code,
      deviceCode: response.device.code,
      enrollment: {
        deviceToken: response.deviceToken,
        deviceId: response.device.id,
        deviceName: response.device.name,
        storeId: response.store.id,
        storeName: response.store.name,
        enrolledAt: now.toISOString(),
      },
    });
    // A tablet moved to another store must not resume the old store's cursor.
    if (current.enrollment?.storeId !== response.store.id) await updateSyncRow(db, { cursor: 0, catalogueVersion: 0 });
  });
}

/** Checks the password with the server; on success the advisor is the one working now. */
export async function signInAdvisor(db: WalkaroundDb, input: { username: string; password: string }, apiOptions: ApiOptions = {}): Promise<Advisor> {
  const { enrollment } = await getDevice(db);
  if (!enrollment) throw new Error('Enroll the tablet before signing in');
  const api = createApiClient({ ...apiOptions, token: () => enrollment.deviceToken });
  const { advisor } = await api.signIn(input);
  await recordSignIn(db, advisor);
  return advisor;
}
