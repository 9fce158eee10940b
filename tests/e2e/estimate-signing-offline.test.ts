// The estimate and the customer's signatures with no network: the advisor builds the 估价单
// from the catalogue (pinyin initials, code, Chinese name; a labour item brings its usual parts
// in the same tap, and its undo takes them all back) and hands the tablet over once in
// customer mode for both documents: the customer reviews the check-in condition (on the
// diagram) and signs it, then the estimate, with the pad in view at both orientations however
// long the review; tries to get out (back, reload, typed URLs) and cannot; and one advisor PIN
// brings the card back with both signatures. A later price change makes the estimate's
// signature stale, and the printed customer copy carries the Chinese text and the ink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectHidden, expectText, expectVisible } from './support/expect-ui.ts';
import { newProfileDir, waitForServiceWorker, type AppServer } from './support/browser.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { summarizePdf } from './support/pdf.ts';
import { drawShortLine, drawSignature } from './support/signature.ts';
import { closeTablet, openTablet } from './support/tablet-session.ts';

const CUSTOMER = '王芳';
const PIN = '2580';

type StoredLine = { kind: 'labour' | 'part'; code: string; description: string; quantityMilli: number; unitPriceFen: number; discountBp: number; deletedAt: string | null };
type StoredSignature = { id: string; kind: string; signerName: string; signedAt: string; pngSha256: string; strokesSha256: string };
type Stored = { lines: StoredLine[]; signatures: StoredSignature[]; strokeCounts: Record<string, number> };

/** Reads the card straight from IndexedDB: its live estimate lines and its signatures. */
async function readStored(page: Page, jobId: string): Promise<Stored> {
  type Row = { id: string; estimate: { lines: Record<string, StoredLine> }; signatures: Record<string, StoredSignature> };
  const { jobs, blobs } = await readObjectStores<{ jobs: Row; blobs: { sha256: string; bytes: Uint8Array } }>(page, ['jobs', 'blobs']);
  const job = jobs.find((row) => row.id === jobId);
  const signatures = Object.values(job?.signatures ?? {});
  // The stroke data of each signature, as stored: a JSON blob named by its hash.
  const strokeCounts: Record<string, number> = {};
  for (const signature of signatures) {
    const blob = blobs.find((b) => b.sha256 === signature.strokesSha256);
    if (blob) strokeCounts[signature.id] = (JSON.parse(new TextDecoder().decode(blob.bytes)) as unknown[]).length;
  }
  return { lines: Object.values(job?.estimate.lines ?? {}).filter((line) => line.deletedAt === null), signatures, strokeCounts };
}

/** Half-up division of non-negative integers, in integers only. */
const divideHalfUp = (numerator: number, denominator: number) => {
  const remainder = numerator % denominator;
  return (numerator - remainder) / denominator + (2 * remainder >= denominator ? 1 : 0);
};

/** The 总计 of stored lines, recomputed here independently of the app, in integer 分. */
function totalFen(lines: StoredLine[]): number {
  let total = 0;
  for (const line of lines) {
    expect(Number.isSafeInteger(line.unitPriceFen) && Number.isSafeInteger(line.quantityMilli) && Number.isSafeInteger(line.discountBp)).toBe(true);
    const gross = divideHalfUp(line.unitPriceFen * line.quantityMilli, 1000);
    total += gross - divideHalfUp(gross * line.discountBp, 10_000);
  }
  return total;
}

/** ¥1,234.50, written out here rather than borrowed from the app. */
function yuan(fen: number): string {
  const whole = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `¥${whole}.${String(fen % 100).padStart(2, '0')}`;
}

/** Message keys shown as such ("signing.title"): a string missing from src/ui/messages. */
const rawMessageKeys = (page: Page) => page.evaluate(() => document.body.innerText.match(/\b[a-z]+(?:\.[a-zA-Z]+)+\b/g) ?? []);

/** What the desk's clock showed at an instant: "2026-11-27 14:30" in Beijing time. */
const shopTime = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

