// How the sync engine behaves around the happy path, against the real server: a pull keeps
// this tablet's unsent changes on top of the server's copy (rebase); a signature given on
// content another tablet has changed meanwhile is refused by the server and kept for
// attention, never dropped silently; an unreachable server schedules a retry with backoff;
// a revoked tablet stops and says so; a change is attributed only to an advisor who signed
// in on the tablet that pushed it.
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { addLine } from '../../src/db/estimate-repo.ts';
import { createJob, getDevice, updateCard } from '../../src/db/job-repo.ts';
import { addAdvisor, requireStore } from '../../src/server/admin/store-admin.ts';
import type { DataDir } from '../../src/server/data-dir.ts';
import { signInAdvisor } from '../../src/sync/enrollment.ts';
import { pullAll } from '../../src/sync/receive.ts';
import { createSyncEngine } from '../../src/sync/sync-engine.ts';
import { useSeededServer } from '../support/seeded-server.ts';
import type { TestStore } from '../support/store-fixture.ts';
import { addFakePhoto, createTablet, sign } from '../support/tablet.ts';

let data: DataDir;
let baseUrl: string;
let store: TestStore;

useSeededServer('sync-engine', (started) => ({ data, baseUrl, store } = started));

const line = { kind: 'labour', code: 'L-01', description: '更换机油工时', quantityMilli: 1000, unitPriceFen: 12_000, discountBp: 0 } as const;

