// The console's reports in Debian's Chromium, served by the real server from the built dist/:
// a store with 120 seeded cards and a customer named like a formula, November 2026 chosen with
// the date pickers. Each report's table shows the figures this test works out from the cards'
// specs, a chart is drawn on a canvas, and the CSV and XLSX downloads hold the same numbers
// (the XLSX read back with exceljs) with the formula-like name neutralised.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdvisor } from '../../src/server/admin/store-admin.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { advisorOf, after, checkedInAt, expectedFollowUp, finalOf, inMonth, numberOf, randomSpecs, sum, writeCards, type CardSpec } from '../unit/support/report-cards.ts';
import { startServer, type AppServer } from './support/browser.ts';
import { launchDesk, openConsole } from './support/console-browser.ts';
import { smallControls } from './support/touch-targets.ts';

const FORMULA_NAME = '=HYPERLINK("http://example.com","点我")';
const inNov = (iso: string | null | undefined) => inMonth(iso, '2026-11');
/** ¥1,234.50, written here rather than with the app's formatter. */
const yuanText = (fen: number) => `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('the console’s reports', () => {
  let server: AppServer;
  let browser: Browser;
  let store: TestStore;
  let page: Page;
  let specs: CardSpec[];
  let wang = '';

  beforeAll(async () => {
    server = await startServer();
    const storage = server.data.storage;
    store = await seedTestStore(storage, 'REP1');
    const summary = (await storage.getStore(store.storeId))!;
    wang = (await addAdvisor(storage, summary, { username: 'wang', name: '王磊', role: 'advisor', password: 'wang-password-1' })).advisor.id;
    const li = (await addAdvisor(storage, summary, { username: 'li', name: '李娜', role: 'advisor', password: 'li-password-1' })).advisor.id;
    specs = [
      ...randomSpecs(77, 120, 1000, [wang, li]),
      // Delivered four days before the test runs, never called: on the list of calls to make (whatever the period), under a formula-like name.
      {
        n: 3000, customerName: FORMULA_NAME, createdAt: after(new Date(Date.now() - 5 * 86_400_000).toISOString(), 0), checkInAfter: 14, advisorId: wang, serviceTypes: ['repair'], photos: 3,
        marks: [{ view: 'front', x: 0.5, y: 0.5, type: 'crack' }], estimateFen: [88_800], additions: [{ fen: 12_300, decision: 'approved' }], promisedAt: null,
        status: 'delivered', deliveredAt: after(new Date(Date.now() - 4 * 86_400_000).toISOString(), 0),
      },
    ];
    await writeCards(storage, store.storeId, specs);
    browser = await launchDesk();
    page = await openConsole(browser, server.url, { store: store.code, username: 'wang', password: 'wang-password-1' }, '/console/reports');
    await page.getByLabel('开始日期').fill('2026-11-01');
    await page.getByLabel('结束日期').fill('2026-11-30');
    await page.getByRole('button', { name: '按月' }).click();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const section = (name: string) => page.locator(`section[data-report="${name}"]`);
  /** The cells of the row whose first cell is `first`, in the table captioned `caption`. */
  async function row(name: string, caption: string, first: string): Promise<string[]> {
    const table = section(name).locator('table', { has: page.locator('caption', { hasText: caption }) });
    // The first cell exactly: "2026-11" is the month's row, not 2026-11-01's (a day's row shown until the month's arrive).
    const exactly = new RegExp(`^\\s*${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const line = table.locator('tbody tr', { has: page.locator('th', { hasText: exactly }) }).first();
    await line.waitFor();
    return (await line.locator('th, td').allTextContents()).map((text) => text.trim());
  }
  const checkedIn = () => specs.filter((s) => inNov(checkedInAt(s)));

  it('进厂台次 for the month, per advisor', async () => {
    const header = await section('check-ins').locator('thead th').allTextContents();
    const cells = await row('check-ins', '进厂台次', '2026-11');
    expect(cells[1]).toBe(String(checkedIn().length));
    expect(cells[header.indexOf('王磊')]).toBe(String(checkedIn().filter((s) => s.advisorId === wang).length));
    expect(cells[header.indexOf('维修')]).toBe(String(checkedIn().filter((s) => s.serviceTypes.includes('repair')).length));
  });

  it('接车用时: the cards and their p90 minutes', async () => {
    const minutes = checkedIn().map((s) => s.checkInAfter ?? 0).sort((a, b) => a - b);
    expect((await row('check-in-time', '接车用时与照片', '接车单数'))[1]).toBe(String(minutes.length));
    expect((await row('check-in-time', '接车用时与照片', 'p90（分钟）'))[1]).toBe(String(minutes[Math.ceil(minutes.length * 0.9) - 1]));
    expect((await row('check-in-time', '接车用时与照片', '照片总数'))[1]).toBe(String(sum(checkedIn().map((s) => s.photos))));
  });

  it('追加项目: lines and amounts offered and approved', async () => {
    const lines = checkedIn().flatMap((s) => s.additions);
    const cells = await row('additions', '追加项目', '合计');
    expect(cells.slice(3, 7)).toEqual([
      String(lines.length),
      String(lines.filter((a) => a.decision === 'approved').length),
      yuanText(sum(lines.map((a) => a.fen))),
      yuanText(sum(lines.filter((a) => a.decision === 'approved').map((a) => a.fen))),
    ]);
  });

  it('估价与结算 of the cars delivered in November', async () => {
    const delivered = specs.filter((s) => s.status === 'delivered' && inNov(s.deliveredAt));
    const cells = await row('estimate-vs-bill', '估价与结算', '合计');
    expect(cells.slice(1, 4)).toEqual([String(delivered.length), yuanText(sum(delivered.map((s) => sum(s.estimateFen)))), yuanText(sum(delivered.map(finalOf)))]);
  });

  it('超时车辆 now', async () => {
    const now = Date.now();
    const late = specs.filter((s) => ['checked-in', 'in-repair', 'quality-check'].includes(s.status) && s.promisedAt !== null && Date.parse(s.promisedAt) < now);
    const table = section('overdue').locator('table').first();
    await table.locator('tbody tr').first().waitFor();
    const numbers = await table.locator('tbody tr th').allTextContents();
    expect(numbers.sort()).toEqual(late.map(numberOf).sort());
  });

  it('72小时回访: outcomes, and the calls to make with the customer’s name as typed', async () => {
    const expected = specs.filter((s) => s.status === 'delivered' && inNov(s.deliveredAt)).map((s) => expectedFollowUp(s, new Date()));
    expect((await row('follow-ups', '回访结果', '满意'))[1]).toBe(String(expected.filter((e) => e.result === 'satisfied').length));
    expect((await row('follow-ups', '回访结果', '未回访'))[1]).toBe(String(expected.filter((e) => e.result === 'notCalled').length));
    const call = await row('follow-ups', '需要回访', '回访超时');
    expect(call).toBeDefined();
    await expect.poll(() => section('follow-ups').getByText(FORMULA_NAME, { exact: true }).count()).toBe(1);
  });

  it('the damage heat map: marks per view, over the tablets’ diagram, drawn on canvases', async () => {
    const marks = checkedIn().flatMap((s) => s.marks);
    for (const [view, word] of [['top', '俯视'], ['front', '车头'], ['rear', '车尾']] as const) {
      expect((await row('damage-map', '损伤热力图', word))[1]).toBe(String(marks.filter((m) => m.view === view).length));
    }
    await expect.poll(() => section('damage-map').locator('.report-heat-view svg').count()).toBe(5);
    await expect.poll(() => section('damage-map').locator('.report-heat-view canvas').count()).toBe(5);
  });

  it('draws the charts on canvas: ink on the 进厂台次 chart', async () => {
    const canvas = section('check-ins').locator('.report-chart canvas').first();
    await canvas.waitFor();
    // ECharts paints on the next animation frame: look until the canvas has ink.
    const inked = () =>
      canvas.evaluate((element: HTMLCanvasElement) => {
        const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
        return count;
      });
    await expect.poll(inked).toBeGreaterThan(1000);
  });

  it('downloads a CSV with the same numbers and the formula-like name neutralised', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), section('follow-ups').getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('follow-ups-2026-11-01_2026-11-30.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""点我"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const expected = specs.filter((s) => s.status === 'delivered' && inNov(s.deliveredAt)).map((s) => expectedFollowUp(s, new Date()));
    expect(text).toContain(`满意,${expected.filter((e) => e.result === 'satisfied').length}\r\n`);
  });

  it('downloads an XLSX that exceljs reads back: yuan as numbers, the name as text', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), section('additions').getByRole('button', { name: '导出 Excel' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const total = rows.find((r) => r[1] === '合计');
    const lines = checkedIn().flatMap((s) => s.additions);
    expect(total?.slice(4, 8)).toEqual([lines.length, lines.filter((a) => a.decision === 'approved').length, sum(lines.map((a) => a.fen)) / 100, sum(lines.filter((a) => a.decision === 'approved').map((a) => a.fen)) / 100]);

    const [followUps] = await Promise.all([page.waitForEvent('download'), section('follow-ups').getByRole('button', { name: '导出 Excel' }).click()]);
    const calls = new ExcelJS.Workbook();
    await calls.xlsx.readFile((await followUps.path())!);
    const names = calls.worksheets.flatMap((ws) => (ws.getSheetValues().filter(Boolean) as unknown[][]).flat()).filter((v) => typeof v === 'string' && v.includes('HYPERLINK'));
    expect(names).toEqual([`'${FORMULA_NAME}`]);
    const cell = calls.worksheets.flatMap((ws) => ws.getRows(1, ws.rowCount) ?? []).flatMap((r) => (r.values as unknown[]).filter((v) => typeof v === 'object' && v !== null && 'formula' in v));
    expect(cell).toEqual([]);
  });

  it('has controls of at least 44 × 44 px', async () => {
    const { measured, offenders } = await smallControls(page, 'reports', '.reports-page');
    expect(measured).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it('per advisor: the numbers of one advisor only', async () => {
    await page.getByLabel('服务顾问').selectOption({ label: '王磊' });
    await expect.poll(async () => (await row('check-ins', '进厂台次', '2026-11'))[1]).toBe(String(checkedIn().filter((s) => advisorOf(s) === wang).length));
  });

  it('reads in English on request, with the same numbers', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => section('check-ins').locator('h2').textContent()).toBe('Cars checked in');
    expect((await row('check-ins', 'Cars checked in', 'Total'))[1]).toBe(String(checkedIn().filter((s) => advisorOf(s) === wang).length));
  });
});
