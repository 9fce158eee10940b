// The rules every sync-records adapter keeps (src/server/sync-rules/sync-records.ts), run through
// the push and pull rules the server uses, in the manner of tldraw's storage contract suite.
// Each adapter's test file calls defineSyncRecordsContract with a fixture of its own; a rule
// is numbered so a failure names the promise that broke.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullPage } from '../../src/server/sync-rules/pull-rules.ts';
import { pushMutations, type MutationCheck, type PushOutcome, type Pusher } from '../../src/server/sync-rules/push-rules.ts';
import { mutationCheck } from '../../src/server/sync-rules/check-mutation.ts';
import type { SyncRecords } from '../../src/server/sync-rules/sync-records.ts';
import type { CardPatch, Job } from '../../src/shared/job.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../src/shared/mutation.ts';

export type SyncRecordsFixture = {
  records: SyncRecords;
  /** A new tablet enrolled in the store with this code (the store is made on first use). */
  addTablet(storeCode: string): Promise<Pusher>;
  /** Records that the store uploaded this blob. */
  linkBlob(storeId: string, sha256: string): Promise<void>;
  /** How many mutations are logged, counted beside the records under test. */
  loggedCount(): Promise<number>;
  close(): Promise<void>;
};

const NOW = '2026-11-27T09:00:00.000+08:00';
const allow: MutationCheck = async () => null;

/** A tablet and a builder of its outbox entries, numbered as the tablet numbers them. */
export async function tabletIn(fixture: SyncRecordsFixture, storeCode: string) {
  const device = await fixture.addTablet(storeCode);
  let seq = 0;
  const mutation = (jobId: string, body: MutationBody): Mutation =>
    mutationSchema.parse({ ...body, mutationId: uuidv7(), clientId: device.clientId, seq: (seq += 1), jobId, createdAt: NOW });
  const create = (jobId: string, card: CardPatch = {}) =>
    mutation(jobId, { op: 'job.create', payload: { number: `${storeCode}-20261127-A001`, card } });
  const update = (jobId: string, card: CardPatch) => mutation(jobId, { op: 'job.update', payload: { card } });
  return { device, mutation, create, update };
}

/** One push in a write unit of its own; throws what the unit threw. */
export async function pushAlone(records: SyncRecords, device: Pusher, mutations: Mutation[], check = allow): Promise<PushOutcome> {
  const [result] = await records.writeEach([{ storeId: device.storeId, work: (tx) => pushMutations(tx, device, mutations, check, NOW) }]);
  if (!result || 'error' in result) throw result?.error;
  return result.value;
}

/** The store's copy of a job, read through pull's own query. */
async function jobOf(records: SyncRecords, storeId: string, jobId: string): Promise<Job | undefined> {
  const rows = await records.read((tx) => tx.changedSince(storeId, 0, 10_000));
  return rows.find((row) => row.job.id === jobId)?.job;
}

