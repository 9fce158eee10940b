// Problems found on the tablet itself stop sync with their own reason, never dressed up as
// the server's refusal: a change whose photo bytes are gone from the tablet (the card says
// so, the change and those after it stay), and an outbox that starts past what the server
// acknowledged. Real server, real engine on fake-indexeddb; the sync bar's text for each.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, updateCard } from '../../src/db/job-repo.ts';
import { MESSAGES } from '../../src/ui/messages.ts';
import { syncProblemMessage } from '../../src/ui/sync/failure-text.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { addFakePhoto, createTablet } from '../support/tablet.ts';

let server: TestServer;
let store: TestStore;

beforeAll(async () => {
  server = await startTestServer('sync-local-stops');
  store = await seedTestStore(server.data.storage, 'LS');
});

afterAll(() => server.close());

/** The sync bar's line in zh-CN, placeholders filled. */
function barText(status: Parameters<typeof syncProblemMessage>[0]): string {
  const message = syncProblemMessage(status, true);
  if (!message) return '';
  return Object.entries(message.params ?? {}).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), MESSAGES['zh-CN'][message.key] ?? message.key);
}

describe('sync stops for a problem on this tablet', () => {
  it('files a change whose photo is missing here under attention and keeps it and the later ones', async () => {
    const tablet = await createTablet('LS-A', { baseUrl: server.baseUrl }, store.enrollmentCode);
    const job = await createJob(tablet.db, { customer: { name: '郑女士' } });
    await addFakePhoto(tablet.db, job.id, 71);
    await updateCard(tablet.db, job.id, { odometerKm: 12_000 });
    const photo = (await tablet.db.jobs.get(job.id))!.photos;
    const sha256 = Object.values(photo)[0]!.sha256;
    // Storage lost the bytes (the app never deletes them; an evicted store could).
    await tablet.db.blobs.delete(sha256);

    expect(await tablet.engine.syncNow()).toMatchObject({ complete: false, outboxLeft: 3, needsAttention: 1 });
    const { problem } = tablet.engine.status.get();
    expect(problem).toMatchObject({ kind: 'local', reason: 'blobMissing', params: { blob: sha256.slice(0, 8) } });
    expect(barText(tablet.engine.status.get())).toContain(sha256.slice(0, 8));
    expect(barText(tablet.engine.status.get())).not.toMatch(/服务器拒绝/);
    const [attention] = await tablet.db.attention.toArray();
    expect(attention).toMatchObject({ jobId: job.id, reason: 'blob_missing', mutation: { op: 'photo.add' } });
    // Blobs go before their batch is pushed: the whole batch waits, nothing dropped.
    expect((await tablet.db.outbox.toArray()).map((m) => m.op)).toEqual(['job.create', 'photo.add', 'job.update']);
    expect(await server.data.storage.getJob(store.storeId, job.id)).toBeUndefined();
    // No retry loop: a person has to act.
    expect(tablet.engine.status.get().retryAt).toBeNull();
  });

  it('stops with its own message when the outbox starts past what the server acknowledged', async () => {
    const tablet = await createTablet('LS-B', { baseUrl: server.baseUrl }, store.enrollmentCode);
    const job = await createJob(tablet.db, { customer: { name: '冯先生' } });
    await updateCard(tablet.db, job.id, { odometerKm: 500 });
    await tablet.db.outbox.delete(1);

    expect(await tablet.engine.syncNow()).toMatchObject({ complete: false, outboxLeft: 1 });
    expect(tablet.engine.status.get().problem).toMatchObject({ kind: 'local', reason: 'seqGap', params: { serverSeq: 0, nextSeq: 2 } });
    expect(barText(tablet.engine.status.get())).toBe(
      '服务器只收到本平板第 0 条及以前的更改，而本机下一条是第 2 条，同步已停止。更改都保存在本机：请联系技术支持，不要重置平板。',
    );

    // Both sides: a tablet whose outbox is whole syncs without a problem.
    const whole = await createTablet('LS-C', { baseUrl: server.baseUrl }, store.enrollmentCode);
    const other = await createJob(whole.db, { customer: { name: '陈先生' } });
    await addFakePhoto(whole.db, other.id, 72);
    expect(await whole.engine.syncNow()).toMatchObject({ complete: true, outboxLeft: 0, needsAttention: 0 });
    expect(whole.engine.status.get().problem).toBeNull();
  });
});
