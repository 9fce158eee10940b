// The console's card archive (客户档案) over real HTTP (real SQLite or PostgreSQL by
// TEST_RECORDS), with cards made by a simulated tablet and synced as the app does: search as the
// desk types, one card as stored with its signatures verified by the server's own hash and its
// history (who, which tablet, when, what), a customer's vehicles and visits, and the photos'
// bytes through the console, each read only within the signed-in user's store.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLine } from '../../src/db/estimate-repo.ts';
import { commitMutation, createJob } from '../../src/db/job-repo.ts';
import {
  archiveCardResponseSchema,
  archiveSearchResponseSchema,
  customerResponseSchema,
  type ArchiveCardResponse,
} from '../../src/shared/console/archive-api.ts';
import { signInAdvisor } from '../../src/sync/enrollment.ts';
import { signInConsole, type ConsoleClient } from '../support/console-client.ts';
import { addAdvisorTo, seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { addFakePhoto, createTablet, fakeJpeg, sign, type Tablet } from '../support/tablet.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let store: TestStore;
let other: TestStore;
let tablet: Tablet;
let advisorConsole: ConsoleClient;
let otherAdmin: ConsoleClient;
const VIN = 'LSVAU2180N2183294';
const ids = { first: '', second: '', third: '', elsewhere: '' };
let photoId = '';

beforeAll(async () => {
  server = await startTestServer('console-archive');
  store = await seedTestStore(server.data.storage, 'AR1');
  other = await seedTestStore(server.data.storage, 'AR2');
  await addAdvisorTo(server.data.storage, other.storeId, { username: 'boss', password: 'boss-password-1', name: '别店店长', role: 'admin' });

  tablet = await createTablet('A', { baseUrl: server.baseUrl }, store.enrollmentCode);
  await signInAdvisor(tablet.db, { username: store.advisor.username, password: store.advisor.password }, { baseUrl: server.baseUrl });
  const customer = { name: '王伟', phone: '138-0013-8000', company: '' };
  // Oldest first: the first card (a year ago), then the same car again, then the customer's second car.
  const first = await createJob(tablet.db, { customer, vehicle: { plate: '粤B7K2Q9', vin: VIN, model: '帕萨特', color: '白' } }, new Date('2025-11-20T09:00:00+08:00'));
  await commitMutation(tablet.db, first.id, { op: 'job.checkIn', payload: {} }, new Date('2025-11-20T09:20:00+08:00'));
  const second = await createJob(tablet.db, { customer, vehicle: { plate: '粤B7K2Q9', vin: VIN, model: '帕萨特', color: '白' } }, new Date('2026-11-20T09:00:00+08:00'));
  photoId = await addFakePhoto(tablet.db, second.id, 7);
  await sign(tablet.db, second.id, 'checkin', 1);
  await commitMutation(tablet.db, second.id, { op: 'job.checkIn', payload: {} });
  await addLine(tablet.db, second.id, { kind: 'labour', code: 'L001', description: '更换机油', quantityMilli: 1000, unitPriceFen: 8000, discountBp: 0 });
  await sign(tablet.db, second.id, 'estimate', 2);
  // The estimate changes after it was signed: that signature no longer matches the card.
  await addLine(tablet.db, second.id, { kind: 'part', code: 'P001', description: '机油滤芯', quantityMilli: 1000, unitPriceFen: 5000, discountBp: 0 });
  await commitMutation(tablet.db, second.id, { op: 'job.update', payload: { card: { customer: { company: '深圳某公司' }, vehicle: { color: '珍珠白' } } } });
  const third = await createJob(tablet.db, { customer: { ...customer, phone: '13800138000' }, vehicle: { plate: '粤BD12345', model: '比亚迪汉' } }, new Date('2026-11-25T09:00:00+08:00'));
  await tablet.engine.syncNow();

  const elsewhere = await createTablet('B', { baseUrl: server.baseUrl }, other.enrollmentCode);
  const theirs = await createJob(elsewhere.db, { customer, vehicle: { plate: '粤B7K2Q9', vin: VIN } });
  await addFakePhoto(elsewhere.db, theirs.id, 99);
  await elsewhere.engine.syncNow();
  await elsewhere.engine.stop();
  elsewhere.db.close();
  await Dexie.delete(elsewhere.db.name);
  Object.assign(ids, { first: first.id, second: second.id, third: third.id, elsewhere: theirs.id });

  advisorConsole = await signInConsole(server.baseUrl, { store: store.code, username: store.advisor.username, password: store.advisor.password });
  otherAdmin = await signInConsole(server.baseUrl, { store: other.code, username: 'boss', password: 'boss-password-1' });
}, 60_000);

afterAll(async () => {
  await tablet?.engine.stop();
  tablet?.db.close();
  if (tablet) await Dexie.delete(tablet.db.name);
  await server?.close();
});

const search = async (client: ConsoleClient, q: string, limit?: number) => {
  const reply = await client.request('GET', `/api/v1/console/archive/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
  expect(reply.status, reply.text).toBe(200);
  return archiveSearchResponseSchema.parse(reply.json);
};

describe('archive search', () => {
  it('finds a plate, its end, a phone, its last digits, a name and a VIN as the desk types them, newest first', async () => {
    const newestFirst = [ids.second, ids.first];
    for (const q of ['粤B7K2Q9', '粤b 7k2q9', 'B7K2Q9', '7K2Q9', VIN, '183294']) {
      expect((await search(advisorConsole, q)).cards.map((card) => card.jobId), q).toEqual(newestFirst);
    }
    for (const q of ['13800138000', '138 0013 8000', '8000', '王伟', '王']) {
      expect((await search(advisorConsole, q)).cards.map((card) => card.jobId), q).toEqual([ids.third, ids.second, ids.first]);
    }
    const found = await search(advisorConsole, '7K2Q9', 1);
    expect(found).toMatchObject({ more: true, cards: [{ jobId: ids.second, plate: '粤B7K2Q9', customerName: '王伟', customerPhone: '13800138000', advisorName: '张顾问', photoCount: 1, status: 'checked-in' }] });
    const number = found.cards[0]!.number;
    expect((await search(advisorConsole, number)).cards.map((card) => card.jobId)).toEqual([ids.second]);
  });

  it("never shows another store's cards, even ones that match", async () => {
    expect((await search(otherAdmin, '7K2Q9')).cards.map((card) => card.jobId)).toEqual([ids.elsewhere]);
    expect((await search(advisorConsole, '张三丰')).cards).toEqual([]);
  });
});

describe('one card', () => {
  const card = async (client: ConsoleClient, jobId: string): Promise<{ status: number; body: ArchiveCardResponse | null; text: string }> => {
    const reply = await client.request('GET', `/api/v1/console/archive/cards/${jobId}`);
    return { status: reply.status, body: reply.status === 200 ? archiveCardResponseSchema.parse(reply.json) : null, text: reply.text };
  };

  it('is the card as stored, with each signature verified against the hash the server recomputes', async () => {
    const { status, body } = await card(advisorConsole, ids.second);
    expect(status).toBe(200);
    expect(body!.job).toEqual(await server.data.storage.getJob(store.storeId, ids.second));
    expect(body!.checkedInBy).toBe('张顾问');
    expect(body!.signatures.map((s) => [s.kind, s.verified, s.device, s.signerName])).toEqual([
      ['checkin', true, 'A', '张伟'],
      // Signed, then the estimate gained a line: what was signed is no longer what the card says.
      ['estimate', false, 'A', '张伟'],
    ]);
  });

  it('has its history: who, which tablet, when, what', async () => {
    const { body } = await card(advisorConsole, ids.second);
    const history = body!.history;
    expect(history[0]).toMatchObject({ op: 'job.create', advisorName: '张顾问', device: 'A', status: 'applied' });
    expect(history.map((entry) => entry.op)).toEqual(expect.arrayContaining(['photo.add', 'signature.add', 'job.checkIn', 'line.add', 'job.update']));
    expect(history.find((entry) => entry.op === 'job.update')?.fields).toEqual(['customer.company', 'vehicle.color']);
    expect(history.every((entry, i) => i === 0 || entry.serverOrder > history[i - 1]!.serverOrder)).toBe(true);
  });

  it("is 404 for another store's card and for an unknown id, 400 for a malformed one", async () => {
    expect((await card(advisorConsole, ids.elsewhere)).status).toBe(404);
    expect((await card(otherAdmin, ids.second)).status).toBe(404);
    expect((await card(advisorConsole, '0190a0c4-0000-7000-8000-000000000000')).status).toBe(404);
    const malformed = await card(advisorConsole, 'not-a-card');
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain('jobId must be a card id');
  });
});

describe("a card's photos", () => {
  it('come through the console, full size and thumbnail, with their image type, only to their store', async () => {
    const job = (await server.data.storage.getJob(store.storeId, ids.second))!;
    const photo = job.photos[photoId]!;
    const full = await fetch(`${server.baseUrl}/api/v1/console/archive/blobs/${photo.sha256}`, { headers: { cookie: advisorConsole.cookie } });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await full.arrayBuffer())).toEqual(Buffer.from(fakeJpeg(7)));
    const thumb = await advisorConsole.request('GET', `/api/v1/console/archive/blobs/${photo.thumbSha256}`);
    expect(thumb.status).toBe(200);
    expect((await otherAdmin.request('GET', `/api/v1/console/archive/blobs/${photo.sha256}`)).status).toBe(404);
    const signature = Object.values(job.signatures)[0]!;
    const png = await advisorConsole.request('GET', `/api/v1/console/archive/blobs/${signature.pngSha256}`);
    expect([png.status, png.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect((await advisorConsole.request('GET', '/api/v1/console/archive/blobs/XYZ')).status).toBe(400);
  });
});

describe("a customer's page", () => {
  it('lists their vehicles and visits, newest first, by phone however written', async () => {
    const reply = await advisorConsole.request('GET', `/api/v1/console/archive/customer?phone=${encodeURIComponent('138 0013 8000')}`);
    expect(reply.status, reply.text).toBe(200);
    const page = customerResponseSchema.parse(reply.json);
    expect(page).toMatchObject({ name: '王伟', phone: '13800138000', more: false });
    expect(page.visits.map((visit) => visit.jobId)).toEqual([ids.third, ids.second, ids.first]);
    expect(page.vehicles).toEqual([
      { plate: '粤BD12345', vin: '', model: '比亚迪汉', color: '', visits: 1, lastVisitAt: expect.stringContaining('2026-11-25') },
      { plate: '粤B7K2Q9', vin: VIN, model: '帕萨特', color: '珍珠白', visits: 2, lastVisitAt: expect.stringContaining('2026-11-20') },
    ]);
  });

  it('finds them by name when no phone is given; 404 for nobody, 400 for neither', async () => {
    const byName = await advisorConsole.request('GET', `/api/v1/console/archive/customer?name=${encodeURIComponent('王伟')}`);
    expect(customerResponseSchema.parse(byName.json).visits).toHaveLength(3);
    expect((await advisorConsole.request('GET', `/api/v1/console/archive/customer?phone=13900000000`)).status).toBe(404);
    expect((await otherAdmin.request('GET', `/api/v1/console/archive/customer?phone=13800138000`)).json).toMatchObject({ visits: [{ jobId: ids.elsewhere }] });
    const neither = await advisorConsole.request('GET', '/api/v1/console/archive/customer');
    expect(neither.status).toBe(400);
    expect(neither.text).toContain("phone (digits) or name");
  });
});