describe('sync engine', () => {
  it('rebases: a pull keeps the changes this tablet has not sent yet', async () => {
    const a = await createTablet('A', { baseUrl }, store.enrollmentCode);
    const b = await createTablet('B', { baseUrl }, store.enrollmentCode);
    const job = await createJob(a.db, { customer: { name: '张伟' }, odometerKm: 1000 });
    await a.engine.syncNow();
    await b.engine.syncNow();

    await updateCard(a.db, job.id, { customer: { name: '李娜' } });
    await a.engine.syncNow();
    await updateCard(b.db, job.id, { odometerKm: 1500 });
    // Pull only: B's change is still in its outbox and must survive the server's copy.
    await pullAll({ db: b.db, api: b.engine.api, status: b.engine.status, now: () => new Date() });
    const onB = await b.db.jobs.get(job.id);
    expect(onB?.card.customer.name).toBe('李娜');
    expect(onB?.card.odometerKm).toBe(1500);
    expect(await b.db.outbox.count()).toBe(1);

    await b.engine.syncNow();
    await a.engine.syncNow();
    expect((await a.db.jobs.get(job.id))?.card).toEqual(onB?.card);
    expect((await data.storage.getJob(store.storeId, job.id))?.card).toEqual(onB?.card);
  });

  it('keeps a signature on changed content for attention instead of dropping it', async () => {
    const a = await createTablet('A2', { baseUrl }, store.enrollmentCode);
    const b = await createTablet('B2', { baseUrl }, store.enrollmentCode);
    const job = await createJob(a.db, { customer: { name: '王芳' } });
    await addLine(a.db, job.id, line);
    await a.engine.syncNow();
    await b.engine.syncNow();

    // B has the customer sign the estimate while A adds a line and syncs first.
    const signatureId = await sign(b.db, job.id, 'estimate', 3);
    await addLine(a.db, job.id, { ...line, code: 'L-02' });
    await a.engine.syncNow();
    const result = await b.engine.syncNow();

    expect(result).toEqual({ complete: false, outboxLeft: 0, needsAttention: 1 });
    const [attention] = await b.db.attention.toArray();
    expect(attention).toMatchObject({ jobId: job.id, reason: 'content_mismatch', mutation: { op: 'signature.add', payload: { id: signatureId } } });
    // The tablet shows the server's copy: A's line, no signature the server does not have.
    const onB = await b.db.jobs.get(job.id);
    expect(Object.keys(onB?.estimate.lines ?? {})).toHaveLength(2);
    expect(onB?.signatures).toEqual({});
    expect((await data.storage.getJob(store.storeId, job.id))?.signatures).toEqual({});
    // The server keeps the refused signature in the job's history.
    expect((await data.storage.jobHistory(store.storeId, job.id)).filter((h) => h.status === 'rejected')).toEqual([
      expect.objectContaining({ op: 'signature.add', reason: 'content_mismatch' }),
    ]);
  });

  it('resumes photo downloads cut off by the network at the next sync', async () => {
    const a = await createTablet('A5', { baseUrl }, store.enrollmentCode);
    const job = await createJob(a.db, { customer: { name: '孙丽' } });
    await addFakePhoto(a.db, job.id, 51);
    await addFakePhoto(a.db, job.id, 52);
    await a.engine.syncNow();

    let blobReadsAllowed = 1;
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).includes('/api/v1/blobs/') && init?.method === 'GET' && blobReadsAllowed-- <= 0) throw new TypeError('network down');
      return fetch(input, init);
    };
    const b = await createTablet('B5', { baseUrl, fetch: flaky }, store.enrollmentCode);
    await b.engine.syncNow();
    expect(b.engine.status.get().problem?.kind).toBe('retry');
    expect(await b.db.blobs.count()).toBe(1);
    expect((await b.db.jobs.get(job.id))?.photos).toEqual((await a.db.jobs.get(job.id))?.photos);

    blobReadsAllowed = Infinity;
    expect(await b.engine.syncNow()).toMatchObject({ complete: true });
    expect(await b.db.blobs.count()).toBe(4);
    await b.engine.stop();
  });

  // A blob's link may reach the server's disk only with the next flushed write (storage.ts
  // linkBlob): a power cut after the upload's answer loses it, and the push must bring it back.
  it('sends the photos again when the server lost their links between the upload and the push', async () => {
    const sent: string[] = [];
    let forgetLinks = true;
    const linksLostOnce: typeof fetch = async (input, init) => {
      const url = String(input);
      if (init?.method === 'PUT' && url.includes('/api/v1/blobs/')) sent.push(url.split('/').pop()!);
      if (url.endsWith('/api/v1/push') && forgetLinks && sent.length > 0) {
        forgetLinks = false;
        const db = new Database(join(data.dir, 'walkaround.sqlite'));
        db.prepare('DELETE FROM store_blobs WHERE store_id = ?').run(store.storeId);
        db.close();
      }
      return fetch(input, init);
    };
    const a = await createTablet('A6', { baseUrl, fetch: linksLostOnce }, store.enrollmentCode);
    const job = await createJob(a.db, { customer: { name: '周杰' } });
    await addFakePhoto(a.db, job.id, 61);

    expect(await a.engine.syncNow()).toMatchObject({ complete: true, outboxLeft: 0 });
    expect(forgetLinks).toBe(false);
    // The photo and its thumbnail went twice: once before the push, once when it said they were missing.
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(2);
    const photo = Object.values((await data.storage.getJob(store.storeId, job.id))?.photos ?? {})[0];
    expect(photo && (await data.storage.storeHasBlob(store.storeId, photo.sha256))).toBe(true);
    await a.engine.stop();
  });

  it('lets a look-up through the engine use the device token before the first run', async () => {
    const a = await createTablet('A6', { baseUrl }, store.enrollmentCode);
    expect(await a.engine.api.visits({ plate: '粤Z00000' })).toEqual([]);
  });

  it('records who made a change only for an advisor who signed in on that tablet', async () => {
    const a = await createTablet('A3', { baseUrl }, store.enrollmentCode);
    await signInAdvisor(a.db, { username: store.advisor.username, password: store.advisor.password }, { baseUrl });
    const job = await createJob(a.db, { customer: { name: '赵磊' } });
    expect((await a.db.outbox.toArray())[0]?.advisorId).toBe(store.advisor.id);
    await a.engine.syncNow();
    expect(await data.storage.getJob(store.storeId, job.id)).toBeDefined();
    expect(await data.storage.jobHistory(store.storeId, job.id)).toEqual([
      expect.objectContaining({ op: 'job.create', advisorId: store.advisor.id, status: 'applied' }),
    ]);
  });

  it('stores no advisor for a change that names one who never signed in on the tablet that pushed it', async () => {
    const storeSummary = await requireStore(data.storage, store.code);
    const li = await addAdvisor(data.storage, storeSummary, { username: 'li', name: '李顾问', role: 'advisor' });
    // Wang is an advisor of this store who never signed in on any tablet.
    const wang = (await addAdvisor(data.storage, storeSummary, { username: 'wang', name: '王顾问', role: 'advisor' })).advisor;
    const a = await createTablet('A7', { baseUrl }, store.enrollmentCode);
    const b = await createTablet('B7', { baseUrl }, store.enrollmentCode);
    await signInAdvisor(a.db, { username: store.advisor.username, password: store.advisor.password }, { baseUrl });
    await signInAdvisor(b.db, { username: 'li', password: li.password }, { baseUrl });

    const job = await createJob(b.db, { customer: { name: '钱进' } });
    await updateCard(b.db, job.id, { odometerKm: 100 });
    await updateCard(b.db, job.id, { odometerKm: 200 });
    // A tampered or confused tablet B: its outbox claims changes for advisors who never signed in on it.
    const forged = new Map([[2, wang.id], [3, store.advisor.id]]);
    await b.db.outbox.toCollection().modify((row) => {
      row.advisorId = forged.get(row.seq) ?? row.advisorId;
    });
    expect((await b.db.outbox.orderBy('seq').toArray()).map((row) => row.advisorId)).toEqual([li.advisor.id, wang.id, store.advisor.id]);
    expect(await b.engine.syncNow()).toMatchObject({ complete: true });
    // Zhang, signed in on A, is recorded for A's own change.
    await a.engine.syncNow();
    await updateCard(a.db, job.id, { odometerKm: 300 });
    await a.engine.syncNow();

    const history = await data.storage.jobHistory(store.storeId, job.id);
    expect(history.map((h) => [h.op, h.status, h.advisorId])).toEqual([
      ['job.create', 'applied', li.advisor.id],
      ['job.update', 'applied', null],
      ['job.update', 'applied', null],
      ['job.update', 'applied', store.advisor.id],
    ]);
    expect((await data.storage.getJob(store.storeId, job.id))?.card.odometerKm).toBe(300);
  });

  it('stops only after the run in flight has settled, and a run failing after stop schedules no retry', async () => {
    const a = await createTablet('A7', { baseUrl }, store.enrollmentCode);
    await createJob(a.db, { customer: { name: '吴磊' } });
    // The push is held until the test lets it go, then fails as a lost network would.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let pushes = 0;
    const holding: typeof fetch = async (input, init) => {
      if (String(input).includes('/api/v1/push')) {
        pushes += 1;
        await held;
        throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    const engine = createSyncEngine({ db: a.db, api: { baseUrl, fetch: holding }, backoff: { baseMs: 1, capMs: 1 } });
    const run = engine.syncNow();
    await vi.waitFor(() => expect(pushes).toBe(1));

    let stopped = false;
    const stopping = engine.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await run).toMatchObject({ complete: false, outboxLeft: 1 });
    expect(engine.status.get()).toMatchObject({ problem: { kind: 'retry' }, retryAt: null });
    // Nothing runs behind the caller's back once stopped: the database can close safely.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pushes).toBe(1);
    a.db.close();
  });

  it('schedules a retry with backoff while the server is unreachable, and stops when revoked', async () => {
    const a = await createTablet('A4', { baseUrl }, store.enrollmentCode);
    await createJob(a.db, { customer: { name: '周杰' } });
    const offline = createSyncEngine({ db: a.db, api: { baseUrl: 'http://127.0.0.1:9' }, random: () => 0.5, backoff: { baseMs: 60_000, capMs: 600_000 } });
    const before = Date.now();
    expect(await offline.syncNow()).toMatchObject({ complete: false, outboxLeft: 1 });
    const status = offline.status.get();
    expect(status.problem?.kind).toBe('retry');
    expect(status.retryAt).toBeGreaterThanOrEqual(before + 30_000);
    expect(status.retryAt).toBeLessThanOrEqual(Date.now() + 30_000);
    await offline.stop();

    const device = await getDevice(a.db);
    await data.storage.revokeDevice(store.storeId, device.enrollment!.deviceId, new Date().toISOString());
    expect(await a.engine.syncNow()).toMatchObject({ complete: false, outboxLeft: 1 });
    expect(a.engine.status.get()).toMatchObject({ problem: { kind: 'revoked' }, retryAt: null });
    expect(await a.db.outbox.count()).toBe(1);
  });
});
