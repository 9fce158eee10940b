// 质检 and 交车 at the car, offline, in the built app on Debian's Chromium. The checked-in card
// (four check-in marks with 20 photos, covers, belongings, 旧件 带走, 洗车) is made in Node by
// the app's own repos on fake-indexeddb and written row for row into the tablet's IndexedDB,
// so the test starts at the car instead of re-typing a check-in. Then: the handover opens
// with every thumbnail decoded (timed), one mark confirmed unchanged and the rest at once, a
// check-in photo seen read-only, new damage marked as found at handover with a photo (also
// distinct on the check-in walk-around), mileage and fuel flagged against check-in, covers off,
// belongings and 旧件 back; 质检 blocked by a failed item and released with a reason. All of
// it is in IndexedDB and on screen after a reload.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Handover } from '../../src/shared/handover.ts';
import type { QualityCheck } from '../../src/shared/quality-check.ts';
import type { Damage, Photo } from '../../src/shared/walkaround.ts';
import { armClickStart } from '../bench/click-clock.ts';
import { makeCameraJpegs } from './support/camera-jpegs.ts';
import { expectHidden, expectVisible } from './support/expect-ui.ts';
import { openAppTablet, type AppTablet } from '../bench/bench-browser.ts';
import { newProfileDir, waitForServiceWorker } from './support/browser.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { seedCheckedInCard, writeSeededCard, type SeededCard } from './support/seed-checked-in-card.ts';

type StoredJob = { id: string; damages: Record<string, Damage>; photos: Record<string, Photo>; handover: Handover; qualityCheck: QualityCheck };

const MARKS = [
  { view: 'left', type: 'scratch', label: '划痕（轻），左侧' },
  { view: 'front', type: 'dent', label: '凹陷（轻），车头' },
  { view: 'rear', type: 'chip', label: '掉漆（轻），车尾' },
  { view: 'top', type: 'crack', label: '裂纹（轻），俯视' },
] as const;
const PHOTOS_PER_MARK = 5;

/** From the click on the handover tab to the last check-in thumbnail decoded, in ms. */
function handoverDecodedMs(page: Page, thumbnails: number): Promise<{ ms: number; widths: number[] }> {
  return page.evaluate(async (count) => {
    const imgs = () => [...document.querySelectorAll<HTMLImageElement>('.checkin-checks img')];
    while (imgs().filter((img) => img.src).length < count) await new Promise((r) => requestAnimationFrame(r));
    await Promise.all(imgs().map((img) => img.decode()));
    const clickAt = window.benchClickAt ?? Number.NaN;
    return { ms: performance.now() - clickAt, widths: imgs().map((img) => img.naturalWidth) };
  }, thumbnails);
}

