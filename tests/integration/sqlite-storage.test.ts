// The SQLite storage on a real database file: schema migrations, push exactly once per seq,
// pull by cursor, store scoping, enrollment and revocation, catalogue and vehicle history.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardPatch, Job } from '../../src/shared/job.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../src/shared/mutation.ts';
import { MIGRATIONS } from '../../src/server/storage/migrations.ts';
import { openSqliteStorage } from '../../src/server/storage/sqlite-storage.ts';
import type { DeviceRecord, MutationCheck, Storage } from '../../src/server/storage/storage.ts';

const NOW = '2026-11-27T09:00:00.000+08:00';
const NEXT_MONTH = '2026-12-27T09:00:00.000+08:00';
const allow: MutationCheck = () => null;

let dir: string;
let file: string;
let storage: Storage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'walkaround-storage-'));
  file = join(dir, 'walkaround.sqlite');
  storage = openSqliteStorage(file);
});

afterEach(() => {
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

let codeCounter = 0;
/** A fresh enrollment code (the route checks its shape; storage takes it as given). */
function newCode(storeId: string, uses = 5, expiresAt = NEXT_MONTH): string {
  codeCounter += 1;
  const code = `CODE${codeCounter}`;
  storage.createEnrollmentCode(storeId, { code, expiresAt, uses });
  return code;
}

function enroll(code: string, clientId: string = uuidv7(), now = NOW, secretHash: string | null = null): DeviceRecord | undefined {
  const outcome = storage.enrollDevice({ code, clientId, name: 'Front desk', tokenHash: `token-${uuidv7()}`, secretHash, now });
  return 'device' in outcome ? outcome.device : undefined;
}

/** A store with one enrolled tablet, and a builder of that tablet's outbox entries. */
function storeWithTablet(code: string) {
  const store = storage.createStore({ code, name: `Store ${code}` });
  const device = enroll(newCode(store.id));
  if (!device) throw new Error('enrollment failed');
  let seq = 0;
  const mutation = (jobId: string, body: MutationBody, createdAt = NOW): Mutation =>
    mutationSchema.parse({ ...body, mutationId: uuidv7(), clientId: device.clientId, seq: (seq += 1), jobId, createdAt });
  const create = (jobId: string, card: CardPatch = {}, createdAt = NOW) =>
    mutation(jobId, { op: 'job.create', payload: { number: `${code}-20261127-A001`, card } }, createdAt);
  const update = (jobId: string, card: CardPatch) => mutation(jobId, { op: 'job.update', payload: { card } });
  return { store, device, mutation, create, update };
}

function mutationCount(): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM mutations').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('bring a fresh file to the latest version, and a reopen keeps the data without rerunning them', () => {
    const store = storage.createStore({ code: 'SH01', name: 'Shanghai' });
    storage.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    storage = openSqliteStorage(file);
    expect(storage.findStoreByCode('SH01')).toEqual(store);
  });

  it('refuse a database written by a newer server', () => {
    storage.close();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStorage(file)).toThrow(/update the server/);
    storage = openSqliteStorage(':memory:');
  });
});

