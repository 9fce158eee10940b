// The server with its photos in S3-compatible object storage (the S3_ variables, as a dealer
// group sets them), over real loopback HTTP against s3rver: uploads land in the bucket only
// under their checked hash, HEAD and GET answer from the bucket, another store still sees
// nothing, and /api/v1/health says where the photos are and turns 503 when the bucket is gone.
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { s3ClientFor } from '../../src/server/blobs/s3-blob-store.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDevice, apiHeaders, startTestServer, type EnrolledDevice, type TestServer } from '../support/test-server.ts';
import { seedTestStore } from '../support/store-fixture.ts';
import { startS3Peer, type S3Peer } from '../support/s3-peer.ts';
import { runAdmin } from '../support/admin-cli.ts';

// The start of a JPEG (what the route sniffs), then bytes of our own.
const jpeg = (tail: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), Buffer.from(tail)]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('server on S3 photo storage', () => {
  let peer: S3Peer;
  let server: TestServer;
  let s3: S3Client;
  let tablet: EnrolledDevice;
  let otherStoreTablet: EnrolledDevice;

  const keysInBucket = async () =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: peer.config.bucket }))).Contents ?? []).map((object) => object.Key);
  const put = (device: EnrolledDevice, name: string, body: Uint8Array) =>
    server.send({ method: 'PUT', path: `/api/v1/blobs/${name}`, headers: { ...apiHeaders(device.token), 'content-type': 'image/jpeg' }, body });

  beforeAll(async () => {
    peer = await startS3Peer('walkaround-server');
    s3 = s3ClientFor(peer.config);
    server = await startTestServer('walkaround-s3', {}, peer.env);
    const store = await seedTestStore(server.data.storage, 'S1');
    const other = await seedTestStore(server.data.storage, 'S2');
    tablet = await enrollDevice(server, store.enrollmentCode, 'Tablet A');
    otherStoreTablet = await enrollDevice(server, other.enrollmentCode, 'Tablet B');
  });

  afterAll(async () => {
    await server?.close();
    s3?.destroy();
    await peer?.close();
  });

  it('says in /api/v1/health that the photos are in S3, and that it reaches them', async () => {
    const health = await server.send({ method: 'GET', path: '/api/v1/health' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({
      status: 'ok',
      storage: { records: { kind: 'sqlite', reachable: true }, blobs: { kind: 's3', reachable: true } },
    });
  });

  it('stores an upload in the bucket under its hash, and answers HEAD and GET from there', async () => {
    const bytes = jpeg('photo of the left front door');
    const name = sha256(bytes);
    const created = await put(tablet, name, bytes);
    expect(created.status, created.text).toBe(201);
    expect(await keysInBucket()).toEqual([`blobs/${name}`]);
    const object = await s3.send(new GetObjectCommand({ Bucket: peer.config.bucket, Key: `blobs/${name}` }));
    expect(sha256(await object.Body!.transformToByteArray())).toBe(name);

    expect((await server.send({ method: 'HEAD', path: `/api/v1/blobs/${name}`, headers: apiHeaders(tablet.token) })).status).toBe(200);
    const read = await server.send({ method: 'GET', path: `/api/v1/blobs/${name}`, headers: apiHeaders(tablet.token) });
    expect(read.status).toBe(200);
    expect(sha256(read.bytes)).toBe(name);
    expect((await put(tablet, name, bytes)).status).toBe(200);
  });

  it('keeps nothing of bytes that do not hash to their name', async () => {
    const before = await keysInBucket();
    const wrong = await put(tablet, sha256(jpeg('what was meant')), jpeg('what arrived'));
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.text)).toMatchObject({ error: 'hash_mismatch' });
    expect(await keysInBucket()).toEqual(before);
  });

  it("answers another store's tablet 404 for a blob in the bucket, as for one never seen", async () => {
    const bytes = jpeg('only for store S1');
    const name = sha256(bytes);
    expect((await put(tablet, name, bytes)).status).toBe(201);
    for (const method of ['HEAD', 'GET'] as const) {
      expect((await server.send({ method, path: `/api/v1/blobs/${name}`, headers: apiHeaders(otherStoreTablet.token) })).status).toBe(404);
    }
  });

  it('runs the admin command line with the S3_ variables set, never waiting on the bucket (it needs only the records)', async () => {
    // A bucket that takes connections and never answers: a command that sent it anything would
    // hang until the timeout kills it, and fail here.
    const silent = createServer(() => undefined);
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const { port } = silent.address() as AddressInfo;
    try {
      const { stdout } = await runAdmin(['create-store', 'S3A', '三店'], { ...peer.env, S3_ENDPOINT: `http://127.0.0.1:${port}`, DATA_DIR: server.data.dir }, { timeoutMs: 30_000 });
      expect(stdout).toContain('Store S3A (三店) created.');
      expect((await server.data.storage.findStoreByCode('S3A'))?.name).toBe('三店');
    } finally {
      silent.close();
    }
  }, 60_000);

  it('turns /api/v1/health and the blob routes to 503 when the bucket cannot be reached, and the tablet tries again', async () => {
    const stored = jpeg('stored before the outage');
    expect((await put(tablet, sha256(stored), stored)).status).toBe(201);
    await peer.close();

    const health = await server.send({ method: 'GET', path: '/api/v1/health' });
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toMatchObject({
      status: 'unavailable',
      storage: { records: { kind: 'sqlite', reachable: true }, blobs: { kind: 's3', reachable: false } },
    });

    const fresh = jpeg('taken during the outage');
    const upload = await put(tablet, sha256(fresh), fresh);
    expect(upload.status).toBe(503);
    expect(upload.headers['retry-after']).toBe('30');
    expect(JSON.parse(upload.text)).toEqual({ error: 'storage_unavailable', message: expect.stringMatching(/Nothing is lost: the tablet keeps the photo and tries again/) });
    // The store never heard of it: nothing is linked that could make a later HEAD say "there".
    expect(await server.data.storage.storeHasBlob((await server.data.storage.findStoreByCode('S1'))!.id, sha256(fresh))).toBe(false);
    for (const method of ['HEAD', 'GET'] as const) {
      expect((await server.send({ method, path: `/api/v1/blobs/${sha256(stored)}`, headers: apiHeaders(tablet.token) })).status, method).toBe(503);
    }
  });
});
