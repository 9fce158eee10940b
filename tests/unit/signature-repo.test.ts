// Signatures on fake-indexeddb: the PNG and stroke blobs, the signature on its job and the
// outbox entry are one transaction; the contentHash is that of the job as stored; a refused
// or interrupted signature leaves nothing behind.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { WalkaroundDb } from '../../src/db/database.ts';
import { addLine, updateLine } from '../../src/db/estimate-repo.ts';
import { getDevice } from '../../src/db/job-repo.ts';
import { SignatureRefused, SignedContentChanged, addSignature, signatureBlobs, type SignatureInput } from '../../src/db/signature-repo.ts';
import { canonicalJson } from '../../src/shared/canonical-json.ts';
import type { Job } from '../../src/shared/job.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import type { Stroke } from '../../src/shared/signature.ts';
import { contentHash, signatureStatus } from '../../src/shared/signed-content.ts';
import { snapshotDb, useJobDb } from '../support/job-db.ts';

const T0 = new Date('2026-11-27T09:00:00+08:00');
const T1 = new Date('2026-11-27T09:30:00+08:00');
const T2 = new Date('2026-11-27T09:40:00+08:00');
const PAD = { width: 800, height: 300 };

let db: WalkaroundDb;
let job: Job;
let lineId: string;

useJobDb(T0, { customer: { name: '张伟', phone: '13812345678' }, vehicle: { plate: '粤B12345', model: '凯美瑞' }, odometerKm: 42_000 }, async (fresh) => {
  ({ db, job } = fresh);
  lineId = await addLine(
    db,
    job.id,
    { kind: 'labour', code: 'L-01', description: '更换机油工时', quantityMilli: 1500, unitPriceFen: 12_000, discountBp: 0 },
    T0,
  );
});

/** Two wavy strokes across a third of the pad: plenty of ink, points and height. */
function signatureStrokes(): Stroke[] {
  return [0, 1].map((row) =>
    Array.from({ length: 60 }, (_, i) => ({ x: 150 + i * 4 + row * 20, y: 110 + row * 50 + 25 * Math.sin(i / 4), t: i * 16 })),
  );
}

/** Bytes with a PNG signature in front, as the pad's export starts. */
function png(seed = 1): ArrayBuffer {
  const bytes = new Uint8Array(600);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (seed * 31 + i * 7) % 251;
  return bytes.buffer;
}

const input = (over: Partial<SignatureInput> = {}): SignatureInput => ({
  kind: 'estimate',
  signerName: '张伟',
  strokes: signatureStrokes(),
  png: png(),
  pad: PAD,
  ...over,
});

async function stored(id = job.id): Promise<Job> {
  const row = await db.jobs.get(id);
  if (!row) throw new Error(`no job ${id}`);
  return row;
}

const snapshot = () => snapshotDb(db);

