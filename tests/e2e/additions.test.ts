// 追加项目 in the browser: the advisor adds two additional lines to a checked-in card (one
// with a photo of the worn part) and proposes a new promised time; the customer approves one
// and declines the other on the tablet and signs once; the declined one is on the 建议项目表,
// the approved one joins the estimate. A second round of two lines counts the taps from the
// hand-over to the card back in the advisor's hands (the issue asks ≤ 8 with the PIN), and a
// third line is confirmed by phone and shown as such, never as a signature.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/db/database.ts';
import { checkedInJob, JOB_ID } from '../unit/support/work-job.ts';
import { newProfileDir } from './support/browser.ts';
import { makeCameraJpegs } from './support/camera-jpegs.ts';
import { expectText, expectVisible } from './support/expect-ui.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { drawSignature } from './support/signature.ts';
import { closeTablet, openTablet, type TabletSession } from './support/tablet-session.ts';

const PIN = '2580';

type StoredApproval = { decisions: Record<string, string>; promisedAt: string | null; via: { kind: string; phone?: string; agreedBy?: string } };
type StoredJob = {
  id: string;
  additions: Record<string, { description: string }>;
  approvals: Record<string, StoredApproval>;
  signatures: Record<string, { kind: string; subjectId?: string }>;
  photos: Record<string, { additionId?: string; deletedAt: string | null }>;
};