describe('push', () => {
  it('applies a batch in seq order and records lastSeq with it', () => {
    const a = storeWithTablet('SH01');
    const jobId = uuidv7();
    const outcome = storage.push(
      a.device,
      [a.create(jobId, { odometerKm: 100 }), a.update(jobId, { odometerKm: 200 }), a.update(jobId, { customerRequest: '保养' })],
      allow,
      NOW,
    );
    expect(outcome).toEqual({ lastSeq: 3, rejected: [], missingBlobs: [], applied: 3 });
    expect(storage.getJob(a.store.id, jobId)?.card).toMatchObject({ odometerKm: 200, customerRequest: '保养' });
    expect(storage.pull(a.device, 0, 10).lastSeq).toBe(3);
  });

  it('applies nothing twice when a push is retried', () => {
    const a = storeWithTablet('SH01');
    const jobId = uuidv7();
    const batch = [a.create(jobId), a.update(jobId, { odometerKm: 200 })];
    storage.push(a.device, batch, allow, NOW);
    const job = storage.getJob(a.store.id, jobId);
    const { cursor } = storage.pull(a.device, 0, 10);
    const count = mutationCount();

    expect(storage.push(a.device, batch, allow, NOW)).toEqual({ lastSeq: 2, rejected: [], missingBlobs: [], applied: 0 });
    expect(storage.getJob(a.store.id, jobId)).toEqual(job);
    expect(mutationCount()).toBe(count);
    expect(storage.pull(a.device, cursor, 10).jobs).toEqual([]);
  });

  it('never takes an acknowledged seq for a different mutation: the push stops there, nothing applied', () => {
    const a = storeWithTablet('SH01');
    const jobId = uuidv7();
    const [create, update] = [a.create(jobId), a.update(jobId, { odometerKm: 200 })];
    storage.push(a.device, [create!, update!], allow, NOW);
    const count = mutationCount();
    // Seq 2 again, but another change (another writer under this identity): not a retry.
    const impostor = { ...a.update(jobId, { odometerKm: 999 }), seq: 2 };
    const next = { ...a.update(jobId, { customerRequest: '洗车' }), seq: 3 };
    expect(storage.push(a.device, [create!, impostor, next], allow, NOW)).toEqual({
      lastSeq: 2,
      rejected: [],
      missingBlobs: [],
      applied: 0,
      seqConflict: { seq: 2, mutationId: impostor.mutationId },
    });
    expect(storage.getJob(a.store.id, jobId)?.card).toMatchObject({ odometerKm: 200, customerRequest: '' });
    expect(mutationCount()).toBe(count);
    // The real retry of seq 2 is still a duplicate, not a conflict; a late retry of seq 1
    // alone never moves lastSeq back.
    expect(storage.push(a.device, [update!], allow, NOW)).toEqual({ lastSeq: 2, rejected: [], missingBlobs: [], applied: 0 });
    expect(storage.push(a.device, [create!], allow, NOW)).toMatchObject({ lastSeq: 2, applied: 0 });
    expect(storage.pull(a.device, 0, 10).lastSeq).toBe(2);
  });

  it('stops at a gap, and goes on once the missing seq arrives', () => {
    const a = storeWithTablet('SH01');
    const jobId = uuidv7();
    const [first, second, third] = [a.create(jobId), a.update(jobId, { odometerKm: 1 }), a.update(jobId, { odometerKm: 2 })];
    expect(storage.push(a.device, [first!, third!], allow, NOW)).toMatchObject({ lastSeq: 1, applied: 1 });
    expect(storage.push(a.device, [second!, third!], allow, NOW)).toMatchObject({ lastSeq: 3, applied: 2 });
    expect(storage.getJob(a.store.id, jobId)?.card.odometerKm).toBe(2);
  });

  it('acknowledges a refused mutation and reports it again to a retried push', () => {
    const a = storeWithTablet('SH01');
    const jobId = uuidv7();
    const batch = [a.create(jobId), a.update(jobId, { odometerKm: 5 }), a.update(jobId, { customerRequest: '洗车' })];
    const refuseSecond: MutationCheck = (_job, m) => (m.seq === 2 ? 'content_mismatch' : null);
    const refused = [{ mutationId: batch[1]!.mutationId, seq: 2, reason: 'content_mismatch' }];

    expect(storage.push(a.device, batch, refuseSecond, NOW)).toEqual({ lastSeq: 3, rejected: refused, missingBlobs: [], applied: 2 });
    expect(storage.getJob(a.store.id, jobId)?.card).toMatchObject({ odometerKm: null, customerRequest: '洗车' });
    // The first reply was lost: the tablet sends the same batch and must still hear of seq 2.
    expect(storage.push(a.device, batch, allow, NOW)).toEqual({ lastSeq: 3, rejected: refused, missingBlobs: [], applied: 0 });
    expect(storage.push(a.device, [a.update(jobId, { odometerKm: 7 })], allow, NOW).rejected).toEqual([]);
  });

  it('stops before a mutation whose blobs are missing, without acknowledging it', () => {
    const a = storeWithTablet('SH01');
    const jobId = uuidv7();
    const batch = [a.create(jobId), a.update(jobId, { odometerKm: 5 })];
    const sha = 'ab'.repeat(32);
    const blobsMissing: MutationCheck = (_job, m) => (m.seq === 2 ? { missingBlobs: [sha] } : null);

    expect(storage.push(a.device, batch, blobsMissing, NOW)).toEqual({ lastSeq: 1, rejected: [], missingBlobs: [sha], applied: 1 });
    expect(mutationCount()).toBe(1);
    expect(storage.push(a.device, batch, allow, NOW)).toMatchObject({ lastSeq: 2, missingBlobs: [], applied: 1 });
  });

  it('refuses an update of a job nobody created', () => {
    const a = storeWithTablet('SH01');
    const update = a.update(uuidv7(), { odometerKm: 5 });
    expect(storage.push(a.device, [update], allow, NOW)).toMatchObject({
      lastSeq: 1,
      applied: 0,
      rejected: [{ mutationId: update.mutationId, seq: 1, reason: 'unknown_job' }],
    });
  });

  it('treats a known mutationId under a new seq as handled, not as an error', () => {
    const a = storeWithTablet('SH01');
    const jobId = uuidv7();
    const create = a.create(jobId);
    storage.push(a.device, [create], allow, NOW);
    const resent = { ...a.update(jobId, { odometerKm: 9 }), mutationId: create.mutationId };
    expect(storage.push(a.device, [resent], allow, NOW)).toMatchObject({ lastSeq: 2, applied: 0, rejected: [] });
    expect(storage.getJob(a.store.id, jobId)?.card.odometerKm).toBeNull();
  });

  it("never lets a tablet create or change another store's job, nor learn it exists", () => {
    const a = storeWithTablet('SH01');
    const b = storeWithTablet('BJ01');
    const jobId = uuidv7();
    storage.push(a.device, [a.create(jobId, { customer: { name: '张三' } })], allow, NOW);
    const before = storage.getJob(a.store.id, jobId);
    const seen: (Job | undefined)[] = [];
    const spy: MutationCheck = (job) => (seen.push(job), null);

    const outcome = storage.push(b.device, [b.create(jobId, { customer: { name: '李四' } }), b.update(jobId, { odometerKm: 1 })], spy, NOW);

    expect(seen).toEqual([undefined, undefined]);
    expect(outcome).toMatchObject({ lastSeq: 2, applied: 0 });
    expect(outcome.rejected.map((r) => r.reason)).toEqual(['unknown_job', 'unknown_job']);
    expect(storage.getJob(a.store.id, jobId)).toEqual(before);
    expect(storage.getJob(b.store.id, jobId)).toBeUndefined();
    expect(storage.pull(b.device, 0, 10).jobs).toEqual([]);
  });

  it('throws on a mutation of another client, applying none of the batch', () => {
    const a = storeWithTablet('SH01');
    const b = storeWithTablet('BJ01');
    expect(() => storage.push(a.device, [a.create(uuidv7()), b.create(uuidv7())], allow, NOW)).toThrow(/not from client/);
    expect(mutationCount()).toBe(0);
  });
});

