// Fewer taps (issue 11 item 3, and item 5's portrait editor): after the tap on the diagram one
// tap stores the damage's type and severity together; in portrait (800×1280) the choice and
// then the editor are on screen and not under a sticky bar; the estimate step flags empty
// terms and "使用本店默认" fills only those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Damage } from '../../src/shared/walkaround.ts';
import type { Estimate } from '../../src/shared/estimate.ts';
import { expectHidden, expectText, expectVisible } from './support/expect-ui.ts';
import { newProfileDir, waitForServiceWorker, type AppServer } from './support/browser.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { closeTablet, openTablet } from './support/tablet-session.ts';

type StoredJob = { damages: Record<string, Damage>; estimate: Estimate };

async function storedJob(page: Page): Promise<StoredJob> {
  const { jobs } = await readObjectStores<{ jobs: StoredJob }>(page, ['jobs']);
  const [job] = jobs;
  if (!job) throw new Error('no card stored');
  return job;
}

/** True when the element's centre is on screen and it, not a sticky bar, gets a tap there. */
function tappableOnScreen(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (box.top < 0 || box.bottom > window.innerHeight || box.left < 0 || box.right > window.innerWidth) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === element || element.contains(hit));
  });
}

describe('damage choice and estimate terms', () => {
  let server: AppServer;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const profile = newProfileDir();
  const step = (name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
  const view = (name: string) => page.getByRole('group', { name: `${name}车身图` });
  const choice = () => page.getByRole('region', { name: '损伤类型' });

  beforeAll(async () => {
    ({ server, context, page, errors } = await openTablet(profile.dir));
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await step(/环车检查/).tap();
  });

  afterAll(async () => {
    await closeTablet({ context, server }, profile);
  });

  it('portrait: the choice is on screen after a tap low on the diagram, and one tap stores type and severity', async () => {
    expect(page.viewportSize()).toEqual({ width: 800, height: 1280 });
    // The lowest view on the page, tapped near its bottom edge.
    const views = ['俯视', '左侧', '右侧', '车头', '车尾'].map(view);
    const boxes = await Promise.all(views.map((v) => v.boundingBox()));
    const lowest = boxes.reduce((low, box, i) => ((box?.y ?? -1) > (boxes[low]?.y ?? -1) ? i : low), 0);
    const box = boxes[lowest];
    if (!box) throw new Error('no diagram view has a box');
    await views[lowest]?.click({ position: { x: box.width / 2, y: box.height * 0.85 } });

    await expectVisible(choice());
    // First and last cells both tappable where they are: the whole grid is in view.
    await expect.poll(() => tappableOnScreen(choice().getByRole('button', { name: '划痕 · 轻', exact: true })), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => tappableOnScreen(choice().getByRole('button', { name: '其他 · 重', exact: true })), { timeout: 15_000 }).toBe(true);
    const cell = await choice().getByRole('button', { name: '凹陷 · 中', exact: true }).boundingBox();
    expect(cell?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(cell?.width ?? 0).toBeGreaterThanOrEqual(44);

    await choice().getByRole('button', { name: '凹陷 · 中', exact: true }).tap();
    await expect.poll(async () => Object.values((await storedJob(page)).damages).map((d) => [d.type, d.severity])).toEqual([['dent', 'moderate']]);
    await expectHidden(choice());
    // The editor that follows (photo, note) is in view too, its photo button first.
    const editor = page.getByRole('region', { name: '编辑损伤' });
    await expectVisible(editor);
    await expect.poll(() => tappableOnScreen(editor.getByRole('heading', { level: 3 })), { timeout: 15_000 }).toBe(true);
    await editor.getByRole('button', { name: '完成' }).tap();
  });

  it('landscape: one tap after the diagram stores 划痕 · 重, with no severity chosen for the advisor', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const top = view('俯视');
    await top.click({ position: { x: 120, y: 60 } });
    await choice().getByRole('button', { name: '划痕 · 重', exact: true }).tap();
    await expectVisible(page.getByRole('button', { name: '划痕（重），俯视' }));
    const damages = Object.values((await storedJob(page)).damages);
    expect(damages.map((d) => `${d.view}:${d.type}:${d.severity}`).sort()).toContain('top:scratch:severe');
    // Both can still be changed in the editor.
    const editor = page.getByRole('region', { name: '编辑损伤' });
    await editor.getByRole('button', { name: '掉漆', exact: true }).tap();
    await editor.getByRole('button', { name: /^中$/ }).tap();
    await expectVisible(page.getByRole('button', { name: '掉漆（中），俯视' }));
  });

  it('flags the empty terms of an estimate with lines, and 使用本店默认 fills only those', async () => {
    await step(/估价单/).tap();
    const terms = () => page.getByRole('status').filter({ hasText: '还未选择' });
    await expectHidden(terms()); // no line yet: nothing to agree
    await page.getByLabel('搜索工时/配件目录').fill('ghjy');
    await page.getByRole('list', { name: '目录搜索结果' }).getByRole('button', { name: /更换机油机滤/ }).tap();
    await expectText(terms(), '还未选择：预计交车时间、旧件处理、结账方式、洗车');

    // The advisor agreed cash and no car wash with the customer; the defaults must not undo that.
    await page.getByRole('button', { name: '现金', exact: true }).tap();
    await page.getByRole('group', { name: /^洗车/ }).getByRole('button', { name: '否', exact: true }).tap();
    await expectText(terms(), '还未选择：预计交车时间、旧件处理。');
    const before = Date.now();
    await terms().getByRole('button', { name: '使用本店默认' }).tap();
    await expectHidden(terms());

    const { estimate } = await storedJob(page);
    expect([estimate.oldParts, estimate.payment, estimate.carWash]).toEqual(['take', 'cash', false]);
    // Built-in default: 4 h from now, rounded up to the half hour.
    const promised = Date.parse(estimate.promisedAt ?? '');
    expect(promised).toBeGreaterThanOrEqual(before + 4 * 3_600_000);
    expect(promised).toBeLessThanOrEqual(Date.now() + 4.5 * 3_600_000);
    expect(promised % (30 * 60_000)).toBe(0);
    expect(errors).toEqual([]);
  });
});
