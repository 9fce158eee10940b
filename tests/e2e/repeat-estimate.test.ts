// 按上次项目 in the built app, offline: a checked-in first visit of 粤B52013 whose estimate had
// a catalogue line at an old price and with a discount, a line typed by hand, and a code the
// catalogue no longer has. On a new card for the plate one tap adds the catalogue line at
// today's price (no discount), and the other two are listed as not added, each with why.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newProfileDir } from './support/browser.ts';
import { expectText } from './support/expect-ui.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { seedCheckedInCard } from './support/seed-checked-in-card.ts';
import { openSeededTablet, type SeededTablet } from './support/seeded-tablet.ts';

type StoredLine = { code: string; description: string; quantityMilli: number; unitPriceFen: number; discountBp: number; deletedAt: string | null };
type StoredJob = { id: string; estimate: { lines: Record<string, StoredLine> } };

const LAST_LINES: StoredLine[] = [
  { code: 'L-0101', description: '更换机油机滤', quantityMilli: 1500, unitPriceFen: 9_900, discountBp: 1000, deletedAt: null },
  { code: '', description: '检查底盘异响', quantityMilli: 1000, unitPriceFen: 5_000, discountBp: 0, deletedAt: null },
  { code: 'X-0404', description: '停产空调滤芯', quantityMilli: 1000, unitPriceFen: 8_800, discountBp: 0, deletedAt: null },
];

const step = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('button', { name });

describe('按上次项目: the last visit’s estimate in one tap', () => {
  let tablet: SeededTablet | undefined;
  let page: Page;
  let firstVisit = '';
  const profile = newProfileDir();

  beforeAll(async () => {
    const seeded = await seedCheckedInCard({ marks: [], photosPerMark: 0 });
    firstVisit = seeded.jobId;
    const card = seeded.jobs.find((job) => job.id === seeded.jobId);
    if (!card) throw new Error('the seed made no card');
    LAST_LINES.forEach((line, i) => {
      const id = `0190a0a0-0000-7000-8000-00000000000${i}`;
      card.estimate.lines[id] = { ...line, kind: 'labour', id, createdAt: `2026-11-27T09:0${i}:00.000+08:00` };
    });
    tablet = await openSeededTablet(profile.dir, seeded);
    page = tablet.page;
  });

  afterAll(async () => {
    await tablet?.close();
    profile.remove();
  });

  it('adds the catalogue line at today’s price and says why the typed line and the retired code were not added', async () => {
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await step(page, /车辆/).tap();
    await page.getByLabel('车牌号').fill('粤B52013');
    await page.getByLabel('车牌号').blur();
    await step(page, /估价单/).tap();

    const repeat = page.getByRole('region', { name: '按上次项目' });
    await expectText(repeat, '估价 3 项');
    await repeat.getByRole('button', { name: /^按上次项目 · 1 项/ }).tap();
    const done = repeat.getByRole('status');
    await expectText(done, '已按上次添加 1 项');
    await expectText(done, '检查底盘异响：上次是手填的自定义项目');
    await expectText(done, 'X-0404 停产空调滤芯：目录中已没有这个编码');

    const jobId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await expect
      .poll(async () => {
        const { jobs } = await readObjectStores<{ jobs: StoredJob }>(page, ['jobs']);
        const lines = Object.values(jobs.find((job) => job.id === jobId)?.estimate.lines ?? {});
        return lines.map((l) => `${l.code}:${l.description}:${l.quantityMilli}:${l.unitPriceFen}:${l.discountBp}`);
      })
      .toEqual(['L-0101:更换机油机滤:1500:12000:0']);
    expect(jobId).not.toBe(firstVisit);
  });
});