describe('pull', () => {
  it("pages through the store's changes by cursor, never another store's", () => {
    const a = storeWithTablet('SH01');
    const b = storeWithTablet('BJ01');
    const ids = Array.from({ length: 5 }, () => uuidv7());
    storage.push(a.device, ids.map((id) => a.create(id)), allow, NOW);
    storage.push(b.device, [b.create(uuidv7()), b.create(uuidv7())], allow, NOW);

    const pages = [];
    let cursor = 0;
    for (let more = true; more; ) {
      const page = storage.pull(a.device, cursor, 2);
      pages.push(page.jobs.map((job) => job.id));
      expect(page.cursor).toBeGreaterThan(cursor);
      ({ cursor, more } = page);
    }
    expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    expect(storage.pull(a.device, cursor, 2)).toEqual({ jobs: [], cursor, more: false, lastSeq: 5 });

    // A changed job comes again, after the cursor the tablet holds.
    storage.push(a.device, [a.update(ids[0]!, { odometerKm: 3 })], allow, NOW);
    const again = storage.pull(a.device, cursor, 2);
    expect(again.jobs.map((job) => [job.id, job.card.odometerKm])).toEqual([[ids[0], 3]]);
    expect(again.lastSeq).toBe(6);
  });
});

describe('jobsForVehicle', () => {
  it('finds earlier visits by plate or VIN in this store only, newest first', () => {
    const a = storeWithTablet('SH01');
    const b = storeWithTablet('BJ01');
    const vehicle = { plate: '沪A12345', vin: '1M8GDM9AXKP042788' };
    const [older, newer, byVin, other] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    storage.push(
      a.device,
      [
        a.create(older, { vehicle: { plate: vehicle.plate } }, '2026-10-01T09:00:00+08:00'),
        // Earlier wall-clock text, later instant: ordering is by time, not by the string.
        a.create(newer, { vehicle: { plate: vehicle.plate } }, '2026-11-01T02:00:00Z'),
        a.create(byVin, { vehicle: { vin: vehicle.vin } }, '2026-09-01T09:00:00+08:00'),
        a.create(uuidv7(), { vehicle: { plate: '沪B99999' } }),
      ],
      allow,
      NOW,
    );
    storage.push(b.device, [b.create(other, { vehicle })], allow, NOW);

    const ids = (key: { plate?: string; vin?: string }, limit = 10) => storage.jobsForVehicle(a.store.id, key, limit).map((job) => job.id);
    expect(ids({ plate: vehicle.plate })).toEqual([newer, older]);
    expect(ids({ vin: vehicle.vin })).toEqual([byVin]);
    expect(ids(vehicle)).toEqual([newer, older, byVin]);
    expect(ids(vehicle, 1)).toEqual([newer]);
    expect(ids({ plate: '', vin: '' })).toEqual([]);
  });
});

