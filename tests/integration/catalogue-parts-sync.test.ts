// 带料工时 from the server to the tablet: a labour item's parts, written in the CSV's 含配件
// column, survive the admin import, SQLite (the catalogue is stored as JSON), the pull route over
// real HTTP, the tablet's parse of the answer and its Dexie catalogue table (fake-indexeddb). A
// CSV naming a part the file lacks is refused with the row and the code, and nothing changes.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/db/catalogue-repo.ts';
import { openDatabase } from '../../src/db/database.ts';
import { storePulledPage } from '../../src/db/sync-repo.ts';
import { AdminError, importCatalogue } from '../../src/server/admin/store-admin.ts';
import { loadInitials } from '../../src/shared/catalogue-initials.ts';
import { pullResponseSchema, type PullResponse, type StoreSummary } from '../../src/shared/protocol.ts';
import { apiHeaders, enrollDevice, startTestServer, type EnrolledDevice, type TestServer } from '../support/test-server.ts';
import { seedTestStore } from '../support/store-fixture.ts';

const CSV = [
  '编码,类型,名称,单位,单价,含配件',
  'L-0101,工时,更换机油机滤,工时,120,P-10001*4;P-20001*1',
  'P-10001,配件,全合成机油 5W-30,升,98,',
  'P-20001,配件,机油滤清器,个,48,',
  'L-0416,工时,保养灯归零,工时,0,',
].join('\r\n');

let server: TestServer;
let store: StoreSummary;
let tablet: EnrolledDevice;
let dir: string;
let initialsOf: (name: string) => string;

beforeAll(async () => {
  server = await startTestServer('catalogue-parts');
  const seeded = await seedTestStore(server.data.storage);
  store = await server.data.storage.findStoreByCode(seeded.code) as StoreSummary;
  tablet = await enrollDevice(server, seeded.enrollmentCode, '前台平板');
  dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'catalogue-parts-csv-'));
  initialsOf = await loadInitials();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pull(catalogueVersion: number): Promise<{ raw: unknown; page: PullResponse }> {
  const reply = await server.send({ method: 'GET', path: `/api/v1/pull?cursor=0&limit=50&catalogueVersion=${catalogueVersion}`, headers: apiHeaders(tablet.token) });
  expect(reply.status, reply.text).toBe(200);
  const raw: unknown = JSON.parse(reply.text);
  return { raw, page: pullResponseSchema.parse(raw) };
}

function csvFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('a labour item with its parts, from the CSV to the tablet', () => {
  it("a new store's sample catalogue already carries them", async () => {
    const { page } = await pull(0);
    const oilChange = page.catalogue?.items.find((item) => item.code === 'L-0101');
    expect(oilChange?.parts).toEqual([{ code: 'P-10001', quantityMilli: 4000 }, { code: 'P-20001', quantityMilli: 1000 }]);
  });

  it('import → SQLite → pull → the tablet’s catalogue table, parts intact', async () => {
    const before = (await pull(0)).page.catalogue?.version ?? 0;
    const { count, version } = await importCatalogue(server.data.storage, store, csvFile('price-list.csv', CSV), initialsOf);
    expect({ count, version }).toEqual({ count: 4, version: before + 1 });

    const { raw, page } = await pull(before);
    // On the wire as the server stored it, not only after the tablet's parse.
    expect(JSON.stringify(raw)).toContain('"parts":[{"code":"P-10001","quantityMilli":4000},{"code":"P-20001","quantityMilli":1000}]');
    expect(page.catalogue?.version).toBe(version);

    const db = openDatabase(`catalogue-parts-${crypto.randomUUID()}`);
    try {
      await storePulledPage(db, page);
      const items = await loadCatalogue(db);
      expect(items.map((item) => [item.code, item.parts ?? null])).toEqual([
        ['L-0101', [{ code: 'P-10001', quantityMilli: 4000 }, { code: 'P-20001', quantityMilli: 1000 }]],
        ['L-0416', null],
        ['P-10001', null],
        ['P-20001', null],
      ]);
    } finally {
      await db.delete();
    }
  });

  it('a part code the file does not have: refused with its row and the code, the catalogue unchanged', async () => {
    const before = (await pull(0)).page.catalogue;
    const bad = CSV.replace('P-20001*1', 'P-20002*1');
    await expect(importCatalogue(server.data.storage, store, csvFile('typo.csv', bad), initialsOf)).rejects.toThrow(AdminError);
    await expect(importCatalogue(server.data.storage, store, csvFile('typo.csv', bad), initialsOf)).rejects.toThrow(
      'The CSV has 1 bad row(s); nothing was imported:\n' +
        '  Row 2: "含配件" names part code "P-20002", which is neither in the file nor in the catalogue (or its row has errors); check the code or add that part to the file\n' +
        '  第 2 行："含配件"中的配件编码"P-20002"在文件和目录中都找不到（或该行有错误），请核对编码或把这个配件加入文件',
    );
    expect((await pull(0)).page.catalogue).toEqual(before);
  });
});