describe('handover at the car, offline', () => {
  let tablet: AppTablet | undefined;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let url: string;
  let seeded: SeededCard;
  let jpegs: string[];
  const files = newProfileDir();
  const stored = async (): Promise<StoredJob> => {
    const { jobs } = await readObjectStores<{ jobs: StoredJob }>(page, ['jobs']);
    const job = jobs.find((j) => j.id === seeded.jobId);
    if (!job) throw new Error('the seeded card is not on the tablet');
    return job;
  };
  const checkRow = (label: string) => page.getByRole('listitem', { name: label, exact: true });

  beforeAll(async () => {
    [seeded, jpegs] = await Promise.all([seedCheckedInCard({ marks: MARKS, photosPerMark: PHOTOS_PER_MARK }), makeCameraJpegs(files.dir, 1)]);
    // Reached by a host name, not 127.0.0.1, where Dexie turns its debug mode on (no tablet runs
    // in it, and it would slow every read the timing below includes).
    tablet = await openAppTablet('handover at the car');
    ({ context, page, errors, origin: url } = tablet);
    await page.goto(url);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: /新建接车单/ }).waitFor();
    await writeSeededCard(page, seeded);
    await context.setOffline(true);
  });

  afterAll(async () => {
    await tablet?.close();
    files.remove();
  });

  it('opens the handover of a card with 20 check-in photos with every thumbnail decoded, fast', async () => {
    const runs: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${url}/jobs/${seeded.jobId}/status`);
      const tab = page.getByRole('navigation').getByRole('button', { name: /^(handover|交车)$/ });
      await expectVisible(tab);
      await armClickStart(page);
      await tab.tap();
      const { ms, widths } = await handoverDecodedMs(page, MARKS.length * PHOTOS_PER_MARK);
      expect(widths).toEqual(Array.from({ length: 20 }, () => 240));
      runs.push(ms);
    }
    const median = [...runs].sort((a, b) => a - b)[2] ?? Number.NaN;
    console.info(`handover with 20 check-in thumbnails decoded: median ${median.toFixed(0)} ms, runs ${runs.map((ms) => ms.toFixed(0)).join(', ')}`);
    // The target is 300 ms; this bound only catches a screen that decodes full-size photos up
    // front or waits on something, without flaking on a busy 2-core machine.
    expect(median).toBeLessThan(2_000);
  });

  it('confirms one mark unchanged, then the rest at once', async () => {
    await checkRow(MARKS[0].label).getByRole('button', { name: `无变化 · ${MARKS[0].label}` }).tap();
    await expectVisible(checkRow(MARKS[0].label).getByText(/✓ 无变化 · \d\d:\d\d/));
    await page.getByRole('button', { name: '其余 3 处全部无变化' }).tap();
    await expectVisible(page.getByText('接车时记录的损伤已全部确认无变化。'));
    const { handover, damages } = await stored();
    expect(Object.keys(handover.damageChecks).sort()).toEqual(Object.keys(damages).sort());
  });

  it('shows a check-in photo large, for looking only', async () => {
    await checkRow(MARKS[1].label).getByRole('button', { name: '查看照片 2' }).tap();
    const viewer = page.getByRole('dialog');
    await expectVisible(viewer.getByText('2 / 5'));
    await expectHidden(viewer.getByRole('button', { name: '删除照片' }));
    await expectHidden(viewer.getByRole('button', { name: '标注' }));
    await viewer.getByRole('button', { name: '关闭' }).tap();
    await expectHidden(viewer);
  });

  it('marks new damage as found at handover, with a photo, apart from the check-in marks', async () => {
    await page.getByRole('group', { name: '右侧车身图' }).click({ position: { x: 150, y: 60 } });
    await page.getByRole('button', { name: '凹陷 · 轻', exact: true }).tap();
    const label = '交车时发现：凹陷（轻），右侧';
    await expectVisible(page.getByRole('button', { name: label }));
    await page.getByLabel(`从相册选择 · ${label}`).setInputFiles(jpegs[0] ?? '');
    await expect.poll(async () => Object.values((await stored()).photos).length, { timeout: 30_000 }).toBe(21);
    const job = await stored();
    const found = Object.values(job.damages).filter((d) => d.stage === 'handover');
    expect(found.map((d) => [d.view, d.type])).toEqual([['right', 'dent']]);
    expect(Object.values(job.photos).filter((p) => p.damageId === found[0]?.id)).toHaveLength(1);
    expect(await page.getByRole('button', { name: label }).locator('.damage-dot').getAttribute('class')).toContain('damage-dot-handover');
    await expectVisible(page.getByRole('heading', { name: '交车时发现（1）' }));
    await page.getByRole('button', { name: '完成' }).tap();
  });

  it('reads mileage and fuel against check-in and flags what a road test does not explain', async () => {
    await page.getByLabel('交车时行驶里程（km）').fill('42,100');
    await page.getByLabel('交车时行驶里程（km）').blur();
    await expectVisible(page.getByRole('alert').filter({ hasText: '比接车时多行驶 100 km，超出路试范围' }));
    await page.getByRole('radiogroup', { name: '交车时燃油量 · 油表' }).getByRole('radio', { name: '1/4' }).tap();
    await expectVisible(page.getByRole('alert').filter({ hasText: '燃油/电量低于接车时（1/2）' }));
    await expect.poll(async () => (await stored()).handover.odometerKm).toBe(42_100);
    expect((await stored()).handover.fuel).toEqual({ kind: 'gauge', eighths: 2 });
  });

  it('takes the covers off with their times, gives back the belongings and the old parts', async () => {
    await page.getByRole('button', { name: /座椅套/ }).tap();
    await expectVisible(page.getByRole('button', { name: /座椅套.*取下于 \d\d:\d\d/ }));
    await page.getByRole('button', { name: '全部取下' }).tap();
    await expectVisible(page.getByRole('button', { name: /脚垫.*取下于/ }));
    await expectHidden(page.getByRole('button', { name: /换挡杆套/ })); // not fitted at check-in
    await page.getByRole('button', { name: /备胎/ }).tap();
    await page.getByRole('button', { name: '旧件已交给客户' }).tap();
    await expect.poll(async () => (await stored()).handover.oldPartsDone).toBe(true);
    const { handover } = await stored();
    expect(Object.keys(handover.coversRemoved).sort()).toEqual(['floorMat', 'seat']);
    expect(handover.belongingsReturned).toEqual({ spareTyre: true });
  });

  it('shows the handover mark apart on the check-in walk-around too', async () => {
    await page.goto(`${url}/jobs/${seeded.jobId}/walkaround`);
    const marker = page.getByRole('button', { name: '交车时发现：凹陷（轻），右侧' });
    await expectVisible(marker);
    expect(await marker.locator('.damage-dot').getAttribute('class')).toContain('damage-dot-handover');
    await expectVisible(page.getByRole('button', { name: /凹陷 · 轻 · 右侧.*交车时发现/ }));
    expect(await page.getByRole('button', { name: MARKS[0].label, exact: true }).locator('.damage-dot-handover').count()).toBe(0);
  });

  it('质检: a failed item blocks 待交车 until released with a reason', async () => {
    await page.goto(`${url}/jobs/${seeded.jobId}/qc`);
    await page.getByRole('radiogroup', { name: '施工项目已完成' }).getByRole('radio', { name: '合格', exact: true }).tap();
    await page.getByRole('radiogroup', { name: '路试' }).getByRole('radio', { name: '不合格' }).tap();
    await expectVisible(page.getByText('路试：不合格'));
    await expectVisible(page.getByText('洗车：未检查')); // 洗车 was ordered
    await expectHidden(page.getByRole('radiogroup', { name: '施工项目已完成' }).getByRole('radio', { name: '不适用' }));
    await expectHidden(page.getByRole('radiogroup', { name: '洗车' }).getByRole('radio', { name: '不适用' })); // ordered: never n/a
    await expectVisible(page.getByRole('radiogroup', { name: '路试' }).getByRole('radio', { name: '不适用' }));
    await page.getByRole('button', { name: '放行并记录原因' }).tap();
    await expectVisible(page.getByRole('alert').filter({ hasText: '请填写放行原因，未保存' }));
    await page.getByLabel('放行原因（必填）').fill('路试异响为轮胎花纹噪音，已与客户说明');
    await page.getByRole('button', { name: '放行并记录原因' }).tap();
    await expectVisible(page.getByText(/已放行：路试异响为轮胎花纹噪音，已与客户说明（本机，/));
    const { qualityCheck } = await stored();
    expect(qualityCheck.items.roadTest?.result).toBe('fail');
    expect(qualityCheck.override?.reason).toBe('路试异响为轮胎花纹噪音，已与客户说明');
  });

  it('keeps everything after a reload', async () => {
    await page.reload();
    await expectVisible(page.getByText(/已放行：路试异响/));
    await page.goto(`${url}/jobs/${seeded.jobId}/handover`);
    await expectVisible(page.getByText('接车时记录的损伤已全部确认无变化。'));
    await expectVisible(page.getByRole('button', { name: '交车时发现：凹陷（轻），右侧' }));
    await expectVisible(page.getByRole('alert').filter({ hasText: '比接车时多行驶 100 km' }));
    await expectVisible(page.getByRole('button', { name: /脚垫.*取下于/ }));
    expect(errors).toEqual([]);
  });
});
