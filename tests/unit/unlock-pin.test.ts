// Which PIN ends customer mode: on a tablet not connected to a store the device PIN (as
// before sync existed); on a connected one only the PIN of the advisor signed in now.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSignIn, setAdvisorPin, signOut } from '../../src/db/advisor-repo.ts';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { getDevice } from '../../src/db/job-repo.ts';
import { writeMeta } from '../../src/db/meta-repo.ts';
import { setPin } from '../../src/db/pin-repo.ts';
import { readTabletSession } from '../../src/db/tablet-session.ts';
import { handOverNeedsPin, setUnlockPin, verifyUnlockPin } from '../../src/features/signing/unlock-pin.ts';

let db: WalkaroundDb;
beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const zhang = { id: '01930000-0000-7000-8000-000000000001', username: 'zhang', name: '张顾问', role: 'advisor' as const };
const li = { id: '01930000-0000-7000-8000-000000000002', username: 'li', name: '李顾问', role: 'advisor' as const };

async function enroll() {
  const device = await getDevice(db);
  await writeMeta(db, {
    ...device,
    storeCode: 'T1',
    deviceCode: 'B',
    enrollment: { deviceToken: 't', deviceId: '01930000-0000-7000-8000-0000000000d1', deviceName: '平板 1', storeId: '01930000-0000-7000-8000-0000000000s1', storeName: 'Test store', enrolledAt: '2026-11-27T08:00:00+08:00' },
  });
}

describe('the tablet session', () => {
  it('is empty on a fresh tablet, and names the store, letter and advisor once connected and signed in', async () => {
    expect(await readTabletSession(db)).toEqual({ enrollment: null, storeCode: null, deviceCode: null, advisor: null });
    await enroll();
    await recordSignIn(db, zhang);
    const session = await readTabletSession(db);
    expect({ store: session.enrollment?.storeName, storeCode: session.storeCode, letter: session.deviceCode, advisor: session.advisor?.name }).toEqual({
      store: 'Test store',
      storeCode: 'T1',
      letter: 'B',
      advisor: '张顾问',
    });
  });
});

describe('the customer-mode PIN', () => {
  it('is the device PIN on a tablet not connected to a store', async () => {
    expect(await handOverNeedsPin(db)).toBe(true);
    await setUnlockPin(db, '2580');
    expect(await handOverNeedsPin(db)).toBe(false);
    expect(await verifyUnlockPin(db, '2580')).toBe(true);
    expect(await verifyUnlockPin(db, '2581')).toBe(false);
  });

  it('is the signed-in advisor’s own PIN on a connected tablet, and no device PIN opens it', async () => {
    await setPin(db, '1357'); // set before the tablet was connected
    await enroll();
    await recordSignIn(db, li);
    await setAdvisorPin(db, li.id, '9630');
    await recordSignIn(db, zhang);
    expect(await handOverNeedsPin(db)).toBe(true); // zhang has no PIN on this tablet yet
    await setUnlockPin(db, '2580');
    expect(await handOverNeedsPin(db)).toBe(false);

    expect(await verifyUnlockPin(db, '2580')).toBe(true);
    expect(await verifyUnlockPin(db, '1357')).toBe(false); // the old device PIN
    expect(await verifyUnlockPin(db, '9630')).toBe(false); // another advisor's PIN

    await signOut(db);
    expect(await verifyUnlockPin(db, '2580')).toBe(false);
    await expect(setUnlockPin(db, '4826')).rejects.toThrow('No advisor is signed in');
  });
});
