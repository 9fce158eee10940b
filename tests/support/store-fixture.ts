// A store to sync against in tests: created through the same administration functions as
// the admin command line, with one advisor and an enrollment code.
import { addAdvisor, createStore, issueEnrollmentCode } from '../../src/server/admin/store-admin.ts';
import type { Storage } from '../../src/server/storage/storage.ts';

export type TestStore = {
  storeId: string;
  code: string;
  enrollmentCode: string;
  advisor: { id: string; username: string; password: string };
};

/** Adds an advisor (an admin, say) to the store with this id, through the administration's addAdvisor. */
export async function addAdvisorTo(storage: Storage, storeId: string, input: Parameters<typeof addAdvisor>[2]): ReturnType<typeof addAdvisor> {
  const store = await storage.getStore(storeId);
  if (!store) throw new Error(`no store ${storeId}`);
  return addAdvisor(storage, store, input);
}

export async function seedTestStore(storage: Storage, code = 'T1', tablets = 50): Promise<TestStore> {
  const store = await createStore(storage, code, `Test store ${code}`);
  const { advisor, password } = await addAdvisor(storage, store, { username: 'zhang', name: '张顾问', role: 'advisor', password: 'correct-horse-1' });
  const enrollment = await issueEnrollmentCode(storage, store, 7, tablets);
  return { storeId: store.id, code: store.code, enrollmentCode: enrollment.code, advisor: { id: advisor.id, username: advisor.username, password } };
}
