// The demo store `npm start` creates on a fresh data folder, so a new installation can be
// tried at once: a store, its administrator, one advisor and an enrollment code. Passwords
// are random, printed once and written to demo-credentials.txt (readable by the owner only)
// in the data folder: never a well-known password on a server in a store's network.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Storage } from '../storage/storage.ts';
import { addAdvisor, createStore, issueEnrollmentCode } from './store-admin.ts';

export const DEMO_STORE_CODE = 'DEMO';

/** Seeds the demo store if the data folder has none; returns what to print, or null. */
export async function seedDemoStore(storage: Storage, dataDir: string): Promise<string | null> {
  if (await storage.findStoreByCode(DEMO_STORE_CODE)) return null;
  const store = await createStore(storage, DEMO_STORE_CODE, '演示店 Demo store');
  const admin = await addAdvisor(storage, store, { username: 'admin', name: '店长 Admin', role: 'admin' });
  const advisor = await addAdvisor(storage, store, { username: 'zhang', name: '张顾问 Zhang', role: 'advisor' });
  const enrollment = await issueEnrollmentCode(storage, store);
  const text = [
    `Demo store ${store.code} (${store.name}) created.`,
    `  1. On the tablet, open the app, tap 连接门店 / Connect to the store, enter the code ${enrollment.code}`,
    `     (valid until ${enrollment.expiresAt.slice(0, 10)}, for ${enrollment.usesLeft} tablets).`,
    `  2. Sign in as advisor  zhang / ${advisor.password}   or as admin  admin / ${admin.password}`,
    `  3. The store console (reports, appointments, the card archive, administration): open /console`,
    `     on this server and sign in with the store code ${store.code} and the admin's name and password.`,
    `  More codes, advisors, revoking a tablet: the console's 门店管理, or npm run admin -- help`,
  ].join('\n');
  writeFileSync(resolve(dataDir, 'demo-credentials.txt'), `${text}\n`, { mode: 0o600 });
  return text;
}
