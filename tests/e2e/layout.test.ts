// Layout at the desk, on the built app in Chromium, in landscape (1280×800) and portrait
// (800×1280): the plate keyboard's bottom row is on screen and under nothing, with and without
// a message above it, and every control of the check-in steps, the job list, a checked-in
// card's sections and the dialogs and overlays opened from them (photo viewer and annotate, the
// PIN dialogs, customer mode with its photo review) is at least 44×44 CSS px (the size a thumb
// hits without a second try).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectHidden, expectValue, expectVisible } from './support/expect-ui.ts';
import { newProfileDir, waitForServiceWorker } from './support/browser.ts';
import { drawSignature } from './support/signature.ts';
import { MIN_TARGET_PX, smallControls } from './support/touch-targets.ts';
import { seedCheckedInCard, writeSeededCard, type SeededCard } from './support/seed-checked-in-card.ts';
import { closeTablet, openTablet, type TabletSession } from './support/tablet-session.ts';

const VIEWPORTS = [
  { name: 'landscape 1280×800', width: 1280, height: 800 },
  { name: 'portrait 800×1280', width: 800, height: 1280 },
] as const;
const CHECK_IN_STEPS = ['customer', 'vehicle', 'condition', 'walkaround', 'covers', 'belongings', 'service', 'estimate', 'signing'];
const CARD_SECTIONS = ['status', 'additions', 'qc', 'handover', 'bill', 'followup'];
const PIN = '2580';

type Box = { left: number; top: number; right: number; bottom: number };
type KeyReport = { label: string; box: Box; topmost: boolean };

/**
 * The plate keyboard's bottom row as the page lays it out: each key's box, the boxes of the
 * step bars (the sticky ‹ 上一步 / 下一步 › bar and the step tabs), and whether the key is the
 * element a tap at its centre and corners reaches (false: something is drawn over it).
 */
function bottomRow(page: Page): Promise<{ keys: KeyReport[]; bars: { name: string; box: Box }[] }> {
  return page.evaluate(() => {
    const boxOf = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const keys = [...document.querySelectorAll('.plate-keys button')];
    const lastTop = Math.max(...keys.map((k) => Math.round(k.getBoundingClientRect().top)));
    const row = keys.filter((k) => Math.round(k.getBoundingClientRect().top) === lastTop);
    const reaches = (key: Element) => {
      const r = key.getBoundingClientRect();
      const inset = 4;
      const points = [
        [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
        [r.left + inset, r.top + inset],
        [r.right - inset, r.top + inset],
        [r.left + inset, r.bottom - inset],
        [r.right - inset, r.bottom - inset],
      ] as const;
      return points.every(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === key || key.contains(hit));
      });
    };
    return {
      keys: row.map((k) => ({ label: k.getAttribute('aria-label') ?? k.textContent ?? '', box: boxOf(k), topmost: reaches(k) })),
      bars: [
        ...[...document.querySelectorAll('.step-nav')].map((el) => ({ name: 'step-nav (上一步/下一步)', box: boxOf(el) })),
        ...[...document.querySelectorAll('nav.step-bar')].map((el) => ({ name: 'step-bar (steps)', box: boxOf(el) })),
      ],
    };
  });
}

// The keyboard scrolls itself into view from a ResizeObserver, i.e. at the next frame after a
// tap changes its rows; on a loaded machine that frame can come after the tap returns. The
// row must settle in view within a few seconds; a row that never does still fails.
const SETTLED = { timeout: 5_000, interval: 100 };

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** What is wrong with the bottom row, as lines for the failure message; empty when all is well. */
async function bottomRowProblems(page: Page, what: string): Promise<string[]> {
  const { keys, bars } = await bottomRow(page);
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const problems: string[] = [];
  if (keys.length === 0) problems.push(`${what}: no keys found`);
  for (const key of keys) {
    const at = `${what}: key ${key.label} at ${JSON.stringify(key.box)}`;
    const inside = key.box.left >= 0 && key.box.top >= 0 && key.box.right <= viewport.width && key.box.bottom <= viewport.height;
    if (!inside) problems.push(`${at} is not inside the ${viewport.width}×${viewport.height} viewport`);
    for (const bar of bars) if (intersects(key.box, bar.box)) problems.push(`${at} intersects the ${bar.name} at ${JSON.stringify(bar.box)}`);
    if (!key.topmost) problems.push(`${at} is covered by another element`);
  }
  return problems;
}

