// The card's life after check-in through the real server (loopback HTTP, real SQLite) with
// simulated tablets: the server recomputes the hash of a 追加项目 round's signature and of the
// 交车 signature from its own copy and refuses one given on other content, keeps a 交车
// signature that a later bill change made stale, and two tablets approving and handing over
// the same card end with the same card as the server.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAddition, recordPhoneApproval, updateAddition } from '../../src/db/addition-repo.ts';
import { withoutSearch } from '../../src/db/job-queries.ts';
import { commitMutation, createJob } from '../../src/db/job-repo.ts';
import { checkQualityItem, moveJob, updateHandover } from '../../src/db/work-repo.ts';
import { decidedAdditions } from '../../src/shared/additions.ts';
import type { Job } from '../../src/shared/job.ts';
import { QC_ITEMS } from '../../src/shared/quality-check.ts';
import { signatureStatus } from '../../src/shared/signed-content.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { createTablet, sign, signDecisions, type Tablet } from '../support/tablet.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let store: TestStore;
let tablets: Tablet[] = [];

beforeAll(async () => {
  server = await startTestServer('after-check-in-sync');
  store = await seedTestStore(server.data.storage, 'AC');
});

afterEach(async () => {
  for (const tablet of tablets) {
    await tablet.engine.stop();
    tablet.db.close();
    await Dexie.delete(tablet.db.name);
  }
  tablets = [];
});

afterAll(async () => {
  await server?.close();
});

const LINE = { kind: 'part', code: '', quantityMilli: 1000, discountBp: 0 } as const;

/** Tablets A and B with one checked-in card, two additional lines on it, both synced. */
async function twoTabletsWithCard(): Promise<{ a: Tablet; b: Tablet; jobId: string; line1: string; line2: string }> {
  const a = await createTablet('A', { baseUrl: server.baseUrl }, store.enrollmentCode);
  const b = await createTablet('B', { baseUrl: server.baseUrl }, store.enrollmentCode);
  tablets.push(a, b);
  const job = await createJob(a.db, { customer: { name: '周先生', phone: '13700001111' }, vehicle: { plate: '沪C55555' }, odometerKm: 8_000, covers: { seat: new Date().toISOString(), floorMat: new Date().toISOString() } });
  await commitMutation(a.db, job.id, { op: 'job.checkIn', payload: {} });
  const line1 = await addAddition(a.db, job.id, { ...LINE, description: '刹车片', unitPriceFen: 30_000, reason: '磨损到限' });
  const line2 = await addAddition(a.db, job.id, { ...LINE, description: '雨刮', unitPriceFen: 8_000, reason: '老化开裂' });
  await syncAll(a, b);
  return { a, b, jobId: job.id, line1, line2 };
}

async function syncAll(...order: Tablet[]): Promise<void> {
  for (const tablet of order) await tablet.engine.syncNow();
}

async function serverJob(jobId: string): Promise<Job> {
  const job = await server.data.storage.getJob(store.storeId, jobId);
  if (!job) throw new Error(`job ${jobId} is not on the server`);
  return job;
}

async function tabletJob(tablet: Tablet, jobId: string): Promise<Job> {
  const row = await tablet.db.jobs.get(jobId);
  if (!row) throw new Error(`job ${jobId} is not on ${tablet.name}`);
  return withoutSearch(row);
}

async function attention(tablet: Tablet): Promise<string[]> {
  return (await tablet.db.attention.toArray()).map((row) => row.reason);
}

/** Moves the card from 已接车 to 待交车 on `tablet`, 质检 passed on the way. */
async function toReady(tablet: Tablet, jobId: string): Promise<void> {
  await moveJob(tablet.db, jobId, 'checked-in', 'in-repair');
  await moveJob(tablet.db, jobId, 'in-repair', 'quality-check');
  for (const item of QC_ITEMS) await checkQualityItem(tablet.db, jobId, item, 'pass');
  await moveJob(tablet.db, jobId, 'quality-check', 'ready');
}