describe('addSignature', () => {
  it('writes the PNG and stroke blobs, the signature on the job and one outbox entry', async () => {
    const given = input({ signerName: '  张伟 ' });
    const pngBytes = new Uint8Array(given.png.slice(0));
    const signature = await addSignature(db, job.id, given, T1);

    const strokesText = canonicalJson(given.strokes);
    expect(signature).toEqual({
      id: expect.any(String),
      kind: 'estimate',
      signerName: '张伟',
      signedAt: '2026-11-27T09:30:00.000+08:00',
      deviceId: (await getDevice(db)).clientId,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      pngSha256: await sha256Hex(pngBytes),
      strokesSha256: await sha256Hex(new TextEncoder().encode(strokesText)),
    });
    expect((await stored()).signatures).toEqual({ [signature.id]: signature });

    const blobs = await db.blobs.toArray();
    expect(blobs.map((b) => [b.sha256, b.mime, b.byteLength]).sort()).toEqual(
      [
        [signature.pngSha256, 'image/png', 600],
        [signature.strokesSha256, 'application/json', new TextEncoder().encode(strokesText).byteLength],
      ].sort(),
    );
    for (const blob of blobs) {
      expect(blob.bytes).toBeInstanceOf(ArrayBuffer);
      expect(await sha256Hex(blob.bytes)).toBe(blob.sha256);
    }

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((m) => m.op)).toEqual(['job.create', 'line.add', 'signature.add']);
    expect(outbox[2]?.payload).toEqual(signature);
  });

  it('hashes the job exactly as stored, so the signature is valid on it', async () => {
    const signature = await addSignature(db, job.id, input(), T1);
    const saved = await stored();
    expect(signature.contentHash).toBe(await contentHash(saved, 'estimate'));
    expect(await signatureStatus(saved, signature)).toBe('valid');
  });

  it('goes stale when a signed line changes, and the old signature stays', async () => {
    const signature = await addSignature(db, job.id, input(), T1);
    await updateLine(db, job.id, lineId, { unitPriceFen: 15_000 }, T2);
    const saved = await stored();
    expect(await signatureStatus(saved, signature)).toBe('stale');
    expect(saved.signatures[signature.id]).toEqual(signature);

    const again = await addSignature(db, job.id, input(), T2);
    expect(await signatureStatus(await stored(), again)).toBe('valid');
    expect(Object.keys((await stored()).signatures)).toHaveLength(2);
  });

  it('keeps one blob row per hash when the same image and strokes are signed twice', async () => {
    const first = await addSignature(db, job.id, input({ kind: 'checkin' }), T1);
    const second = await addSignature(db, job.id, input(), T2);
    expect([first.pngSha256, first.strokesSha256]).toEqual([second.pngSha256, second.strokesSha256]);
    expect(await db.blobs.count()).toBe(2);
    expect(Object.keys((await stored()).signatures).sort()).toEqual([first.id, second.id].sort());
  });

  it.each<[string, Partial<SignatureInput>, string]>([
    ['an empty pad', { strokes: [] }, 'empty'],
    ['a dot', { strokes: [[{ x: 400, y: 150, t: 0 }]] }, 'tooShort'],
    ['a straight line', { strokes: [Array.from({ length: 100 }, (_, i) => ({ x: 80 + i * 6, y: 150, t: i * 16 }))] }, 'tooShort'],
    ['a blank name', { signerName: ' \u3000 ' }, 'noSignerName'],
    ['an empty name', { signerName: '' }, 'noSignerName'],
    ['a JPEG instead of a PNG', { png: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0]).buffer }, 'notPng'],
    ['no image bytes', { png: new ArrayBuffer(0) }, 'notPng'],
  ])('refuses %s with SignatureRefused(%s) and writes nothing', async (_label, over, code) => {
    const before = await snapshot();
    const error = await addSignature(db, job.id, input(over), T1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignatureRefused);
    expect((error as SignatureRefused).code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a job that is not on this device and writes nothing', async () => {
    const before = await snapshot();
    await expect(addSignature(db, '0192f3a0-0000-7000-8000-00000000dead', input(), T1)).rejects.toThrow(/does not exist/);
    expect(await snapshot()).toEqual(before);
  });

  it('aborts, writing nothing, when what is signed changed between the hash and the save', async () => {
    const before = await snapshot();
    // Another write lands between the two reads: the second read sees a different price.
    let reads = 0;
    const changed = (row: Job) => (++reads === 2 ? { ...row, estimate: { ...row.estimate, lines: {} } } : row);
    db.jobs.hook('reading', changed);
    const error = await addSignature(db, job.id, input(), T1).catch((e: unknown) => e);
    db.jobs.hook('reading').unsubscribe(changed);

    expect(reads).toBe(2);
    expect(error).toBeInstanceOf(SignedContentChanged);
    expect(await snapshot()).toEqual(before);
  });

  it('saves when only something not signed changed in between', async () => {
    let reads = 0;
    const recoloured = (row: Job) => (++reads === 2 ? { ...row, card: { ...row.card, vehicle: { ...row.card.vehicle, color: '黑' } } } : row);
    db.jobs.hook('reading', recoloured);
    const signature = await addSignature(db, job.id, input(), T1);
    db.jobs.hook('reading').unsubscribe(recoloured);
    expect(await signatureStatus(await stored(), signature)).toBe('valid');
  });

  it('leaves nothing when storing the strokes fails after the PNG was written', async () => {
    const before = await snapshot();
    const strokesSha256 = await sha256Hex(new TextEncoder().encode(canonicalJson(signatureStrokes())));
    const refuse = (key: unknown) => {
      if (key === strokesSha256) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.blobs.hook('creating', refuse);
    const error = await addSignature(db, job.id, input(), T1).catch((e: unknown) => e);
    db.blobs.hook('creating').unsubscribe(refuse);

    expect(error).toBeInstanceOf(Error);
    expect(await snapshot()).toEqual(before);
  });
});

describe('signatureBlobs', () => {
  it('reads back the PNG row and the strokes as signed', async () => {
    const given = input();
    const signature = await addSignature(db, job.id, given, T1);
    const { png: row, strokes } = await signatureBlobs(db, signature);
    expect(row?.mime).toBe('image/png');
    expect(new Uint8Array(row?.bytes ?? new ArrayBuffer(0))).toEqual(new Uint8Array(given.png));
    expect(strokes).toEqual(given.strokes);
  });

  it('gives neither when the blobs are not on this device', async () => {
    const signature = await addSignature(db, job.id, input(), T1);
    await db.blobs.clear();
    expect(await signatureBlobs(db, signature)).toEqual({});
  });
});
