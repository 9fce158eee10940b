// The walk-around opens with the diagram ready for the first tap (issue 11: nothing that makes
// the advisor scroll to find the next control). On the built app in Chromium, at 1280×800 and
// 800×1280, on a new card and on a returning car's card (上次记录 beside the diagram), with the
// storage meter and with its low-storage banner: the spot of the 左侧 view the taps bench taps
// first is on screen and a tap there reaches the view, not the sticky step bar or the app bar.
// In landscape the whole diagram is in view, and so is 全部无变化 on the returning car.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectVisible } from './support/expect-ui.ts';
import { newProfileDir, waitForServiceWorker } from './support/browser.ts';
import { seedCheckedInCard, writeSeededCard, type SeededCard } from './support/seed-checked-in-card.ts';
import { closeTablet, openTablet, type TabletSession } from './support/tablet-session.ts';

const VIEWPORTS = [
  { name: 'landscape 1280×800', width: 1280, height: 800, wholeDiagram: true },
  { name: 'portrait 800×1280', width: 800, height: 1280, wholeDiagram: false },
] as const;
// Where tests/bench/taps-bench.ts (run.ts's standard check-in) taps the 左侧 view first.
const FIRST_TAP = { x: 200, y: 70 };
const LOW_STORAGE_FLAG = 'walkaround-fold-low-storage';
const VIEWS = ['左侧', '车头', '车尾', '右侧', '俯视'] as const;

const diagram = (page: Page, view: string) => page.getByRole('group', { name: `${view}车身图`, exact: true });

/**
 * What keeps a tap at `at` (relative to the element's box; its centre without) from reaching
 * the element: off screen, or something else drawn there (named by its element and classes).
 * Null when a tap there reaches it.
 */
function blockedAt(target: Locator, at?: { x: number; y: number }): Promise<string | null> {
  return target.evaluate((element, point) => {
    const box = element.getBoundingClientRect();
    const x = point ? box.left + point.x : box.left + box.width / 2;
    const y = point ? box.top + point.y : box.top + box.height / 2;
    const where = `(${Math.round(x)}, ${Math.round(y)}) in ${window.innerWidth}×${window.innerHeight}, scrolled ${Math.round(window.scrollY)}`;
    if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) return `off screen at ${where}`;
    const hit = document.elementFromPoint(x, y);
    if (hit !== null && (hit === element || element.contains(hit))) return null;
    const cover = hit?.closest('.step-nav, .app-bar, header, nav') ?? hit;
    return `under <${cover?.tagName.toLowerCase() ?? 'nothing'} class="${cover?.getAttribute('class') ?? ''}"> at ${where}`;
  }, at);
}

/** The element's box against the band between the sticky bars: null when it is wholly inside. */
function outsideBand(target: Locator): Promise<string | null> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = Math.max(0, ...[...document.querySelectorAll('.app-bar')].map((bar) => bar.getBoundingClientRect().bottom));
    const bottom = Math.min(window.innerHeight, ...[...document.querySelectorAll('.step-nav')].map((bar) => bar.getBoundingClientRect().top));
    if (box.top >= top - 0.5 && box.bottom <= bottom + 0.5) return null;
    return `box ${Math.round(box.top)}–${Math.round(box.bottom)} px, the band between the bars ${Math.round(top)}–${Math.round(bottom)} px`;
  });
}

describe('the walk-around opens with the diagram in view', () => {
  let tablet: TabletSession;
  let page: Page;
  let seeded: SeededCard;
  const cards = { fresh: '', returning: '' };
  const profile = newProfileDir();
  const step = (name: RegExp) => page.getByRole('navigation').getByRole('button', { name });

  async function newCard(plate?: string): Promise<string> {
    await page.goto(tablet.url);
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await step(/车辆/).tap();
    const field = page.getByLabel('车牌号', { exact: true });
    await field.waitFor();
    if (plate !== undefined) {
      await field.fill(plate);
      await field.blur();
    }
    return page.url().replace(/\/[a-z]+$/, '');
  }

  beforeAll(async () => {
    seeded = await seedCheckedInCard({
      marks: [
        { view: 'left', type: 'scratch' },
        { view: 'front', type: 'dent' },
        { view: 'rear', type: 'chip' },
      ],
      photosPerMark: 1,
    });
    tablet = await openTablet(profile.dir);
    page = tablet.page;
    // A tablet nearly full when the flag is set: 50 MB free, under the 200 MB photo floor.
    await tablet.context.addInitScript((flag) => {
      if (sessionStorage.getItem(flag) !== '1') return;
      const estimate = () => Promise.resolve({ usage: 950_000_000, quota: 1_000_000_000 });
      Object.defineProperty(navigator.storage, 'estimate', { value: estimate, configurable: true });
    }, LOW_STORAGE_FLAG);
    await page.goto(tablet.url);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: /新建接车单/ }).waitFor();
    await writeSeededCard(page, seeded);
    cards.fresh = await newCard();
    cards.returning = await newCard('粤B52013');
  });

  afterAll(async () => {
    await closeTablet(tablet ?? {}, profile);
  });

  for (const viewport of VIEWPORTS) {
    describe(viewport.name, () => {
      beforeAll(async () => {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
      });

      for (const card of ['fresh', 'returning'] as const) {
        for (const lowStorage of [false, true]) {
          const what = `${card === 'fresh' ? 'a new card' : 'a returning car (上次记录)'}, ${lowStorage ? 'the low-storage banner' : 'the storage meter'}`;
          it(`has the 左侧 view's first tap spot in view and under no bar: ${what}`, async () => {
            await page.evaluate(([flag, on]) => (on ? sessionStorage.setItem(flag, '1') : sessionStorage.removeItem(flag)), [LOW_STORAGE_FLAG, lowStorage ? '1' : ''] as const);
            await page.goto(`${cards[card]}/walkaround`);
            // Everything that can come in above or beside the diagram after the first render.
            await expectVisible(page.locator('.storage-meter'));
            if (lowStorage) await expectVisible(page.getByRole('alert').filter({ hasText: '存储空间不足' }));
            else expect(await page.getByRole('alert').count()).toBe(0);
            const unchanged = page.getByRole('button', { name: /^全部无变化/ });
            if (card === 'returning') await expectVisible(unchanged);
            else expect(await page.getByText('上次记录').count()).toBe(0);

            expect(await blockedAt(diagram(page, '左侧'), FIRST_TAP)).toBeNull();
            if (viewport.wholeDiagram) {
              for (const view of VIEWS) expect(await outsideBand(diagram(page, view)), `${view} view`).toBeNull();
              if (card === 'returning') expect(await blockedAt(unchanged)).toBeNull();
            }
          });
        }
      }
    });
  }
});
