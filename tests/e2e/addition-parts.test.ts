// 带料工时 in 追加项目: a labour item picked for additional work brings the parts it carries to
// the addition's form, ticked, each saved as its own line with the same reason (the customer
// decides line by line); a part unticked there is left out. In the built app, in Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedInJob, JOB_ID } from '../unit/support/work-job.ts';
import { newProfileDir } from './support/browser.ts';
import { expectVisible } from './support/expect-ui.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { writeJobRows } from './support/seed-jobs.ts';
import { closeTablet, openTablet, type TabletSession } from './support/tablet-session.ts';

type StoredAddition = { code: string; description: string; reason: string; quantityMilli: number; deletedAt: string | null };
type StoredJob = { id: string; additions: Record<string, StoredAddition> };

describe('a labour item with its parts, added as additional work', () => {
  let session: TabletSession;
  let page: Page;
  const profile = newProfileDir();

  const stored = async () => (await readObjectStores<{ jobs: StoredJob }>(page, ['jobs'])).jobs.find((job) => job.id === JOB_ID);
  const live = async () => Object.values((await stored())?.additions ?? {}).filter((line) => line.deletedAt === null);
  const draft = () => page.getByRole('form', { name: '新追加项目' });
  const partChip = () => draft().getByRole('group', { name: /随同追加的配件/ }).getByRole('button', { name: /前刹车片 ×1/ });

  /** Picks 更换前刹车片 (L-0201, which carries P-30001 前刹车片 ×1) for a new additional line. */
  async function pickBrakeJob() {
    await page.getByRole('button', { name: /添加追加项目/ }).tap();
    await page.getByLabel('搜索工时/配件目录').fill('L-0201');
    const result = page.getByRole('list', { name: '目录搜索结果' }).getByRole('button', { name: /L-0201/ });
    // The row says what comes with it, as in the estimate's picker.
    await expectVisible(result.getByText(/含 前刹车片 ×1/));
    await result.tap();
    await expectVisible(draft());
  }

  beforeAll(async () => {
    session = await openTablet(profile.dir);
    page = session.page;
    await page.goto(session.url);
    await page.getByRole('button', { name: /新建接车单/ }).first().waitFor({ timeout: 30_000 });
    // A checked-in card, stored as the app stores it (built by the shared reducer).
    await writeJobRows(page, [{ ...checkedInJob(), searchTerms: [] }]);
    await page.goto(`${session.url}/jobs/${JOB_ID}/additions`);
    await page.getByRole('heading', { name: '追加项目', level: 2 }).waitFor();
  }, 120_000);

  afterAll(() => closeTablet(session, profile));

  it('saves the labour and its ticked part as two lines with the same reason', async () => {
    await pickBrakeJob();
    expect(await partChip().getAttribute('aria-pressed')).toBe('true');
    await draft().getByLabel('原因（车间发现了什么）').fill('前刹车片剩余 2 mm');
    await draft().getByRole('button', { name: '保存' }).tap();
    await expect
      .poll(async () => (await live()).map(({ code, reason, quantityMilli }) => ({ code, reason, quantityMilli })).sort((a, b) => a.code.localeCompare(b.code)))
      .toEqual([
        { code: 'L-0201', reason: '前刹车片剩余 2 mm', quantityMilli: 1000 },
        { code: 'P-30001', reason: '前刹车片剩余 2 mm', quantityMilli: 1000 },
      ]);
  });

  it('leaves out a part unticked on the form', async () => {
    await pickBrakeJob();
    await partChip().tap();
    expect(await partChip().getAttribute('aria-pressed')).toBe('false');
    await draft().getByLabel('原因（车间发现了什么）').fill('后刹车异响，只换工时');
    await draft().getByRole('button', { name: '保存' }).tap();
    await expect.poll(async () => (await live()).filter((line) => line.reason === '后刹车异响，只换工时').map((line) => line.code)).toEqual(['L-0201']);
    expect(await live()).toHaveLength(3);
  });
});
