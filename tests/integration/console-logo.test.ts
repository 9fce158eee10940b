// The store's logo over real HTTP and real SQLite: an administrator uploads a PNG or JPEG at the
// console, checked by its bytes and its size; it is kept as a blob of the store and named in the
// profile, and a tablet fetches its bytes with the profile at its next sync (so the customer's
// copy prints it offline). Changing the profile's text keeps it; removing it removes it.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBlob } from '../../src/db/blob-store.ts';
import { getStoreProfile } from '../../src/db/store-profile.ts';
import { STORE_LOGO_MAX_BYTES } from '../../src/shared/store-profile.ts';
import { signInConsole, type ConsoleClient } from '../support/console-client.ts';
import { addAdvisorTo, seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { createTablet, fakeJpeg, fakePng, type Tablet } from '../support/tablet.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const LOGO = '/api/v1/console/admin/store-profile/logo';
let server: TestServer;
let store: TestStore;
let admin: ConsoleClient;
let tablet: Tablet;

async function upload(client: ConsoleClient, bytes: ArrayBuffer | Buffer, type: string) {
  const response = await fetch(`${server.baseUrl}${LOGO}`, {
    method: 'PUT',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': type },
    body: Buffer.from(bytes as ArrayBuffer),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const sha256 = (bytes: ArrayBuffer) => createHash('sha256').update(Buffer.from(bytes)).digest('hex');

beforeAll(async () => {
  server = await startTestServer('console-logo');
  store = await seedTestStore(server.data.storage, 'LG1');
  await addAdvisorTo(server.data.storage, store.storeId, { username: 'boss', name: '店长', role: 'admin', password: 'boss-password-1' });
  admin = await signInConsole(server.baseUrl, { store: store.code, username: 'boss', password: 'boss-password-1' });
  tablet = await createTablet('LG1-A', { baseUrl: server.baseUrl }, store.enrollmentCode);
}, 20_000);
afterAll(() => server.close());

describe("the store's logo", () => {
  const png = fakePng(7);

  it('is taken as a PNG, kept as a blob of the store and named in the profile', async () => {
    const reply = await upload(admin, png, 'image/png');
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ profile: { logo: { sha256: sha256(png), mime: 'image/png' } } });
    expect(await server.data.storage.storeHasBlob(store.storeId, sha256(png))).toBe(true);
    expect(await server.data.blobs.has(sha256(png))).toBe(true);
  });

  it("reaches a tablet's blob store with the profile at its next sync", async () => {
    expect(await tablet.engine.syncNow()).toMatchObject({ complete: true });
    expect((await getStoreProfile(tablet.db)).logo).toEqual({ sha256: sha256(png), mime: 'image/png' });
    const row = await getBlob(tablet.db, sha256(png));
    expect(row?.mime).toBe('image/png');
    expect(Buffer.from(row!.bytes).equals(Buffer.from(png))).toBe(true);
  });

  it("stays when the profile's text changes", async () => {
    const reply = await admin.request('PUT', '/api/v1/console/admin/store-profile', { name: '标志店', address: '深圳', phone: '0755-12345678', defaults: {} });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json).toMatchObject({ profile: { name: '标志店', logo: { sha256: sha256(png) } } });
  });

  it('refuses what is not a PNG or JPEG by its bytes, a type not offered, an empty body and a file too large, changing nothing', async () => {
    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const huge = new Uint8Array(STORE_LOGO_MAX_BYTES + 1);
    huge.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const cases = [
      [await upload(admin, text, 'image/png'), 415, 'not_an_image'],
      [await upload(admin, fakeJpeg(3), 'image/webp'), 415, undefined],
      [await upload(admin, Buffer.alloc(0), 'image/png'), 400, undefined],
      [await upload(admin, huge.buffer, 'image/png'), 413, undefined],
    ] as const;
    for (const [reply, status, error] of cases) {
      expect(reply.status).toBe(status);
      expect(reply.json.message).toEqual(expect.any(String));
      if (error) expect(reply.json.error).toBe(error);
    }
    expect((await server.data.storage.storeProfile(store.storeId))?.profile.logo?.sha256).toBe(sha256(png));
  });

  it('is an administrator\'s to change: an advisor gets 403 and nothing changes', async () => {
    const advisor = await signInConsole(server.baseUrl, { store: store.code, username: store.advisor.username, password: store.advisor.password });
    expect((await upload(advisor, fakeJpeg(9), 'image/jpeg')).status).toBe(403);
    expect((await advisor.request('DELETE', LOGO)).status).toBe(403);
    expect((await server.data.storage.storeProfile(store.storeId))?.profile.logo?.sha256).toBe(sha256(png));
  });

  it('is replaced by a JPEG, then removed, and the tablet prints none after its next sync', async () => {
    const jpeg = fakeJpeg(11, 5000);
    expect((await upload(admin, jpeg, 'image/jpeg')).json).toMatchObject({ profile: { logo: { sha256: sha256(jpeg), mime: 'image/jpeg' } } });
    const removed = await admin.request('DELETE', LOGO);
    expect(removed.status).toBe(200);
    expect((removed.json as { profile: Record<string, unknown> }).profile.logo).toBeUndefined();
    await tablet.engine.syncNow();
    expect((await getStoreProfile(tablet.db)).logo).toBeUndefined();
  });
});