describe('enrollment and tokens', () => {
  it('gives each new tablet of a store the next letter', () => {
    const store = storage.createStore({ code: 'SH01', name: 'Shanghai' });
    const code = newCode(store.id, 3);
    expect([enroll(code), enroll(code), enroll(code)].map((device) => device?.code)).toEqual(['A', 'B', 'C']);
    expect(storage.listDevices(store.id).map((device) => device.code)).toEqual(['A', 'B', 'C']);
  });

  it('refuses an unknown, expired or used-up code', () => {
    const store = storage.createStore({ code: 'SH01', name: 'Shanghai' });
    expect(enroll('NOSUCH22')).toBeUndefined();
    expect(enroll(newCode(store.id, 5, '2026-11-27T00:59:59Z'))).toBeUndefined();
    const once = newCode(store.id, 1);
    expect(enroll(once)).toBeDefined();
    expect(enroll(once)).toBeUndefined();
  });

  it('keeps the letter of a tablet enrolled again with its secret, and retires its old token', () => {
    const store = storage.createStore({ code: 'SH01', name: 'Shanghai' });
    const code = newCode(store.id);
    const clientId = uuidv7();
    storage.enrollDevice({ code, clientId, name: 'Tablet', tokenHash: 'first', secretHash: 'secret-a', now: NOW });
    enroll(code);
    const again = storage.enrollDevice({ code, clientId, name: 'Renamed', tokenHash: 'second', secretHash: 'secret-a', now: NOW });
    expect(again).toMatchObject({ device: { code: 'A', name: 'Renamed', clientId, revokedAt: null } });
    expect(storage.findDeviceByTokenHash('second')?.id).toBe('device' in again ? again.device.id : 'none');
    expect(storage.findDeviceByTokenHash('first')).toBeUndefined();
    expect(storage.isRevokedTokenHash('first')).toBe(true);
  });

  it('re-enrolls an enrolled clientId only with its secret or an approval, spending nothing when refused', () => {
    const store = storage.createStore({ code: 'SH01', name: 'Shanghai' });
    const code = newCode(store.id, 3);
    const clientId = uuidv7();
    const first = storage.enrollDevice({ code, clientId, name: 'Tablet', tokenHash: 'mine', secretHash: 'secret-a', now: NOW });
    if (!('device' in first)) throw new Error('not enrolled');
    // Someone who read the clientId (it travels in signatures): wrong secret, no secret.
    for (const secretHash of ['secret-b', null]) {
      expect(storage.enrollDevice({ code, clientId, name: 'Thief', tokenHash: `thief-${secretHash}`, secretHash, now: NOW })).toEqual({ refused: 'proof' });
    }
    expect(storage.findDeviceByTokenHash('mine')?.name).toBe('Tablet');
    expect(storage.isRevokedTokenHash('mine')).toBe(false);
    // Nothing was spent: two uses are left for the real tablet and one more.
    expect(enroll(code, clientId, NOW, 'secret-a')).toMatchObject({ id: first.device.id, code: 'A' });
    expect(enroll(code)).toBeDefined();
    expect(enroll(code)).toBeUndefined();

    // A tablet enrolled before secrets (none on record) comes back only with an approval.
    const legacyCode = newCode(store.id, 5);
    const legacy = enroll(legacyCode);
    if (!legacy) throw new Error('not enrolled');
    expect(enroll(legacyCode, legacy.clientId, NOW, 'new-secret')).toBeUndefined();
    expect(storage.allowReenrollment(store.id, legacy.id, '2026-11-27T12:00:00.000Z')).toBe(true);
    expect(enroll(legacyCode, legacy.clientId, '2026-11-27T12:00:00.000Z', 'new-secret')).toBeUndefined(); // expired
    expect(enroll(legacyCode, legacy.clientId, NOW, 'new-secret')).toMatchObject({ id: legacy.id });
    // The approval is used up; the secret it brought is the proof from now on.
    expect(enroll(legacyCode, legacy.clientId, NOW, null)).toBeUndefined();
    expect(enroll(legacyCode, legacy.clientId, NOW, 'new-secret')).toMatchObject({ id: legacy.id });
    // An approval is scoped to its store.
    const other = storage.createStore({ code: 'BJ01', name: 'Beijing' });
    expect(storage.allowReenrollment(other.id, legacy.id, '2099-01-01T00:00:00.000Z')).toBe(false);
  });

  it('refuses to move a tablet to another store', () => {
    const a = storeWithTablet('SH01');
    const other = storage.createStore({ code: 'BJ01', name: 'Beijing' });
    expect(enroll(newCode(other.id), a.device.clientId)).toBeUndefined();
    expect(storage.listDevices(other.id)).toEqual([]);
  });

  it('revokes a token: not found any more, known as revoked, letter kept for good', () => {
    const a = storeWithTablet('SH01');
    const other = storeWithTablet('BJ01');
    const tokenHash = 'revoke-me';
    const code = newCode(a.store.id);
    const enrolled = storage.enrollDevice({ code, clientId: uuidv7(), name: 'Bay 2', tokenHash, secretHash: 'bay-2', now: NOW });
    const device = 'device' in enrolled ? enrolled.device : undefined;
    expect(storage.findDeviceByTokenHash(tokenHash)?.lastSeenAt).not.toBeNull();

    expect(storage.revokeDevice(other.store.id, device!.id, NOW)).toBe(false);
    expect(storage.revokeDevice(a.store.id, device!.id, NOW)).toBe(true);
    expect(storage.findDeviceByTokenHash(tokenHash)).toBeUndefined();
    expect(storage.isRevokedTokenHash(tokenHash)).toBe(true);
    expect(storage.isRevokedTokenHash('never-issued')).toBe(false);
    expect(enroll(code)?.code).toBe('C');

    const back = storage.enrollDevice({ code, clientId: device!.clientId, name: 'Bay 2', tokenHash: 'new', secretHash: 'bay-2', now: NOW });
    expect(back).toMatchObject({ device: { id: device!.id, code: 'B', revokedAt: null } });
  });
});

