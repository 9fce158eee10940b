// The store's advisors on this tablet: who may unlock it offline, with the PIN each set here
// after signing in online once, and who is working on it now (their changes carry their id).
// Wrong PINs are slowed down like the device PIN: five wrong, then a pause.
import type { Job } from '../shared/job.ts';
import type { Advisor } from '../shared/protocol.ts';
import type { AdvisorRow, WalkaroundDb } from './database.ts';
import { currentAdvisorId, setCurrentAdvisor } from './meta-repo.ts';
import { hashPin, pinMatches } from './pin-repo.ts';

/** After a successful online sign-in: the advisor is known here and is the one working now. */
export async function recordSignIn(db: WalkaroundDb, advisor: Advisor, now = new Date()): Promise<void> {
  await db.transaction('rw', db.advisors, db.meta, async () => {
    const existing = await db.advisors.get(advisor.id);
    await db.advisors.put({ ...existing, ...advisor, signedInAt: now.toISOString() });
    await setCurrentAdvisor(db, advisor.id, now);
  });
}

/** The store's advisors as the server lists them, keeping the PINs advisors set on this tablet. */
export async function replaceAdvisorsFromServer(db: WalkaroundDb, advisors: readonly Advisor[]): Promise<void> {
  await db.transaction('rw', db.advisors, async () => {
    const local = new Map((await db.advisors.toArray()).map((a) => [a.id, a]));
    const listed = new Set(advisors.map((a) => a.id));
    const rows: AdvisorRow[] = advisors.map((a) => ({ ...local.get(a.id), ...a }));
    await db.advisors.bulkDelete([...local.keys()].filter((id) => !listed.has(id)));
    await db.advisors.bulkPut(rows);
  });
}

/** Sets the advisor's offline PIN (refused with PinRefused when malformed or guessable). */
export async function setAdvisorPin(db: WalkaroundDb, advisorId: string, pin: string): Promise<void> {
  const pinHash = await hashPin(pin);
  const updated = await db.advisors.update(advisorId, { pin: pinHash });
  if (updated === 0) throw new Error(`Advisor ${advisorId} has not signed in on this tablet`);
}

/** Advisors who can unlock this tablet offline: signed in here once and set a PIN. */
export async function unlockableAdvisors(db: WalkaroundDb): Promise<AdvisorRow[]> {
  return (await db.advisors.toArray()).filter((a) => a.pin).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** True (and the advisor becomes the current one) when the PIN is theirs. */
export async function unlockWithPin(db: WalkaroundDb, advisorId: string, pin: string, now = new Date()): Promise<boolean> {
  const advisor = await db.advisors.get(advisorId);
  if (!advisor?.pin || !(await pinMatches(advisor.pin, pin))) return false;
  await setCurrentAdvisor(db, advisorId, now);
  return true;
}

/** True when `pin` is the PIN of the advisor working on the tablet now (customer mode unlock). */
export async function verifyCurrentAdvisorPin(db: WalkaroundDb, pin: string): Promise<boolean> {
  const id = await currentAdvisorId(db);
  const advisor = id ? await db.advisors.get(id) : undefined;
  return advisor?.pin !== undefined && pinMatches(advisor.pin, pin);
}

export async function currentAdvisor(db: WalkaroundDb): Promise<AdvisorRow | undefined> {
  const id = await currentAdvisorId(db);
  return id ? db.advisors.get(id) : undefined;
}

/** The advisor hands the tablet on: the next one unlocks with their PIN. */
export async function signOut(db: WalkaroundDb): Promise<void> {
  await setCurrentAdvisor(db, null);
}

/** Every advisor this tablet knows, id → name: to say who checked or released something. */
export async function advisorNames(db: WalkaroundDb): Promise<Map<string, string>> {
  return new Map((await db.advisors.toArray()).map((a) => [a.id, a.name]));
}

/**
 * The advisor a customer's copy names: who checked the car in, by the card; the one signed in
 * here for a card that does not say (checked in before cards kept it, or on a tablet not yet
 * enrolled) or whose advisor this tablet does not know. Null when nobody is signed in either.
 */
export async function copyAdvisorName(db: WalkaroundDb, job: Pick<Job, 'checkedInBy'>): Promise<string | null> {
  const checkedInBy = job.checkedInBy ? await db.advisors.get(job.checkedInBy) : undefined;
  return checkedInBy?.name ?? (await currentAdvisor(db))?.name ?? null;
}
