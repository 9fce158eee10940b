// The checks a push passes before the server applies a mutation, through the real route on
// the real server (DESIGN.md "Sync protocol" 3): a mutation whose photo or signature bytes
// this store never uploaded is not applied and its seq not acknowledged; the answer names
// the missing blobs, and the same push applies once they are PUT. Bytes that only another
// store uploaded are missing for this one.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardPatch } from '../../src/shared/job.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../src/shared/mutation.ts';
import type { PullResponse, PushResponse } from '../../src/shared/protocol.ts';
import { signedBytes } from '../../src/shared/signed-content.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { fakeJpeg, fakePng } from '../support/tablet.ts';
import { apiHeaders, enrollDevice, startTestServer, type EnrolledDevice, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let p1: TestStore;
let p2: TestStore;

beforeAll(async () => {
  server = await startTestServer('push-checks');
  p1 = await seedTestStore(server.data.storage, 'P1');
  p2 = await seedTestStore(server.data.storage, 'P2');
});

afterAll(() => server.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const jpeg = (seed: number, size = 2000) => new Uint8Array(fakeJpeg(seed, size));

/** A tablet of its own per test, so seqs start at 1 and no test sees another's state. */
class Tablet {
  private seq = 0;
  constructor(readonly device: EnrolledDevice) {}

  static async enroll(store: TestStore, name: string): Promise<Tablet> {
    return new Tablet(await enrollDevice(server, store.enrollmentCode, name));
  }

  /** The next mutation of this tablet, checked against the shared schema. */
  next(jobId: string, body: MutationBody, advisorId?: string): Mutation {
    this.seq += 1;
    return mutationSchema.parse({
      ...body,
      mutationId: uuidv7(),
      clientId: this.device.clientId,
      seq: this.seq,
      jobId,
      createdAt: new Date().toISOString(),
      ...(advisorId ? { advisorId } : {}),
    });
  }

  create(jobId: string, card: CardPatch = {}): Mutation {
    return this.next(jobId, { op: 'job.create', payload: { number: `P1-20261127-A${String(this.seq + 1).padStart(3, '0')}`, card } });
  }

  async push(mutations: Mutation[]): Promise<PushResponse> {
    const reply = await server.send({
      method: 'POST',
      path: '/api/v1/push',
      headers: { ...apiHeaders(this.device.token), 'content-type': 'application/json' },
      body: JSON.stringify({ mutations }),
    });
    expect(reply.status, reply.text).toBe(200);
    return JSON.parse(reply.text) as PushResponse;
  }

  async put(bytes: Uint8Array, type: string): Promise<number> {
    const reply = await server.send({
      method: 'PUT',
      path: `/api/v1/blobs/${sha256(bytes)}`,
      headers: { ...apiHeaders(this.device.token), 'content-type': type },
      body: bytes,
    });
    return reply.status;
  }

  /** The lastSeq the server reports to this tablet on a pull, as the tablet reads it. */
  async lastSeq(): Promise<number> {
    const reply = await server.send({ method: 'GET', path: '/api/v1/pull?cursor=0&limit=1', headers: apiHeaders(this.device.token) });
    expect(reply.status, reply.text).toBe(200);
    return (JSON.parse(reply.text) as PullResponse).lastSeq;
  }
}

const photoAdd = (id: string, photo: Uint8Array, thumb: Uint8Array): MutationBody => ({
  op: 'photo.add',
  payload: {
    id,
    sha256: sha256(photo),
    thumbSha256: sha256(thumb),
    mime: 'image/jpeg',
    width: 1600,
    height: 1200,
    byteLength: photo.byteLength,
    damageId: null,
    slot: 'frontLeft',
    annotatedFromId: null,
    takenAt: new Date().toISOString(),
  },
});

describe('a push whose mutation refers to blobs this store lacks', () => {
  it('names the missing photo, applies nothing from it on, and applies the same push after the PUT', async () => {
    const tablet = await Tablet.enroll(p1, 'missing photo');
    const jobId = uuidv7();
    expect(await tablet.push([tablet.create(jobId, { customer: { name: '吴静' } })])).toMatchObject({ lastSeq: 1, missingBlobs: [] });

    const photo = jpeg(101);
    const thumb = jpeg(102, 300);
    // The thumbnail is on the server, the photo is not: only the photo is missing.
    expect(await tablet.put(thumb, 'image/jpeg')).toBe(201);
    const photoId = uuidv7();
    const batch = [tablet.next(jobId, photoAdd(photoId, photo, thumb)), tablet.next(jobId, { op: 'job.update', payload: { card: { odometerKm: 12_345 } } })];

    const refused = await tablet.push(batch);
    expect(refused).toEqual({ lastSeq: 1, rejected: [], missingBlobs: [sha256(photo)] });
    expect(await tablet.lastSeq()).toBe(1);
    const stored = await server.data.storage.getJob(p1.storeId, jobId);
    expect(stored?.photos).toEqual({});
    // The push stopped at the photo: the update behind it waits too, so seq order holds.
    expect(stored?.card.odometerKm).toBeNull();
    expect((await server.data.storage.jobHistory(p1.storeId, jobId)).map((h) => h.op)).toEqual(['job.create']);

    expect(await tablet.put(photo, 'image/jpeg')).toBe(201);
    expect(await tablet.push(batch)).toEqual({ lastSeq: 3, rejected: [], missingBlobs: [] });
    expect(await tablet.lastSeq()).toBe(3);
    const after = await server.data.storage.getJob(p1.storeId, jobId);
    expect(after?.photos[photoId]).toMatchObject({ sha256: sha256(photo), thumbSha256: sha256(thumb), deletedAt: null });
    expect(after?.card.odometerKm).toBe(12_345);
  });

  it('names both signature blobs when neither was uploaded, and applies the signature once they are', async () => {
    const tablet = await Tablet.enroll(p1, 'missing signature');
    const jobId = uuidv7();
    expect(await tablet.push([tablet.create(jobId, { customer: { name: '郑华' } })])).toMatchObject({ lastSeq: 1 });
    const job = await server.data.storage.getJob(p1.storeId, jobId);
    if (!job) throw new Error('the job did not reach the server');

    const png = new Uint8Array(fakePng(201));
    const strokes = new TextEncoder().encode(JSON.stringify([[{ x: 1, y: 2, t: 0 }, { x: 90, y: 40, t: 16 }]]));
    const signatureId = uuidv7();
    const signature = tablet.next(jobId, {
      op: 'signature.add',
      payload: {
        id: signatureId,
        kind: 'checkin',
        signerName: '郑华',
        signedAt: new Date().toISOString(),
        deviceId: tablet.device.clientId,
        contentHash: sha256(signedBytes(job, 'checkin')),
        pngSha256: sha256(png),
        strokesSha256: sha256(strokes),
      },
    });

    const refused = await tablet.push([signature]);
    expect(refused.lastSeq).toBe(1);
    expect(refused.rejected).toEqual([]);
    expect([...refused.missingBlobs].sort()).toEqual([sha256(png), sha256(strokes)].sort());
    expect((await server.data.storage.getJob(p1.storeId, jobId))?.signatures).toEqual({});
    expect(await tablet.lastSeq()).toBe(1);

    expect(await tablet.put(png, 'image/png')).toBe(201);
    expect(await tablet.put(strokes, 'application/json')).toBe(201);
    expect(await tablet.push([signature])).toEqual({ lastSeq: 2, rejected: [], missingBlobs: [] });
    expect((await server.data.storage.getJob(p1.storeId, jobId))?.signatures[signatureId]).toMatchObject({ pngSha256: sha256(png), strokesSha256: sha256(strokes) });
  });

  it('counts bytes that only another store uploaded as missing for this store', async () => {
    const own = await Tablet.enroll(p1, 'P1 tablet');
    const other = await Tablet.enroll(p2, 'P2 tablet');
    const photo = jpeg(301);
    const thumb = jpeg(302, 300);
    expect(await other.put(photo, 'image/jpeg')).toBe(201);
    expect(await other.put(thumb, 'image/jpeg')).toBe(201);
    // The bytes are on the server's disk, only not for P1.
    expect(await server.data.blobs.has(sha256(photo))).toBe(true);

    const jobId = uuidv7();
    const photoId = uuidv7();
    const batch = [own.create(jobId), own.next(jobId, photoAdd(photoId, photo, thumb))];
    const refused = await own.push(batch);
    expect(refused.lastSeq).toBe(1);
    expect([...refused.missingBlobs].sort()).toEqual([sha256(photo), sha256(thumb)].sort());
    expect((await server.data.storage.getJob(p1.storeId, jobId))?.photos).toEqual({});
    expect(await own.lastSeq()).toBe(1);

    // P1 uploading the same bytes makes them P1's too; the same push now applies.
    expect(await own.put(photo, 'image/jpeg')).toBe(201);
    expect(await own.put(thumb, 'image/jpeg')).toBe(201);
    expect(await own.push(batch)).toEqual({ lastSeq: 2, rejected: [], missingBlobs: [] });
    expect((await server.data.storage.getJob(p1.storeId, jobId))?.photos[photoId]).toMatchObject({ sha256: sha256(photo) });
  });
});