describe('additional work decided line by line', () => {
  let session: TabletSession;
  let page: Page;
  const profile = newProfileDir();
  const photoDir = mkdtempSync(join(tmpdir(), 'additions-photos-'));
  let taps = 0;

  /** A tap the count of the second round includes. */
  async function tap(target: Locator) {
    taps += 1;
    await target.tap();
  }
  const path = () => new URL(page.url()).pathname;
  const row = (description: string) => page.getByRole('listitem').filter({ has: page.getByText(description, { exact: true }) });
  const stored = async () => (await readObjectStores<{ jobs: StoredJob }>(page, ['jobs'])).jobs.find((job) => job.id === JOB_ID);

  async function addFromCatalogue(query: string, name: RegExp, reason: string) {
    await page.getByRole('button', { name: /添加追加项目/ }).tap();
    await page.getByLabel('搜索工时/配件目录').fill(query);
    await page.getByRole('list', { name: '目录搜索结果' }).getByRole('button', { name }).tap();
    const draft = page.getByRole('form', { name: '新追加项目' });
    await draft.getByLabel('原因（车间发现了什么）').fill(reason);
    await draft.getByRole('button', { name: '保存' }).tap();
    await expectVisible(page.getByText(reason));
  }

  /** The customer's choice for one line, in customer mode. */
  const choice = (description: string, label: '同意' | '不需要') =>
    page.getByRole('group', { name: `您的选择: ${description}` }).getByRole('button', { name: new RegExp(label) });

  beforeAll(async () => {
    session = await openTablet(profile.dir);
    page = session.page;
    await page.goto(session.url);
    await page.getByRole('button', { name: /新建接车单/ }).first().waitFor({ timeout: 30_000 });
    // A checked-in card, stored as the app stores it (built by the shared reducer).
    const job = { ...checkedInJob(), searchTerms: [] };
    await page.evaluate(
      async ({ name, row }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('jobs', 'readwrite');
          tx.objectStore('jobs').put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { name: DB_NAME, row: job },
    );
  }, 120_000);

  afterAll(async () => {
    await closeTablet(session, profile);
    rmSync(photoDir, { recursive: true, force: true });
  });

  it('adds two lines with reasons, a photo of the worn part and a proposed promised time', async () => {
    await page.goto(`${session.url}/jobs/${JOB_ID}/additions`);
    await expectVisible(page.getByRole('heading', { name: '追加项目', level: 2 }));
    await addFromCatalogue('P-30001', /P-30001/, '前刹车片剩余 2 mm');
    await addFromCatalogue('P-10036', /P-10036/, '空调有异味');
    const [jpeg] = await makeCameraJpegs(photoDir, 1);
    await row('前刹车片').getByLabel('从相册选择 · 前刹车片').setInputFiles(jpeg ?? '');
    await expectVisible(row('前刹车片').getByRole('img', { name: '照片 1' }));
    await expectText(row('前刹车片'), '待客户确认');
    await page.getByRole('button', { name: /明天 17:00/ }).tap();
    const job = await stored();
    expect(Object.values(job?.photos ?? {}).filter((p) => p.additionId !== undefined && p.deletedAt === null)).toHaveLength(1);
  });

  it('lets the customer approve one and decline the other, and signs the decision once', async () => {
    await page.getByRole('button', { name: '请客户确认' }).tap();
    const dialog = page.getByRole('dialog', { name: '设置顾问解锁 PIN' });
    await dialog.getByLabel('新 PIN（4–8 位数字）', { exact: true }).fill(PIN);
    await dialog.getByLabel('再次输入 PIN', { exact: true }).fill(PIN);
    await dialog.getByRole('button', { name: '保存 PIN 并交给客户' }).tap();
    await expect.poll(path, { timeout: 15_000 }).toBe('/customer');

    await expectVisible(page.getByRole('heading', { name: '追加项目确认', level: 1 }));
    await expectVisible(page.getByText('前刹车片剩余 2 mm'));
    await expectVisible(page.getByRole('button', { name: '照片 1' }));
    await expectVisible(page.getByText(/^\d{4}-\d{2}-\d{2} 17:00$/));
    // Signing before choosing every line is refused, with the reason.
    await drawSignature(page, page.getByRole('img', { name: '签名区' }));
    await page.getByRole('button', { name: /确认签字/ }).tap();
    await expectVisible(page.getByRole('alert').filter({ hasText: '还有 2 项没有选择' }));

    const before = await page.locator('.additional-total').textContent();
    await choice('前刹车片', '同意').tap();
    await choice('空调清洗剂', '不需要').tap();
    await expect.poll(() => page.locator('.additional-total').textContent()).not.toBe(before);
    await page.getByRole('button', { name: /确认签字/ }).tap();
    await expectVisible(page.getByRole('heading', { name: /谢谢/ }));

    // A wrong PIN typed (no unlock tap) and escaped by a reload mid-entry still counts once.
    const lock = async () => JSON.parse((await page.evaluate(() => localStorage.getItem('walkaround.customerLock'))) ?? 'null') as Record<string, unknown> | null;
    for (const digit of '9999') await page.locator('.return-pin').getByRole('button', { name: digit, exact: true }).tap();
    await expect.poll(async () => (await lock())?.pendingWrong, { timeout: 15_000 }).toBe(true);
    await page.reload();
    await expectVisible(page.getByRole('heading', { name: /谢谢/ }));
    expect(await lock()).toMatchObject({ wrongPins: 1, pendingWrong: false });

    for (const digit of PIN) await page.locator('.return-pin').getByRole('button', { name: digit, exact: true }).tap();
    await expect.poll(path, { timeout: 15_000 }).toBe(`/jobs/${JOB_ID}/additions`);

    await expectText(row('前刹车片'), /已同意.*客户签字/);
    const declined = page.getByRole('region', { name: '建议项目表' });
    await expectText(declined, /空调清洗剂.*空调有异味/);
    expect(await declined.getByText('前刹车片').count()).toBe(0);

    const job = await stored();
    const rounds = Object.entries(job?.approvals ?? {});
    expect(rounds).toHaveLength(1);
    const [roundId, round] = rounds[0] ?? ['', undefined];
    expect(Object.values(round?.decisions ?? {}).sort()).toEqual(['approved', 'declined']);
    expect(round?.via.kind).toBe('signature');
    expect(round?.promisedAt).toMatch(/T17:00:00/);
    expect(Object.values(job?.signatures ?? {}).filter((s) => s.kind === 'additional').map((s) => s.subjectId)).toEqual([roundId]);
  });

  it('approves two more lines in at most 8 taps from the hand-over to the card back, PIN included', async () => {
    await addFromCatalogue('P-10001', /P-10001/, '机油乳化');
    await addFromCatalogue('L-0119', /L-0119/, '雨刮片老化');
    taps = 0;
    await tap(page.getByRole('button', { name: '请客户确认' }));
    await expect.poll(path, { timeout: 15_000 }).toBe('/customer');
    for (const group of await page.getByRole('group', { name: /您的选择/ }).all()) await tap(group.getByRole('button', { name: /同意/ }));
    await drawSignature(page, page.getByRole('img', { name: '签名区' }));
    await tap(page.getByRole('button', { name: /确认签字/ }));
    await expectVisible(page.getByRole('heading', { name: /谢谢/ }));
    for (const digit of PIN) await tap(page.locator('.return-pin').getByRole('button', { name: digit, exact: true }));
    await expect.poll(path, { timeout: 15_000 }).toBe(`/jobs/${JOB_ID}/additions`);
    console.log(`additional work: two lines approved in ${taps} taps, PIN included`);
    expect(taps).toBeLessThanOrEqual(8);
    expect(Object.keys((await stored())?.approvals ?? {})).toHaveLength(2);
  });

  it('records a phone confirmation, labelled as such, and shows approved work in the estimate', async () => {
    await addFromCatalogue('L-0108', /L-0108/, '火花塞积碳');
    await page.getByRole('button', { name: '电话确认' }).tap();
    const form = page.getByRole('form', { name: '电话确认（不是签字）' });
    await form.getByRole('button', { name: '同意' }).tap();
    await form.getByRole('button', { name: '记录电话确认' }).tap();
    await expectText(page.getByRole('listitem').filter({ hasText: '火花塞积碳' }), /已同意.*电话确认.*13812345678.*张伟.*非签字/);
    const job = await stored();
    const phone = Object.values(job?.approvals ?? {}).find((a) => a.via.kind === 'phone');
    expect(phone?.via).toMatchObject({ phone: '13812345678', agreedBy: '张伟' });
    expect(Object.values(job?.signatures ?? {}).filter((s) => s.kind === 'additional')).toHaveLength(2);

    await page.goto(`${session.url}/jobs/${JOB_ID}/estimate`);
    const group = page.getByRole('region', { name: '追加项目（已同意）' });
    await expectText(group, /前刹车片/);
    expect(await group.getByText(/空调清洗剂/).count()).toBe(0);
    await expectVisible(page.getByText('总计（含已同意追加项目）'));
  });
});
