// Who the tablet belongs to and who is working on it, in one read for the app shell: the
// store enrollment (none on a tablet that is not connected yet) and the current advisor.
// Read-only and without zod, so the first screen can wait for it without loading more.
import type { AdvisorRow, Enrollment, WalkaroundDb } from './database.ts';
import { currentAdvisor } from './advisor-repo.ts';
import { readMeta } from './meta-repo.ts';

export type TabletSession = {
  enrollment: Enrollment | null;
  /** The store code and this tablet's letter(s) in job numbers (placeholders until enrolled). */
  storeCode: string | null;
  deviceCode: string | null;
  advisor: AdvisorRow | null;
};

export async function readTabletSession(db: WalkaroundDb): Promise<TabletSession> {
  // The device row is created by the first write (job-repo.ts); until then there is none.
  const device = await readMeta(db, 'device');
  const advisor = await currentAdvisor(db);
  return {
    enrollment: device?.enrollment ?? null,
    storeCode: device?.storeCode ?? null,
    deviceCode: device?.deviceCode ?? null,
    advisor: advisor ?? null,
  };
}
