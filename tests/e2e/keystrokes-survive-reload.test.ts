// Nothing typed is lost (issue 11, item 4): the advisor types into each kind of field (text,
// number, textarea, an estimate line's quantity and price, a damage mark's note) and the page
// reloads 100 ms after the last keystroke, with no blur: every value is in IndexedDB and back
// on screen. And the header's indicator never says 已保存在本机 while text sits only in a box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expectValue, expectVisible } from './support/expect-ui.ts';
import { newProfileDir, type AppServer } from './support/browser.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { closeTablet, openTablet } from './support/tablet-session.ts';

type StoredLine = { description: string; quantityMilli: number; unitPriceFen: number; deletedAt: string | null };
type StoredJob = {
  id: string;
  card: { customer: { company: string }; odometerKm: number | null; customerRequest: string };
  estimate: { lines: Record<string, StoredLine> };
  damages: Record<string, { note: string; deletedAt: string | null }>;
};

const LINE = '更换机油机滤';

describe('keystrokes survive a reload', () => {
  let server: AppServer;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let jobId = '';
  const profile = newProfileDir();

  const indicator = () => page.locator('[data-save-state]');
  const line = () => page.getByRole('listitem', { name: LINE, exact: true });

  async function stored(): Promise<StoredJob> {
    const { jobs } = await readObjectStores<{ jobs: StoredJob }>(page, ['jobs']);
    const job = jobs.find((row) => row.id === jobId);
    if (!job) throw new Error(`The card ${jobId} is not in IndexedDB`);
    return job;
  }

  async function storedLine(): Promise<StoredLine | undefined> {
    return Object.values((await stored()).estimate.lines).find((l) => l.description === LINE && l.deletedAt === null);
  }

  async function openStep(step: string) {
    await page.goto(`${server.url}/jobs/${jobId}/${step}`);
    await expectVisible(indicator());
  }

  /**
   * Key by key into the box (focused by a tap, never left), then the reload 100 ms after the
   * last key: the wait is the scenario the issue describes, not a guess at how long a save takes.
   */
  async function typeThenReload(box: Locator, text: string) {
    await box.tap();
    await box.pressSequentially(text);
    await page.waitForTimeout(100);
    await page.reload();
    await expectVisible(indicator());
  }

  beforeAll(async () => {
    ({ server, context, page, errors } = await openTablet(profile.dir));
    await page.goto(server.url);
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}/);
    jobId = new URL(page.url()).pathname.split('/')[2] ?? '';
  });

  afterAll(() => closeTablet({ context, server }, profile));

  it('keeps a text field (company) typed just before the reload', async () => {
    await typeThenReload(page.getByLabel(/^客户单位/), '深圳市某某科技有限公司');
    await expect.poll(async () => (await stored()).card.customer.company).toBe('深圳市某某科技有限公司');
    await expectValue(page.getByLabel(/^客户单位/), '深圳市某某科技有限公司');
  });

  it('keeps a number field (mileage)', async () => {
    await openStep('condition');
    await typeThenReload(page.getByLabel('行驶里程（km）'), '35120');
    await expect.poll(async () => (await stored()).card.odometerKm).toBe(35120);
    await expectValue(page.getByLabel('行驶里程（km）'), '35120');
  });

  it('keeps a textarea (the complaint)', async () => {
    await openStep('service');
    await typeThenReload(page.getByLabel('客户描述（客户原话）'), '冷车启动时有异响');
    await expect.poll(async () => (await stored()).card.customerRequest).toBe('冷车启动时有异响');
    await expectValue(page.getByLabel('客户描述（客户原话）'), '冷车启动时有异响');
  });

  it("keeps an estimate line's quantity and its price, each typed without leaving the box", async () => {
    await openStep('estimate');
    await page.getByLabel('搜索工时/配件目录').fill('ghjy');
    await page.getByRole('list', { name: '目录搜索结果' }).getByRole('button', { name: new RegExp(LINE) }).tap();
    await expectVisible(line());

    await typeThenReload(line().getByLabel('数量'), '2.5');
    await expectValue(line().getByLabel('数量'), '2.5');
    await expect.poll(storedLine).toMatchObject({ quantityMilli: 2500 });

    await typeThenReload(line().getByLabel('单价'), '135.5');
    await expectValue(line().getByLabel('单价'), '135.50');
    await expect.poll(storedLine).toMatchObject({ quantityMilli: 2500, unitPriceFen: 13550 });
  });

  it('keeps the note of a damage mark', async () => {
    await openStep('walkaround');
    await page.getByRole('group', { name: '俯视车身图' }).click({ position: { x: 120, y: 60 } });
    // The type chip (划痕) or the type-and-severity cell (划痕 · 轻), whichever the panel offers.
    await page.getByRole('button', { name: /^划痕/ }).first().tap();
    await typeThenReload(page.getByLabel(/^备注/), '左前门两道划痕');
    // The mark as the advisor finds it again: tapped on the diagram, its note in the editor.
    await page.getByRole('group', { name: '俯视车身图' }).getByRole('button').first().tap();
    await expectValue(page.getByLabel(/^备注/), '左前门两道划痕');
    await expect
      .poll(async () => Object.values((await stored()).damages).filter((d) => d.deletedAt === null).map((d) => d.note))
      .toEqual(['左前门两道划痕']);
  });

  it('writes a note the last page did not commit to the card when it opens, with no mark reopened', async () => {
    // The write cut off by the page going away, as the typing journal holds it then.
    const [damageId] = Object.keys((await stored()).damages);
    const journalled = '左前门两道划痕，右后轮毂擦伤';
    await page.evaluate(
      ([key, note]) => localStorage.setItem(key, JSON.stringify(note)),
      [`walkaround.typed:damage-note:${jobId}:${damageId}`, journalled] as const,
    );
    await page.goto(`${server.url}/jobs/${jobId}/signing`);
    await expect.poll(async () => (await stored()).damages[damageId ?? '']?.note).toBe(journalled);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('damage-note')))).toEqual([]);
  });

  it('never says 已保存在本机 while a box holds text that is not stored', async () => {
    await openStep('estimate');
    const quantity = line().getByLabel('数量');
    await quantity.tap();
    await quantity.pressSequentially('3x'); // "3" is written through, "3x" is refused: only on screen
    await expect.poll(() => indicator().getAttribute('data-save-state')).toBe('pending');
    await expectVisible(indicator().filter({ hasText: '尚未保存' }));
    // Fixed without leaving the box: once the header says saved, the store holds it.
    await quantity.press('Backspace');
    await quantity.pressSequentially('.5');
    await expect.poll(() => indicator().getAttribute('data-save-state')).toBe('saved');
    expect((await storedLine())?.quantityMilli).toBe(3500);
    await expectVisible(indicator().filter({ hasText: '已保存在本机' }));
  });

  it('ran without errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