export function defineSyncRecordsContract(adapter: string, open: () => Promise<SyncRecordsFixture>): void {
  describe(`sync records contract: ${adapter}`, () => {
    let fixture: SyncRecordsFixture;
    let records: SyncRecords;
    beforeEach(async () => {
      fixture = await open();
      records = fixture.records;
    });
    afterEach(() => fixture.close());

    it('1. a push applies its batch in seq order and records lastSeq with it', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const jobId = uuidv7();
      const batch = [a.create(jobId, { odometerKm: 100 }), a.update(jobId, { odometerKm: 200 }), a.update(jobId, { customerRequest: '保养' })];
      expect(await pushAlone(records, a.device, batch)).toEqual({ lastSeq: 3, rejected: [], missingBlobs: [], applied: 3 });
      expect((await jobOf(records, a.device.storeId, jobId))?.card).toMatchObject({ odometerKm: 200, customerRequest: '保养' });
      expect((await pullPage(records, a.device, 0, 10)).lastSeq).toBe(3);
    });

    it('2. a retried push applies nothing twice and makes no new change to pull', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const jobId = uuidv7();
      const batch = [a.create(jobId), a.update(jobId, { odometerKm: 200 })];
      await pushAlone(records, a.device, batch);
      const job = await jobOf(records, a.device.storeId, jobId);
      const { cursor } = await pullPage(records, a.device, 0, 10);
      const count = await fixture.loggedCount();

      expect(await pushAlone(records, a.device, batch)).toEqual({ lastSeq: 2, rejected: [], missingBlobs: [], applied: 0 });
      expect(await jobOf(records, a.device.storeId, jobId)).toEqual(job);
      expect(await fixture.loggedCount()).toBe(count);
      expect((await pullPage(records, a.device, cursor, 10)).jobs).toEqual([]);
    });

    it('3. an acknowledged seq is never taken for a different mutation: the push stops there', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const jobId = uuidv7();
      const [create, update] = [a.create(jobId), a.update(jobId, { odometerKm: 200 })];
      await pushAlone(records, a.device, [create, update]);
      const count = await fixture.loggedCount();
      // Seq 2 again, but another change (another writer under this identity): not a retry.
      const impostor = { ...a.update(jobId, { odometerKm: 999 }), seq: 2 };
      const next = { ...a.update(jobId, { customerRequest: '洗车' }), seq: 3 };
      expect(await pushAlone(records, a.device, [create, impostor, next])).toEqual({
        lastSeq: 2,
        rejected: [],
        missingBlobs: [],
        applied: 0,
        seqConflict: { seq: 2, mutationId: impostor.mutationId },
      });
      expect((await jobOf(records, a.device.storeId, jobId))?.card).toMatchObject({ odometerKm: 200, customerRequest: '' });
      expect(await fixture.loggedCount()).toBe(count);
      // A logged mutation sent under the seq of another (seq 2 holds the update, not the create)
      // is no retry either: that the id is known must not pass for the seq holding it.
      const create2 = { ...create, seq: 2 };
      expect(await pushAlone(records, a.device, [create2])).toMatchObject({ lastSeq: 2, applied: 0, seqConflict: { seq: 2, mutationId: create.mutationId } });
      // The real retry of seq 2 is a duplicate, not a conflict; a late retry of seq 1 alone
      // never moves lastSeq back.
      expect(await pushAlone(records, a.device, [update])).toEqual({ lastSeq: 2, rejected: [], missingBlobs: [], applied: 0 });
      expect(await pushAlone(records, a.device, [create])).toMatchObject({ lastSeq: 2, applied: 0 });
      expect((await pullPage(records, a.device, 0, 10)).lastSeq).toBe(2);
    });

    it('4. a gap stops the batch, which goes on once the missing seq arrives', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const jobId = uuidv7();
      const [first, second, third] = [a.create(jobId), a.update(jobId, { odometerKm: 1 }), a.update(jobId, { odometerKm: 2 })];
      expect(await pushAlone(records, a.device, [first, third])).toMatchObject({ lastSeq: 1, applied: 1 });
      expect(await pushAlone(records, a.device, [second, third])).toMatchObject({ lastSeq: 3, applied: 2 });
      expect((await jobOf(records, a.device.storeId, jobId))?.card.odometerKm).toBe(2);
    });

    it('5. a refused mutation is logged and acknowledged, and a retried push hears of it again', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const jobId = uuidv7();
      const batch = [a.create(jobId), a.update(jobId, { odometerKm: 5 }), a.update(jobId, { customerRequest: '洗车' })];
      const refuseSecond: MutationCheck = async (_job, m) => (m.seq === 2 ? 'content_mismatch' : null);
      const refused = [{ mutationId: batch[1]!.mutationId, seq: 2, reason: 'content_mismatch' }];

      expect(await pushAlone(records, a.device, batch, refuseSecond)).toEqual({ lastSeq: 3, rejected: refused, missingBlobs: [], applied: 2 });
      expect((await jobOf(records, a.device.storeId, jobId))?.card).toMatchObject({ odometerKm: null, customerRequest: '洗车' });
      expect(await fixture.loggedCount()).toBe(3);
      expect(await pushAlone(records, a.device, batch)).toEqual({ lastSeq: 3, rejected: refused, missingBlobs: [], applied: 0 });
      expect((await pushAlone(records, a.device, [a.update(jobId, { odometerKm: 7 })])).rejected).toEqual([]);
    });

    it("6. a mutation whose blobs this store lacks stops the push unacknowledged; another store's copy does not count", async () => {
      const a = await tabletIn(fixture, 'SH01');
      const b = await tabletIn(fixture, 'BJ01');
      const jobId = uuidv7();
      const [sha, thumb] = ['ab'.repeat(32), 'cd'.repeat(32)];
      const create = a.create(jobId);
      const photo = a.mutation(jobId, {
        op: 'photo.add',
        payload: {
          ...{ id: uuidv7(), sha256: sha, thumbSha256: thumb, mime: 'image/jpeg', width: 1, height: 1, byteLength: 3 },
          ...{ damageId: null, slot: null, annotatedFromId: null, takenAt: NOW },
        },
      });
      const batch = [create, photo];
      await fixture.linkBlob(b.device.storeId, sha);
      await fixture.linkBlob(a.device.storeId, thumb);
      expect(await pushAlone(records, a.device, batch, mutationCheck)).toEqual({ lastSeq: 1, rejected: [], missingBlobs: [sha], applied: 1 });
      expect(await fixture.loggedCount()).toBe(1);
      await fixture.linkBlob(a.device.storeId, sha);
      expect(await pushAlone(records, a.device, batch, mutationCheck)).toMatchObject({ lastSeq: 2, missingBlobs: [], applied: 1 });
    });

    it('7. an update of a job nobody created is refused as unknown', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const update = a.update(uuidv7(), { odometerKm: 5 });
      expect(await pushAlone(records, a.device, [update], mutationCheck)).toMatchObject({
        lastSeq: 1,
        applied: 0,
        rejected: [{ mutationId: update.mutationId, seq: 1, reason: 'unknown_job' }],
      });
    });

    it('8. a logged mutation id under a new seq is acknowledged, not applied again', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const jobId = uuidv7();
      const create = a.create(jobId);
      await pushAlone(records, a.device, [create]);
      const resent = { ...a.update(jobId, { odometerKm: 9 }), mutationId: create.mutationId };
      expect(await pushAlone(records, a.device, [resent])).toMatchObject({ lastSeq: 2, applied: 0, rejected: [] });
      expect((await jobOf(records, a.device.storeId, jobId))?.card.odometerKm).toBeNull();
    });

    it("9. a tablet can neither create nor change another store's job, nor learn it exists", async () => {
      const a = await tabletIn(fixture, 'SH01');
      const b = await tabletIn(fixture, 'BJ01');
      const jobId = uuidv7();
      await pushAlone(records, a.device, [a.create(jobId, { customer: { name: '张三' } })]);
      const before = await jobOf(records, a.device.storeId, jobId);
      const seen: Array<Job | undefined> = [];
      const spy: MutationCheck = async (job) => (seen.push(job), null);

      const outcome = await pushAlone(records, b.device, [b.create(jobId, { customer: { name: '李四' } }), b.update(jobId, { odometerKm: 1 })], spy);

      expect(seen).toEqual([undefined, undefined]);
      expect(outcome).toMatchObject({ lastSeq: 2, applied: 0 });
      expect(outcome.rejected.map((r) => r.reason)).toEqual(['unknown_job', 'unknown_job']);
      expect(await jobOf(records, a.device.storeId, jobId)).toEqual(before);
      expect(await jobOf(records, b.device.storeId, jobId)).toBeUndefined();
      expect((await pullPage(records, b.device, 0, 10)).jobs).toEqual([]);
    });

    it('10. a unit that throws is undone whole and alone; the units beside it commit', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const b = await tabletIn(fixture, 'SH01');
      const fromA = a.create(uuidv7());
      const fromB = b.create(uuidv7());
      const results = await records.writeEach([
        { storeId: a.device.storeId, work: (tx) => pushMutations(tx, a.device, [fromA], allow, NOW) },
        // B's change is written whole (log, card, lastSeq), then its unit throws: all of it is undone.
        {
          storeId: b.device.storeId,
          work: async (tx) => {
            await pushMutations(tx, b.device, [fromB], allow, NOW);
            throw new Error('the unit failed after writing');
          },
        },
        { storeId: a.device.storeId, work: (tx) => pushMutations(tx, a.device, [], allow, NOW) },
      ]);
      expect(results.map((r) => ('error' in r ? 'error' : 'value'))).toEqual(['value', 'error', 'value']);
      expect(String((results[1] as { error: unknown }).error)).toMatch(/failed after writing/);
      expect(await fixture.loggedCount()).toBe(1);
      expect((await pullPage(records, b.device, 0, 10)).lastSeq).toBe(0);
      expect((await pullPage(records, a.device, 0, 10)).jobs.map((job) => job.id)).toEqual([fromA.jobId]);
      // B's tablet pushes its change again, alone, and it is taken.
      expect(await pushAlone(records, b.device, [fromB])).toMatchObject({ lastSeq: 1, applied: 1 });
    });

    it("11. pull pages through the store's changes by cursor, never another store's, and a changed job comes again", async () => {
      const a = await tabletIn(fixture, 'SH01');
      const b = await tabletIn(fixture, 'BJ01');
      const ids = Array.from({ length: 5 }, () => uuidv7());
      await pushAlone(records, a.device, ids.map((id) => a.create(id)));
      await pushAlone(records, b.device, [b.create(uuidv7()), b.create(uuidv7())]);

      const pages = [];
      let cursor = 0;
      for (let more = true; more; ) {
        const page = await pullPage(records, a.device, cursor, 2);
        pages.push(page.jobs.map((job) => job.id));
        expect(page.cursor).toBeGreaterThan(cursor);
        ({ cursor, more } = page);
      }
      expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
      expect(await pullPage(records, a.device, cursor, 2)).toEqual({ jobs: [], cursor, more: false, lastSeq: 5 });

      await pushAlone(records, a.device, [a.update(ids[0]!, { odometerKm: 3 })]);
      const again = await pullPage(records, a.device, cursor, 2);
      expect(again.jobs.map((job) => [job.id, job.card.odometerKm])).toEqual([[ids[0], 3]]);
      expect(again.lastSeq).toBe(6);
    });

    it('12. change numbers of a store only grow, across units and across groups of units', async () => {
      const a = await tabletIn(fixture, 'SH01');
      const b = await tabletIn(fixture, 'SH01');
      const seen: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        const [fromA, fromB] = [a.create(uuidv7()), b.create(uuidv7())];
        await records.writeEach([
          { storeId: a.device.storeId, work: (tx) => pushMutations(tx, a.device, [fromA], allow, NOW) },
          { storeId: b.device.storeId, work: (tx) => pushMutations(tx, b.device, [fromB], allow, NOW) },
        ]);
        const rows = await records.read((tx) => tx.changedSince(a.device.storeId, seen.at(-1) ?? 0, 100));
        expect(rows.map((row) => row.job.id)).toEqual([fromA.jobId, fromB.jobId]);
        seen.push(...rows.map((row) => row.changeSeq));
      }
      expect(seen).toEqual([...seen].sort((x, y) => x - y));
      expect(new Set(seen).size).toBe(6);
    });
  });
}