describe('layout at the desk', () => {
  let tablet: TabletSession;
  let page: Page;
  let seeded: SeededCard;
  let draftUrl = '';
  const profile = newProfileDir();
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const keyboard = () => page.getByRole('group', { name: '车牌键盘' });

  beforeAll(async () => {
    // Two photos on the mark: the photo viewer shows its ‹ › only with more than one.
    seeded = await seedCheckedInCard({ marks: [{ view: 'left', type: 'scratch' }], photosPerMark: 2 });
    tablet = await openTablet(profile.dir);
    page = tablet.page;
    await page.goto(tablet.url);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: /新建接车单/ }).waitFor();
    await writeSeededCard(page, seeded);
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await field('客户姓名').waitFor();
    draftUrl = page.url().replace(/\/[a-z]+$/, '');
  });

  afterAll(async () => {
    await closeTablet(tablet ?? {}, profile);
  });

  /** Opens the vehicle step of the draft (the keyboard opens by itself on an empty plate); with a plate, typed and left. */
  async function vehicleStep(plate?: string) {
    await page.goto(`${draftUrl}/vehicle`);
    await field('车牌号').waitFor();
    if (plate === undefined) return;
    await field('车牌号').fill(plate);
    await field('车牌号').blur();
  }

  /** The keyboard open: by itself on an empty plate (the start it enters comes with it), else by its button. */
  async function openKeyboard() {
    // The plate first: the keyboard opening by itself fills the plate with the common start in
    // the same commit, so an empty plate means it is still to open. Asked the other way round,
    // it can open between the two questions, and the button's tap would close it again (seen
    // once on a loaded CI machine).
    const plateEmpty = (await field('车牌号').inputValue()) === '';
    if (!plateEmpty && !(await keyboard().isVisible())) await page.getByRole('button', { name: '车牌键盘' }).tap();
    await expectVisible(keyboard());
    // The keyboard scrolls itself into view at the next frame; a tap computed before that
    // scroll lands beside its target (seen on a loaded machine: 省份 missed, letters measured).
    // The advisor taps what has come to rest, and so does the test.
    await expect.poll(() => bottomRowProblems(page, 'opening'), SETTLED).toEqual([]);
  }

  for (const viewport of VIEWPORTS) {
    describe(viewport.name, () => {
      beforeAll(async () => {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
      });

      it('shows the plate keyboard bottom row (琼, ⌫, 完成) on screen and under no bar, without a message', async () => {
        await vehicleStep();
        await openKeyboard();
        await keyboard().getByRole('button', { name: '选择省份简称' }).tap();
        await expect.poll(() => keyboard().getByRole('button', { name: '选择省份简称' }).getAttribute('aria-pressed'), SETTLED).toBe('true');
        expect(await page.getByRole('alert').count()).toBe(0);
        const { keys } = await bottomRow(page);
        expect(keys.map((k) => k.label)).toEqual(expect.arrayContaining(['琼', '删除', '完成']));
        await expect.poll(() => bottomRowProblems(page, 'provinces, no message'), SETTLED).toEqual([]);
        await keyboard().getByRole('button', { name: 'A–Z 0–9' }).tap();
        await expect.poll(() => bottomRowProblems(page, 'letters, no message'), SETTLED).toEqual([]);
      });

      it('keeps the bottom row on screen and under no bar with a message under the plate, before and after opening', async () => {
        // A message shown before the keyboard opens.
        await vehicleStep('粤B12');
        await expectVisible(page.getByRole('alert').filter({ hasText: '车牌应为 7 位' }));
        await openKeyboard();
        await expect.poll(() => bottomRowProblems(page, 'letters, message before opening'), SETTLED).toEqual([]);
        // A message that appears while the keyboard is open pushes it down: still in view.
        await vehicleStep('粤B12345');
        expect(await page.getByRole('alert').count()).toBe(0);
        await openKeyboard();
        await keyboard().getByRole('button', { name: '删除' }).tap();
        await expectVisible(page.getByRole('alert').filter({ hasText: '车牌应为 7 位' }));
        await expect.poll(() => bottomRowProblems(page, 'letters, message after opening'), SETTLED).toEqual([]);
        await keyboard().getByRole('button', { name: '选择省份简称' }).tap();
        await expect.poll(() => bottomRowProblems(page, 'provinces, message after opening'), SETTLED).toEqual([]);
      });

      it('gives every control of the check-in steps, the job list and the card sections at least 44×44 px', async () => {
        const offenders: string[] = [];
        const fewControls: string[] = [];
        const measure = async (where: string) => {
          const found = await smallControls(page, where);
          offenders.push(...found.offenders);
          // The app bar alone has 4 or more; a page of its own adds at least a few.
          if (found.measured < 6) fewControls.push(`${where}: only ${found.measured} controls`);
        };
        for (const step of CHECK_IN_STEPS) {
          await page.goto(`${draftUrl}/${step}`);
          await page.locator('main h2').first().waitFor();
          await measure(`check-in ${step}`);
          if (step === 'vehicle') {
            await openKeyboard();
            await measure('check-in vehicle, plate keyboard (provinces)');
            await keyboard().getByRole('button', { name: 'A–Z 0–9' }).tap();
            await measure('check-in vehicle, plate keyboard (letters)');
          }
        }
        await page.goto(tablet.url);
        await expectVisible(page.getByRole('link', { name: /粤B52013/ }));
        await measure('job list');
        for (const section of CARD_SECTIONS) {
          await page.goto(`${tablet.url}/jobs/${seeded.jobId}/${section}`);
          await page.locator('main h2, main h3').first().waitFor();
          await measure(`card ${section}`);
        }
        expect(fewControls).toEqual([]);
        expect(offenders, `controls smaller than ${MIN_TARGET_PX}×${MIN_TARGET_PX} px:\n${offenders.join('\n')}`).toEqual([]);
      });
    });
  }

  // The dialogs are opened once and measured in both orientations where they are (a PIN is set
  // only once, and customer mode is left only by it).
  it('gives every control of the photo viewer, annotate, the PIN dialogs and customer mode with its photos at least 44×44 px, in both orientations', async () => {
    const offenders: string[] = [];
    const fewControls: string[] = [];
    const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
    /** The controls inside `within` at 1280×800 and at 800×1280; at least `least` of them. */
    const measure = async (where: string, least: number, within = '[role="dialog"]') => {
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        const found = await smallControls(page, `${where}, ${viewport.name}`, within);
        offenders.push(...found.offenders);
        if (found.measured < least) fewControls.push(`${where}, ${viewport.name}: only ${found.measured} of ${least} controls`);
      }
    };

    // The photo viewer, from a thumbnail of the mark's photos on the walk-around step.
    await page.goto(`${tablet.url}/jobs/${seeded.jobId}/walkaround`);
    await page.getByRole('button', { name: '划痕（轻），左侧', exact: true }).tap();
    const editor = page.getByRole('region', { name: '编辑损伤' });
    await editor.getByRole('region', { name: '损伤照片' }).getByRole('button', { name: '查看照片 1' }).tap();
    const viewer = dialog(/^照片 \d+\/\d+$/);
    await expectVisible(viewer.getByText('1 / 2'));
    await measure('photo viewer (标注, 删除照片, 关闭, ‹ ›)', 5);
    // 删除照片 offers 撤销 in a snackbar; undone, the photo is back.
    await viewer.getByRole('button', { name: '删除照片' }).tap();
    await expectVisible(viewer.getByRole('status').filter({ hasText: '撤销' }));
    await measure('photo viewer, deleted (撤销)', 4);
    await viewer.getByRole('button', { name: '撤销' }).tap();
    await expectVisible(viewer.getByText('1 / 2'));
    // Annotate: the tools, 撤销一笔, 取消, 保存标注; a stroke saved gives the 原图 switch.
    await viewer.getByRole('button', { name: '标注' }).tap();
    const canvas = viewer.getByRole('img', { name: '标注' });
    await expectVisible(canvas);
    await measure('annotate', 6);
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the annotate canvas is not laid out');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    await viewer.getByRole('button', { name: '保存标注' }).tap();
    await expectVisible(viewer.getByRole('button', { name: '原图' }));
    await measure('photo viewer, annotated photo (原图)', 6);
    await viewer.getByRole('button', { name: '关闭' }).tap();
    await expectHidden(viewer);

    // The hand-over: the PIN set first, then customer mode with the photos signed for.
    await page.goto(`${tablet.url}/jobs/${seeded.jobId}/signing`);
    await page.getByRole('button', { name: /^✍ 请客户签字（\d 份）$/ }).tap();
    const setup = dialog('设置顾问解锁 PIN');
    await expectVisible(setup);
    await measure('PIN setup dialog', 4);
    await setup.getByLabel('新 PIN（4–8 位数字）', { exact: true }).fill(PIN);
    await setup.getByLabel('再次输入 PIN', { exact: true }).fill(PIN);
    await setup.getByRole('button', { name: '保存 PIN 并交给客户' }).tap();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/customer');
    await expectVisible(page.getByRole('button', { name: '照片 1' }));
    // The whole screen the customer has: the bar (语言, 顾问解锁), the review with its photos, the pad.
    await measure('customer mode, check-in review', 6, '.customer-mode');
    await page.getByRole('button', { name: '照片 1' }).tap();
    await expectVisible(dialog('照片 1'));
    await measure('customer mode, review photo', 1);
    await dialog('照片 1').getByRole('button', { name: '关闭' }).tap();
    await expectHidden(dialog('照片 1'));
    await page.getByRole('button', { name: '顾问解锁' }).tap();
    const unlock = dialog('顾问解锁');
    await expectVisible(unlock);
    await measure('PIN unlock dialog', 14);
    await unlock.getByRole('button', { name: '取消' }).tap();
    await expectHidden(unlock);
    // Signed, the tablet goes back to the advisor: the PIN pad on the thank-you screen.
    await drawSignature(page, page.getByRole('img', { name: '签名区' }));
    await page.getByRole('button', { name: /确认签字/ }).tap();
    await expectVisible(page.getByRole('heading', { name: '谢谢，签字已保存' }));
    await measure('customer mode, signed (PIN pad)', 13, '.customer-mode');
    for (const digit of PIN) await page.locator('.return-pin').getByRole('button', { name: digit, exact: true }).tap();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe(`/jobs/${seeded.jobId}/signing`);

    expect(fewControls).toEqual([]);
    expect(offenders, `controls smaller than ${MIN_TARGET_PX}×${MIN_TARGET_PX} px:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('says so under the plate, VIN and phone when it turned full-width characters half-width', async () => {
    await page.setViewportSize({ width: 800, height: 1280 });
    const note = (label: string) => page.locator('.field').filter({ has: field(label) }).getByRole('status').filter({ hasText: '已将全角字符转为半角' });
    await vehicleStep('粤Ｂ１２３４５');
    await expectValue(field('车牌号'), '粤B12345');
    await expectVisible(note('车牌号'));
    await field('车架号/VIN').fill('ＬＧＢＨ５２Ｅ０７ＰＹ０００１２３');
    await field('车架号/VIN').blur();
    await expectValue(field('车架号/VIN'), 'LGBH52E07PY000123');
    await expectVisible(note('车架号/VIN'));
    // Typed again without full-width characters: nothing to say.
    await field('车牌号').fill('粤B12346');
    await field('车牌号').blur();
    await expectHidden(note('车牌号'));
    await page.goto(`${draftUrl}/customer`);
    await field('联系电话').fill('＋８５２\u3000９１２３\u3000４５６７');
    await field('联系电话').blur();
    await expectValue(field('联系电话'), '+85291234567');
    await expectVisible(note('联系电话'));
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
