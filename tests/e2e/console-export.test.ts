// The DMS export from the console's 导出 DMS page in Debian's Chromium: a card checked in on a
// tablet today, with its estimate lines, is in the downloaded CSV one row per line with the
// card's fields repeated and a formula-like customer name neutralised, and in the JSON as the
// documented shape; an advisor may download it too.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLine } from '../../src/db/estimate-repo.ts';
import { commitMutation, createJob } from '../../src/db/job-repo.ts';
import { localDateKey } from '../../src/shared/local-time.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { createTablet } from '../support/tablet.ts';
import { startServer, type AppServer } from './support/browser.ts';
import { launchDesk, openConsole } from './support/console-browser.ts';

const HOSTILE_NAME = '=HYPERLINK("http://x.example","点我")';

describe('the DMS export from the console page', () => {
  let server: AppServer;
  let store: TestStore;
  let browser: Browser;
  let page: Page;
  let number: string;
  const key = localDateKey(new Date());
  const today = `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;

  beforeAll(async () => {
    server = await startServer();
    store = await seedTestStore(server.data.storage, 'EX1');
    const tablet = await createTablet('EX1-A', { baseUrl: server.url }, store.enrollmentCode);
    const job = await createJob(tablet.db, { customer: { name: HOSTILE_NAME, phone: '13800138000' }, vehicle: { plate: '粤B7K2Q9' } });
    number = job.number;
    await addLine(tablet.db, job.id, { kind: 'labour', code: 'L001', description: '更换机油', quantityMilli: 1500, unitPriceFen: 12_000, discountBp: 0 });
    await addLine(tablet.db, job.id, { kind: 'part', code: 'P001', description: '机油滤芯', quantityMilli: 1000, unitPriceFen: 4_500, discountBp: 1_000 });
    await commitMutation(tablet.db, job.id, { op: 'job.checkIn', payload: {} });
    expect(await tablet.engine.syncNow()).toMatchObject({ complete: true, outboxLeft: 0 });
    browser = await launchDesk();
    page = await openConsole(browser, server.url, { store: store.code, username: store.advisor.username, password: store.advisor.password }, '/console/export');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function download(format: 'csv' | 'json'): Promise<string> {
    await page.getByLabel('开始日期').fill(today);
    await page.getByLabel('结束日期').fill(today);
    await page.locator(`input[name="format"][value="${format}"]`).check();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    const path = await file.path();
    return readFileSync(path, 'utf8');
  }

  it('downloads the CSV: one row per line, the card repeated, the formula-like name as text', async () => {
    const csv = await download('csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.split(',').slice(0, 2)).toEqual(['job_id', 'job_number']);
    for (const row of rows.slice(1)) {
      expect(row).toContain(number);
      expect(row).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
    }
    expect(rows[1]).toContain('更换机油');
    expect(rows[2]).toContain('机油滤芯');
  });

  it('downloads the JSON in the documented shape, amounts in 分', async () => {
    const body = JSON.parse(await download('json')) as { store: { code: string }; cards: { number: string; customer: { name: string }; lines: { description: string; netFen: number }[] }[] };
    expect(body.store.code).toBe(store.code);
    expect(body.cards.map((card) => card.number)).toEqual([number]);
    expect(body.cards[0]!.customer.name).toBe(HOSTILE_NAME);
    expect(body.cards[0]!.lines.map((line) => [line.description, line.netFen])).toEqual([
      ['更换机油', 18_000],
      ['机油滤芯', 4_050],
    ]);
  });
});
