// Which PIN ends customer mode. On a tablet connected to a store it is the PIN of the advisor
// working on it (set at sign-in); on one that is not, the device PIN set at the first hand-over.
import { setAdvisorPin, verifyCurrentAdvisorPin } from '../../db/advisor-repo.ts';
import type { WalkaroundDb } from '../../db/database.ts';
import { hasPin, setPin, verifyPin } from '../../db/pin-repo.ts';
import { readTabletSession } from '../../db/tablet-session.ts';

export async function verifyUnlockPin(db: WalkaroundDb, pin: string): Promise<boolean> {
  const { enrollment } = await readTabletSession(db);
  return enrollment ? verifyCurrentAdvisorPin(db, pin) : verifyPin(db, pin);
}

/**
 * True when the hand-over must first ask for a device PIN: only on a tablet not connected to
 * a store that has none yet. A connected tablet opens only for an advisor with a PIN.
 */
export async function handOverNeedsPin(db: WalkaroundDb): Promise<boolean> {
  const { enrollment, advisor } = await readTabletSession(db);
  if (enrollment) return !advisor?.pin;
  return !(await hasPin(db));
}

/** Sets the PIN that will end customer mode: the current advisor's, or the device's. */
export async function setUnlockPin(db: WalkaroundDb, pin: string): Promise<void> {
  const { enrollment, advisor } = await readTabletSession(db);
  if (enrollment && advisor) await setAdvisorPin(db, advisor.id, pin);
  else if (enrollment) throw new Error('No advisor is signed in on this tablet');
  else await setPin(db, pin);
}
