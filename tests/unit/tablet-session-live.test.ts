// The app shell reads the tablet's session (enrollment, current advisor) in a live query; the
// lock screen leaves PIN setup only when that query hears the PIN was set. Dexie keeps a live
// query's reads observed across native `await`s only so far: a repo function one async layer
// too deep once made the advisor's row unobserved, and the lock screen waited for ever.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSignIn, setAdvisorPin } from '../../src/db/advisor-repo.ts';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { getDevice } from '../../src/db/job-repo.ts';
import { readTabletSession, type TabletSession } from '../../src/db/tablet-session.ts';

let db: WalkaroundDb;
beforeEach(() => {
  db = openDatabase(`session-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const zhang = { id: '01930000-0000-7000-8000-000000000001', username: 'zhang', name: '张顾问', role: 'advisor' as const };

/** Resolves with the first value the live query emits that passes `until`. */
function waitFor(until: (session: TabletSession) => boolean): Promise<TabletSession> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the live query never saw the change')), 3000);
    const subscription = liveQuery(() => readTabletSession(db)).subscribe({
      next: (session) => {
        if (!until(session)) return;
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve(session);
      },
      error: reject,
    });
  });
}

describe('the tablet session as a live query', () => {
  it('hears the signed-in advisor set a PIN, and not before', async () => {
    await getDevice(db);
    await recordSignIn(db, zhang);
    const before = await waitFor((s) => s.advisor?.id === zhang.id);
    expect(before.advisor?.pin).toBeUndefined();

    const withPin = waitFor((s) => s.advisor?.pin !== undefined);
    await setAdvisorPin(db, zhang.id, '2580');
    expect((await withPin).advisor?.pin?.iterations).toBeGreaterThan(0);
  });
});