describe('the server checks the new signatures against its own copy', () => {
  it("refuses a 追加项目 signature given on a line price another tablet changed, and takes one on the server's content", async () => {
    const { a, b, jobId, line1 } = await twoTabletsWithCard();
    // B corrects the price first; A, not yet told, shows the old price and the customer signs.
    await updateAddition(b.db, jobId, line1, { unitPriceFen: 36_000 });
    await syncAll(b);
    const stale = await signDecisions(a.db, jobId, { [line1]: 'approved' }, 1);
    expect(await a.engine.syncNow()).toMatchObject({ outboxLeft: 0, needsAttention: 1 });
    expect(await attention(a)).toEqual(['content_mismatch']);
    const refused = await serverJob(jobId);
    expect(refused.signatures[stale.id]).toBeUndefined();
    expect(Object.values(refused.signatures).filter((s) => s.kind === 'additional')).toEqual([]);
    // Its decision round is kept in the history but decides nothing: no line approved unsigned,
    // on the server and on the tablet once it has the server's copy.
    expect(Object.keys(refused.approvals)).toHaveLength(1);
    expect(decidedAdditions(refused).map((line) => line.decision)).toEqual([null, null]);
    expect(decidedAdditions(await tabletJob(a, jobId)).map((line) => line.decision)).toEqual([null, null]);

    // Shown the new price, the customer signs again: the server's own hash matches.
    const fresh = await signDecisions(a.db, jobId, { [line1]: 'approved' }, 2);
    expect(await a.engine.syncNow()).toMatchObject({ outboxLeft: 0 });
    const accepted = await serverJob(jobId);
    expect(accepted.signatures[fresh.id]).toMatchObject({ kind: 'additional', subjectId: fresh.subjectId, contentHash: fresh.contentHash });
    expect(accepted.approvals[fresh.subjectId!]).toMatchObject({ decisions: { [line1]: 'approved' }, via: { kind: 'signature' } });
    expect(await signatureStatus(accepted, accepted.signatures[fresh.id]!)).toBe('valid');
    expect(await attention(a)).toEqual(['content_mismatch']);
  });

  it('refuses a 交车 signature given on a bill another tablet changed, takes one on the current bill, and keeps it (stale) after a later bill change without wedging sync', async () => {
    const { a, b, jobId } = await twoTabletsWithCard();
    await toReady(a, jobId);
    await syncAll(a, b);

    await updateHandover(b.db, jobId, { paidFen: 50_000, payment: 'cash' });
    await syncAll(b);
    const stale = await sign(a.db, jobId, 'delivery', 3);
    expect(await a.engine.syncNow()).toMatchObject({ outboxLeft: 0, needsAttention: 1 });
    expect(await attention(a)).toEqual(['content_mismatch']);
    expect((await serverJob(jobId)).signatures[stale]).toBeUndefined();

    const delivery = await sign(a.db, jobId, 'delivery', 4);
    await syncAll(a, b);
    const signed = await serverJob(jobId);
    expect(await signatureStatus(signed, signed.signatures[delivery]!)).toBe('valid');

    // B records the payment after the customer signed; A, not yet told, hands the car over.
    await updateHandover(b.db, jobId, { paidFen: 99_000, payment: 'wechat' });
    await syncAll(b);
    await moveJob(a.db, jobId, 'ready', 'delivered');
    await syncAll(a, b);

    const final = await serverJob(jobId);
    expect(final.status).toBe('delivered');
    expect(final.handover).toMatchObject({ paidFen: 99_000, payment: 'wechat' });
    expect(await signatureStatus(final, final.signatures[delivery]!)).toBe('stale');
    for (const tablet of [a, b]) {
      expect(await tablet.db.outbox.count(), tablet.name).toBe(0);
      expect(await tabletJob(tablet, jobId), tablet.name).toEqual(final);
    }
    expect(await attention(b)).toEqual([]);
  });
});

describe('two tablets approving and handing over the same card', () => {
  it('converge: both decision rounds, both covers, one status move, the same card everywhere', async () => {
    const { a, b, jobId, line1, line2 } = await twoTabletsWithCard();
    await moveJob(a.db, jobId, 'checked-in', 'in-repair');
    await syncAll(a, b);

    // Neither hears of the other's changes until the end.
    const signature = await signDecisions(a.db, jobId, { [line1]: 'approved' }, 5);
    const phoneRound = await recordPhoneApproval(b.db, jobId, { decisions: { [line2]: 'declined' }, promisedAt: null, calledAt: new Date().toISOString(), phone: '13700001111', agreedBy: '周先生' });
    const seatAt = new Date().toISOString();
    await updateHandover(a.db, jobId, { coversRemoved: { seat: seatAt } });
    const floorAt = new Date().toISOString();
    await updateHandover(b.db, jobId, { coversRemoved: { floorMat: floorAt } });
    await moveJob(a.db, jobId, 'in-repair', 'quality-check');
    await moveJob(b.db, jobId, 'in-repair', 'quality-check');
    await syncAll(b, a, b);

    const final = await serverJob(jobId);
    expect(final.status).toBe('quality-check');
    expect(final.moves.map((m) => `${m.from}→${m.to}`)).toEqual(['checked-in→in-repair', 'in-repair→quality-check']);
    expect(Object.keys(final.approvals).sort()).toEqual([signature.subjectId, phoneRound].sort());
    expect(decidedAdditions(final).map((line) => [line.id, line.decision])).toEqual(
      [
        [line1, 'approved'],
        [line2, 'declined'],
      ].sort(([x], [y]) => (x! < y! ? -1 : 1)),
    );
    expect(final.handover.coversRemoved).toEqual({ seat: seatAt, floorMat: floorAt });
    expect(await signatureStatus(final, final.signatures[signature.id]!)).toBe('valid');
    for (const tablet of [a, b]) {
      expect(await tablet.db.outbox.count(), tablet.name).toBe(0);
      expect(await attention(tablet), tablet.name).toEqual([]);
      expect(await tabletJob(tablet, jobId), tablet.name).toEqual(final);
    }
  });
});