describe('advisors, sign-ins, blobs and catalogue', () => {
  it('keeps advisors per store and remembers who signed in on which tablet', () => {
    const a = storeWithTablet('SH01');
    const other = storage.createStore({ code: 'BJ01', name: 'Beijing' });
    const advisor = storage.createAdvisor(a.store.id, { username: 'wang', name: '王', role: 'advisor', passwordHash: 'h1' });
    storage.createAdvisor(other.id, { username: 'wang', name: '王', role: 'admin', passwordHash: 'h2' });

    expect(storage.listAdvisors(a.store.id)).toEqual([advisor]);
    expect(storage.setAdvisorPassword(other.id, advisor.id, 'stolen')).toBe(false);
    expect(storage.setAdvisorPassword(a.store.id, advisor.id, 'h3')).toBe(true);
    expect(storage.findAdvisorByUsername(a.store.id, 'wang')).toEqual({ ...advisor, storeId: a.store.id, passwordHash: 'h3', disabledAt: null });

    expect(storage.hasSignedInOn(a.device.id, advisor.id)).toBe(false);
    storage.recordSignIn(a.device.id, advisor.id, NOW);
    storage.recordSignIn(a.device.id, advisor.id, NEXT_MONTH);
    expect(storage.hasSignedInOn(a.device.id, advisor.id)).toBe(true);
  });

  it('links a blob to the store that uploaded it only', () => {
    const a = storage.createStore({ code: 'SH01', name: 'Shanghai' });
    const b = storage.createStore({ code: 'BJ01', name: 'Beijing' });
    const sha = 'cd'.repeat(32);
    storage.linkBlob(a.id, sha, 1234, NOW);
    storage.linkBlob(a.id, sha, 1234, NOW);
    expect([storage.storeHasBlob(a.id, sha), storage.storeHasBlob(b.id, sha)]).toEqual([true, false]);
  });

  it('bumps the catalogue version on every replace and sends it only when newer', () => {
    const store = storage.createStore({ code: 'SH01', name: 'Shanghai' });
    const item = { code: 'L001', kind: 'labour', name: '更换机油', initials: 'ghjy', unit: '工时', unitPriceFen: 8000 } as const;
    expect(storage.catalogueSince(store.id, 0)).toBeNull();
    expect(storage.replaceCatalogue(store.id, [item])).toBe(1);
    expect(storage.catalogueSince(store.id, 0)).toEqual({ version: 1, items: [item] });
    expect(storage.catalogueSince(store.id, 1)).toBeNull();
    expect(storage.replaceCatalogue(store.id, [])).toBe(2);
    expect(storage.catalogueSince(store.id, 1)).toEqual({ version: 2, items: [] });
  });
});