describe('estimate and customer signature, offline', () => {
  let server: AppServer;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let jobId = '';
  /** The print view's section headings and any raw message keys on it, read while it is open. */
  let printHeadings: string[] = [];
  let printRawKeys: string[] = [];
  const profile = newProfileDir();

  const step = (name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
  const search = () => page.getByLabel('搜索工时/配件目录');
  const results = () => page.getByRole('list', { name: '目录搜索结果' });
  const line = (description: string) => page.getByRole('listitem', { name: description, exact: true });
  const totalShown = () =>
    page
      .getByRole('region', { name: '估价合计' })
      .locator('div')
      .filter({ has: page.getByRole('term').filter({ hasText: /^总计$/ }) })
      .getByRole('definition');
  const estimateCard = () => page.getByRole('region', { name: '估价确认' });
  const checkinCard = () => page.getByRole('region', { name: '接车确认' });
  const progress = () => page.getByRole('navigation', { name: '签字进度' });
  const pad = () => page.getByRole('img', { name: '签名区' });
  const path = () => new URL(page.url()).pathname;

  async function addFromCatalogue(query: string, row: RegExp, description: string) {
    await search().fill(query);
    await results().getByRole('button', { name: row }).tap();
    await expectVisible(page.getByRole('status').filter({ hasText: `已添加：${description}` }));
    await expectVisible(line(description));
  }

  /** The customer screen and nothing of the app: no title link, no step bar, no job list. */
  async function expectLockedOnCustomerScreen(heading = '估价确认', place = '第 2 份，共 2 份') {
    await expect.poll(path, { timeout: 15_000 }).toBe('/customer');
    await expectVisible(page.getByRole('heading', { name: heading, level: 1 }));
    await expectText(progress(), place);
    await expectVisible(pad());
    await expectVisible(page.getByText('客户模式 · 仅服务顾问可解锁'));
    expect(await page.getByRole('link', { name: '电子接车单' }).count()).toBe(0);
    // The only navigation is the customer's own progress through the documents.
    expect(await page.getByRole('navigation').count()).toBe(1);
    expect(await page.getByRole('button', { name: /新建接车单/ }).count()).toBe(0);
  }

  /** The pad's whole box inside the viewport, with no scrolling, while the review beside it scrolls. */
  async function expectPadInViewWithLongReview() {
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    const review = page.locator('.customer-review');
    // The review is longer than its pane: the case where a pad below it would scroll away.
    await expect.poll(() => review.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(100);
    for (const at of ['top', 'bottom'] as const) {
      await review.evaluate((el, end) => el.scrollTo(0, end === 'top' ? 0 : el.scrollHeight), at);
      const box = await pad().boundingBox();
      if (!box) throw new Error('the pad has no box');
      expect(box.height).toBeGreaterThanOrEqual(150);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      // And the confirm button too: signing needs no scroll at all.
      const submit = await page.getByRole('button', { name: /确认签字/ }).boundingBox();
      expect(submit && submit.y + submit.height).toBeLessThanOrEqual(viewport.height);
    }
    // The page itself never scrolled: the pad is where it was put.
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  }

  /** At 1280×800 and 800×1280 in turn, then back to the tablet's portrait. */
  async function atBothOrientations(check: () => Promise<void>) {
    for (const size of [{ width: 1280, height: 800 }, { width: 800, height: 1280 }]) {
      await page.setViewportSize(size);
      await check();
    }
  }

  beforeAll(async () => {
    ({ server, url: origin, context, page, errors } = await openTablet(profile.dir));
  });

  afterAll(() => closeTablet({ context, server }, profile));

  it('caches the app on a first, online visit, then works with the network gone', async () => {
    await page.goto(origin);
    await expectVisible(page.getByRole('button', { name: /新建接车单/ }));
    await waitForServiceWorker(page);
    await server.close(); // truly offline: nothing answers any more
    await context.setOffline(true);
    await page.reload();
    await expectVisible(page.getByText('离线 · 数据保存在本机'));
  });

  it('creates a card and builds an estimate from the catalogue by pinyin initials, code and Chinese name', async () => {
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await expect.poll(path).toMatch(/^\/jobs\/[0-9a-f-]{36}/);
    jobId = path().split('/')[2] ?? '';
    await page.getByLabel('客户姓名').fill(CUSTOMER);
    await page.getByLabel('联系电话').fill('13912345678');
    await step(/车辆/).tap();
    await page.getByLabel('车牌号').fill('粤B67890');
    await page.getByLabel('品牌/车型').fill('大众 朗逸');
    await page.getByLabel('品牌/车型').blur();
    await expectVisible(page.getByRole('status').filter({ hasText: '已保存在本机' }));

    await step(/估价单/).tap();
    await expectVisible(page.getByText('尚未添加工时项目'));

    // Pinyin initials: ghjy → 更换机油机滤 (工时), the only match. It is labour with its usual
    // parts (带料工时): the row says what comes with it, and one tap adds each as its own line.
    const codes = async () => (await readStored(page, jobId)).lines.map((l) => `${l.code}:${l.quantityMilli}`).sort();
    await search().fill('ghjy');
    await expect.poll(() => results().getByRole('listitem').count()).toBe(1);
    const oilChange = results().getByRole('button', { name: /更换机油机滤/ });
    await expectText(oilChange, '含 全合成机油 5W-30 ×4 升、机油滤清器 ×1 个');
    await oilChange.tap();
    const picked = page.getByRole('status').filter({ hasText: '已添加：更换机油机滤，含配件 全合成机油 5W-30、机油滤清器' });
    await expectVisible(picked);
    for (const description of ['更换机油机滤', '全合成机油 5W-30', '机油滤清器']) await expectVisible(line(description));
    await expect.poll(codes).toEqual(['L-0101:1000', 'P-10001:4000', 'P-20001:1000']);
    // The undo takes the whole pick back, then the same tap again.
    await picked.getByRole('button', { name: '撤销' }).tap();
    await expectVisible(page.getByRole('status').filter({ hasText: '已撤销：更换机油机滤 及随带的 2 项配件已从估价单移除' }));
    await expect.poll(codes).toEqual([]);
    await expectVisible(page.getByText('尚未添加工时项目'));
    await expectHidden(line('机油滤清器'));
    await oilChange.tap();
    await expect.poll(codes).toEqual(['L-0101:1000', 'P-10001:4000', 'P-20001:1000']);

    // A code prefix finds only codes that start with it; the oil came with the labour.
    await search().fill('P-1000');
    await expect
      .poll(() => results().getByRole('button').evaluateAll((rows) => rows.map((row) => row.querySelector('.catalogue-code')?.textContent)))
      .toEqual(['P-10001', 'P-10002', 'P-10003', 'P-10004', 'P-10005', 'P-10006']);
    await expectVisible(results().getByRole('button', { name: /P-10001/ }).getByText('已在估价单中'));

    // A Chinese name finds it anywhere in the item's name: labour and parts alike. The pads
    // picked on their own first are not added again with the labour that carries them.
    await addFromCatalogue('刹车片', /P-30001/, '前刹车片');
    await addFromCatalogue('刹车片', /L-0201/, '更换前刹车片');
    await expectVisible(page.getByRole('status').getByText('已在估价单中，数量未改：前刹车片'));
    await expect.poll(codes).toEqual(['L-0101:1000', 'L-0201:1000', 'P-10001:4000', 'P-20001:1000', 'P-30001:1000']);

    await expectText(page.getByRole('heading', { name: /^工时/ }), '2 项');
    await expectText(page.getByRole('heading', { name: /^配件/ }), '3 项');
  });

  it('changes a quantity and a discount, and shows the total computed in integer 分 from the stored lines', async () => {
    const oil = line('全合成机油 5W-30');
    await oil.getByLabel('数量').fill('4');
    await oil.getByLabel('数量').blur();
    await expectText(oil, '¥392.00');
    await oil.getByRole('button', { name: /无折扣/ }).tap();
    await oil.getByRole('button', { name: '9.5折', exact: true }).tap();
    await expectText(oil, '¥372.40');

    await expect
      .poll(async () => (await readStored(page, jobId)).lines.map((l) => `${l.code}:${l.quantityMilli}:${l.unitPriceFen}:${l.discountBp}`).sort())
      .toEqual(['L-0101:1000:12000:0', 'L-0201:1000:20000:0', 'P-10001:4000:9800:500', 'P-20001:1000:4800:0', 'P-30001:1000:48000:0']);
    const stored = await readStored(page, jobId);
    expect(stored.lines.filter((l) => l.kind === 'labour')).toHaveLength(2);
    expect(stored.lines.filter((l) => l.kind === 'part')).toHaveLength(3);
    const total = totalFen(stored.lines);
    expect(total).toBe(122_040); // 120 + 200 + 392 × 0.95 + 48 + 480
    await expectText(totalShown(), /^¥\d{1,3}(,\d{3})*\.\d{2}$/);
    await expect.poll(() => totalShown().textContent()).toBe(yuan(total));
    expect(yuan(total)).toBe('¥1,220.40');
  });

  it('flags the estimate terms still empty before the hand-over, a tap away from where they are set', async () => {
    // A mark on the diagram, for the customer to see on theirs.
    await step(/环车检查/).tap();
    const top = page.getByRole('group', { name: '俯视车身图' });
    const box = await top.boundingBox();
    if (!box) throw new Error('no diagram on screen');
    await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.getByRole('region', { name: '损伤类型' }).getByRole('button', { name: '划痕 · 重', exact: true }).tap();
    await expectVisible(page.getByRole('button', { name: '划痕（重），俯视' }));

    await step(/客户签字/).tap();
    const flags = page.getByRole('region', { name: '签字前请留意' });
    await expectVisible(flags.getByText('估价单：预计交车时间未填写'));
    await flags.getByRole('listitem').filter({ hasText: '预计交车时间' }).getByRole('button', { name: /去填写/ }).tap();
    await expect.poll(path).toBe(`/jobs/${jobId}/estimate`);
  });

  it('ends the estimate step with the one hand-over, the flags shown above it', async () => {
    // Landed on the estimate step by 去填写: the hand-over is here, not a step away.
    const handOver = page.getByRole('button', { name: '✍ 请客户签字（2 份）' });
    await expectVisible(handOver);
    const flags = page.getByRole('region', { name: '签字前请留意' });
    await expectVisible(flags.getByText('估价单：预计交车时间未填写'));
    const flagsBox = await flags.boundingBox();
    const buttonBox = await handOver.boundingBox();
    if (!flagsBox || !buttonBox) throw new Error('the flags or the hand-over are not laid out');
    expect(flagsBox.y + flagsBox.height).toBeLessThanOrEqual(buttonBox.y);
  });

  it('hands the tablet over once for both documents behind an advisor PIN, refusing a weak one', async () => {
    await step(/客户签字/).tap();
    await expectText(estimateCard(), '尚未签字');
    await expectText(checkinCard(), '尚未签字');
    await expectVisible(page.getByText('客户将依次核对并签字：接车确认、估价确认。'));
    await page.getByRole('button', { name: '✍ 请客户签字（2 份）' }).tap();

    const dialog = page.getByRole('dialog', { name: '设置顾问解锁 PIN' });
    await expectVisible(dialog);
    await dialog.getByLabel('新 PIN（4–8 位数字）', { exact: true }).fill('1234');
    await dialog.getByLabel('再次输入 PIN', { exact: true }).fill('1234');
    await dialog.getByRole('button', { name: '保存 PIN 并交给客户' }).tap();
    await expectVisible(dialog.getByRole('alert').filter({ hasText: '太简单：请不要使用重复或连续的数字' }));
    expect(path()).toBe(`/jobs/${jobId}/signing`);

    await dialog.getByLabel('新 PIN（4–8 位数字）', { exact: true }).fill(PIN);
    await dialog.getByLabel('再次输入 PIN', { exact: true }).fill(PIN);
    await dialog.getByRole('button', { name: '保存 PIN 并交给客户' }).tap();

    // First the check-in condition, on the diagram of the car as on the paper 接车单.
    await expectLockedOnCustomerScreen('接车确认', '第 1 份，共 2 份');
    await expectVisible(page.getByRole('group', { name: '俯视车身图' }).getByRole('button', { name: '划痕（重），俯视' }));
    await expectVisible(page.getByText('本人已与服务顾问一同核对车辆状况，确认以上记录属实。'));
    expect(await rawMessageKeys(page)).toEqual([]);
  });

  it('keeps the signature pad fully in view at 1280×800 and 800×1280 while the long review scrolls', async () => {
    await atBothOrientations(expectPadInViewWithLongReview);
    // The customer signs the check-in condition and goes on to the estimate, still locked.
    await drawSignature(page, pad());
    await page.getByRole('button', { name: /确认签字/ }).tap();
    await expectLockedOnCustomerScreen();
    await expectText(progress(), '✓ 接车确认');
    await atBothOrientations(expectPadInViewWithLongReview);
    expect((await readStored(page, jobId)).signatures.map((s) => s.kind)).toEqual(['checkin']);
    // The name typed for the first document is the one offered for the next.
    await expect.poll(() => page.getByLabel('签字人', { exact: true }).inputValue()).toBe(CUSTOMER);
  });

  it('shows the customer the estimate as the second document', async () => {
    await expectLockedOnCustomerScreen();
    // The review is what will be signed: every line, the amounts and the total.
    const lines = page.getByRole('table');
    for (const [kind, description] of [['工时', '更换机油机滤'], ['工时', '更换前刹车片'], ['配件', '全合成机油 5W-30'], ['配件', '机油滤清器'], ['配件', '前刹车片']])
      await expectVisible(lines.getByRole('rowheader', { name: new RegExp(`^${kind} ${description} [LP]-\\d+$`) }));
    await expectText(lines.getByRole('row', { name: /全合成机油 5W-30/ }), /4.*¥98\.00.*9\.5 折.*¥372\.40/);
    await expectVisible(page.getByRole('definition').filter({ hasText: /^¥1,220\.40$/ }));
    await expectVisible(page.getByText('本人已了解以上维修项目及费用，同意按此估价进行维修。'));
    expect(await rawMessageKeys(page)).toEqual([]);
  });

  it('stays locked through the back button, a reload and edited URLs', async () => {
    // Counted in the page, to prove each back press really went back in its history.
    await page.evaluate(() => {
      const w = window as unknown as { backPresses: number };
      w.backPresses = 0;
      window.addEventListener('popstate', () => (w.backPresses += 1));
    });
    for (let i = 1; i <= 2; i++) {
      await page.goBack(); // same-document history entry: resolves with no response
      await expect.poll(() => page.evaluate(() => (window as unknown as { backPresses: number }).backPresses)).toBe(i);
      await expectLockedOnCustomerScreen();
    }
    await page.reload();
    await expectLockedOnCustomerScreen();
    await page.goto(`${origin}/jobs/${jobId}/customer`);
    await expectLockedOnCustomerScreen();
    await page.goto(`${origin}/jobs/${jobId}/signing`);
    await expectLockedOnCustomerScreen();
    await page.goto(`${origin}/`);
    await expectLockedOnCustomerScreen();
  });

  it('refuses a too-short signature and saves one drawn with the pointer', async () => {
    const submit = page.getByRole('button', { name: /确认签字/ });
    const clear = page.getByRole('button', { name: '清除', exact: true });
    await expect.poll(() => page.getByLabel('签字人', { exact: true }).inputValue()).toBe(CUSTOMER);

    await submit.tap();
    await expectVisible(page.getByRole('alert').filter({ hasText: '请在框内签名' }));

    await drawShortLine(page, pad());
    await expect.poll(() => clear.isEnabled()).toBe(true);
    await submit.tap();
    await expectVisible(page.getByRole('alert').filter({ hasText: '签名太短，请签写完整的姓名' }));
    expect((await readStored(page, jobId)).signatures.map((s) => s.kind)).toEqual(['checkin']); // no estimate signature

    await clear.tap();
    await expect.poll(() => clear.isEnabled()).toBe(false);
    await drawSignature(page, pad());
    await expect.poll(() => page.getByRole('alert').count()).toBe(0); // a new stroke clears the message
    await submit.tap();

    await expectVisible(page.getByRole('heading', { name: '谢谢，签字已保存' }));
    await expectVisible(page.getByRole('heading', { name: '请将平板交还服务顾问' }));
    const { signatures, strokeCounts } = await readStored(page, jobId);
    expect(signatures.map((s) => `${s.kind}:${s.signerName}`).sort()).toEqual([`checkin:${CUSTOMER}`, `estimate:${CUSTOMER}`]);
    const estimate = signatures.find((s) => s.kind === 'estimate');
    expect(strokeCounts[estimate?.id ?? '']).toBe(11); // every stroke of 王芳, none of the cleared dash

    // Still locked after signing, and a reload still thanks rather than asking again.
    await page.reload();
    await expectVisible(page.getByRole('heading', { name: '谢谢，签字已保存' }));
    expect(path()).toBe('/customer');
    expect(await page.getByRole('navigation').count()).toBe(0);

    // The advisor's PIN pad on the screen handed back is whole in view, its 0 key and 解锁
    // included, in landscape and in portrait, without scrolling.
    const before = page.viewportSize();
    for (const size of [{ width: 1280, height: 800 }, { width: 800, height: 1280 }]) {
      await page.setViewportSize(size);
      const keys = page.locator('.return-pin').getByRole('button');
      await expectVisible(keys.filter({ hasText: /^0$/ }));
      const boxes = await keys.evaluateAll((buttons) => buttons.map((b) => ({ text: b.textContent, ...b.getBoundingClientRect().toJSON() })));
      const outside = boxes.filter((b) => b.top < 0 || b.bottom > size.height || b.left < 0 || b.right > size.width).map((b) => b.text);
      expect({ size, outside, keys: boxes.length }).toEqual({ size, outside: [], keys: 13 });
    }
    if (before) await page.setViewportSize(before);
  });

  it('unlocks only with the advisor PIN and shows the valid signature with signer and time', async () => {
    await page.getByRole('button', { name: '顾问解锁' }).tap();
    const dialog = page.getByRole('dialog', { name: '顾问解锁' });
    await dialog.getByLabel('顾问 PIN', { exact: true }).fill('2589');
    await dialog.getByRole('button', { name: '解锁', exact: true }).tap();
    await expectVisible(dialog.getByRole('alert').filter({ hasText: 'PIN 不正确' }));
    expect(path()).toBe('/customer');

    await dialog.getByLabel('顾问 PIN', { exact: true }).fill(PIN);
    await dialog.getByRole('button', { name: '解锁', exact: true }).tap();
    await expect.poll(path, { timeout: 15_000 }).toBe(`/jobs/${jobId}/signing`);
    await expectVisible(page.getByRole('link', { name: '电子接车单' }));
    await expectVisible(step(/客户签字/));

    const signature = (await readStored(page, jobId)).signatures.find((s) => s.kind === 'estimate');
    if (!signature) throw new Error('no signature stored');
    // One PIN ended the hand-over of both documents: both are signed and valid.
    await expectText(checkinCard(), '✓ 有效');
    await expectText(estimateCard(), '✓ 有效');
    await expectVisible(page.getByText('没有等待客户签字的文件。'));
    expect(await rawMessageKeys(page)).toEqual([]);
    await expectText(estimateCard(), `${CUSTOMER} 于 ${shopTime(signature.signedAt)} 签字`);
    const image = estimateCard().getByRole('img', { name: `${CUSTOMER} 的签名` }).first();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('shows the signature stale after a price change, keeping the old one in the history', async () => {
    await step(/估价单/).tap();
    const pads = line('前刹车片');
    await pads.getByLabel('单价').fill('460');
    await pads.getByLabel('单价').blur();
    await expectText(pads, '¥460.00');
    await expect.poll(async () => (await readStored(page, jobId)).lines.find((l) => l.code === 'P-30001')?.unitPriceFen).toBe(46_000);
    await expect.poll(() => totalShown().textContent()).toBe(yuan(totalFen((await readStored(page, jobId)).lines)));
    expect(await totalShown().textContent()).toBe('¥1,200.40');

    await step(/客户签字/).tap();
    await expectVisible(estimateCard().getByRole('alert').filter({ hasText: '签字后内容已修改，需要重新签字' }));
    await expectText(estimateCard(), '⚠ 已失效');
    expect(await estimateCard().getByText('✓ 有效').count()).toBe(0);
    // Asks for a new one: the estimate alone waits now, the check-in condition is still valid.
    await expectVisible(page.getByRole('button', { name: '✍ 请客户签字（1 份）' }));
    await expectVisible(page.getByText('客户将依次核对并签字：估价确认。'));

    const history = estimateCard().getByRole('heading', { name: '签字记录（1）' });
    await expectVisible(history);
    const entry = estimateCard().getByRole('listitem').filter({ hasText: `${CUSTOMER} 于` });
    await expectText(entry, '最新');
    await expectText(entry, '已失效');
    await expectVisible(entry.getByRole('img', { name: `${CUSTOMER} 的签名` }));
    expect((await readStored(page, jobId)).signatures).toHaveLength(2);
  });

  it('prints the customer copy with its Chinese text and the signature image, on A4', async () => {
    // 打印客户联 is one tap: the print view opens the print dialog itself, once, with the
    // signatures' images drawn by then (recorded here, as the dialog would print them).
    await page.evaluate(() => {
      window.print = () => {
        const drawn = [...document.querySelectorAll<HTMLImageElement>('.print-page .signature-image img')].filter((img) => img.complete && img.naturalWidth > 0);
        sessionStorage.setItem('print-calls', String(Number(sessionStorage.getItem('print-calls') ?? 0) + 1));
        sessionStorage.setItem('print-signatures', String(drawn.length));
      };
    });
    await page.getByRole('button', { name: /打印客户联/ }).tap();
    await expect.poll(path).toBe(`/print/${jobId}`);
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('print-calls'))).toBe('1');
    expect(Number(await page.evaluate(() => sessionStorage.getItem('print-signatures')))).toBeGreaterThan(0);
    expect(new URL(page.url()).search).toBe(''); // a reload shows the copy without printing again
    await expectVisible(page.getByRole('heading', { name: '电子接车单', level: 1 }));
    for (const text of ['一联客户留存', CUSTOMER, '粤B67890', '更换机油机滤', '全合成机油 5W-30', '估价确认'])
      await expectVisible(page.getByRole('main').getByText(text).first());
    await expectText(page.getByRole('main'), '签字后内容已修改，需要重新签字'); // the copy claims no more than it proves
    printHeadings = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
    printRawKeys = await rawMessageKeys(page);
    expect(printHeadings.slice(0, 3)).toEqual(['接车单', '环车检查', '维修项目']);
    expect(printHeadings).toHaveLength(4); // … and the signatures' section, checked below

    // Both documents of the one hand-over, each with its own ink.
    const images = page.getByRole('main').getByRole('img', { name: `${CUSTOMER} 的签名` });
    await expect.poll(() => images.count()).toBe(2);
    for (const image of await images.all())
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);

    // CJK glyphs really render: the page's font draws 接 and 车 differently from each other
    // and from a character no font has (which would come out as the same empty box).
    const glyphs = await page.evaluate(async () => {
      await document.fonts.ready;
      const font = `32px ${getComputedStyle(document.querySelector('h1') ?? document.body).fontFamily}`;
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const ctx = canvas.getContext('2d');
        if (!ctx) return '';
        ctx.font = font;
        ctx.fillText(text, 4, 38);
        const data = ctx.getImageData(0, 0, 48, 48).data;
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) ink++;
        return `${ink}:${canvas.toDataURL()}`;
      };
      return { fontsOk: document.fonts.check('16px sans-serif', '接车单'), jie: draw('接'), che: draw('车'), missing: draw('\u{10FFFD}') };
    });
    expect(glyphs.fontsOk).toBe(true);
    expect(Number(glyphs.jie.split(':')[0])).toBeGreaterThan(30);
    expect(glyphs.jie).not.toBe(glyphs.che);
    expect(glyphs.jie).not.toBe(glyphs.missing);

    // Save as PDF, as the print dialog would: A4 pages, the signature image, and the Chinese
    // text drawn with glyphs the embedded fonts map back to those characters.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    const summary = summarizePdf(pdf);
    console.log(`[print] customer copy PDF: ${pdf.length} bytes, ${summary.pages} page(s), ${summary.images} image(s)`);
    expect(summary.pages).toBeGreaterThanOrEqual(1);
    expect(summary.pages).toBeLessThanOrEqual(3);
    expect(summary.mediaBoxes).toHaveLength(summary.pages);
    for (const [width, height] of summary.mediaBoxes) {
      expect(Math.abs(width - 595.3)).toBeLessThan(2); // 210 mm
      expect(Math.abs(height - 841.9)).toBeLessThan(2); // 297 mm
    }
    expect(summary.images).toBeGreaterThanOrEqual(1);
    for (const character of `电子接车单一联客户留存${CUSTOMER}更换机油机滤`)
      expect(summary.characters.has(character.codePointAt(0) ?? 0), `${character} in the PDF's fonts`).toBe(true);

    await page.emulateMedia({ media: 'print' });
    await expectHidden(page.getByRole('link', { name: '电子接车单' }));
    await expectHidden(page.getByRole('button', { name: '打印 / 保存为 PDF' }));
    await expectHidden(page.getByRole('button', { name: /返回/ }));
    await expectVisible(page.getByRole('heading', { name: '电子接车单', level: 1 }));
    await expectVisible(images);
    await page.emulateMedia({ media: 'screen' });
    await expectVisible(page.getByRole('button', { name: '打印 / 保存为 PDF' }));
  });

  // A message key missing from src/ui/messages shows as the key itself ("signing.title"):
  // on the customer's copy every heading must be real Chinese text.
  it('prints every heading of the customer copy in Chinese, with no raw message keys', () => {
    const notChinese = printHeadings.filter((heading) => !/\p{Script=Han}/u.test(heading));
    expect({ notChinese, rawKeys: printRawKeys }).toEqual({ notChinese: [], rawKeys: [] });
  });

  it('had no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
