// A car's whole visit after check-in, as issue 10 asks it of the browser, on Debian's Chromium.
// Tablet A is connected to a store and its advisor signed in; then, with no network: a real
// check-in through the form (two damage marks, covers, one estimate line), two additional
// lines (one with a photo of the worn part) decided in customer mode (one approved, one
// declined, one signature, the advisor's PIN), the declined one on the 建议项目表; 维修中 →
// 质检 passed → 待交车; the handover at the car (one check-in mark confirmed unchanged, new damage
// found at handover with its photo, covers off), the bill paid; the customer signs 交车确认 in
// customer mode; 已交车; the printed copy holds the 建议项目表, the new damage and the signatures,
// and all of it survives a reload. Back online, A's outbox drains, and tablet B, connected to
// the same store, shows the same card: 已交车, the declined line, the new damage, the delivery
// signature valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestStore } from '../support/store-fixture.ts';
import { newProfileDir, type AppServer } from './support/browser.ts';
import { makeCameraJpegs } from './support/camera-jpegs.ts';
import { expectText, expectVisible } from './support/expect-ui.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { drawSignature } from './support/signature.ts';
import { connectToStore, openStoreRig, openTabletOn, signInWithPin, type StoreRig, type Tablet } from './support/store-tablet.ts';

const PIN = '2580';
const CUSTOMER = '王芳';
const PLATE = '粤B52013';
const VIN = 'LGBH52E07PY000123'; // valid check digit
const CHECKIN_MARKS = ['划痕（轻），左侧', '凹陷（轻），俯视'] as const;
const NEW_DAMAGE = '交车时发现：凹陷（轻），右侧';
const APPROVED = '前刹车片'; // P-30001, ¥480.00
const DECLINED = '空调清洗剂'; // P-10036
// 更换机油机滤 (L-0101, ¥120.00) with the parts it brings (4 升 oil ¥392.00, filter ¥48.00) on
// the estimate, plus the approved pads.
const DUE = '¥1,040.00';

type StoredJob = {
  id: string;
  status: string;
  damages: Record<string, { stage?: string; deletedAt: string | null }>;
  photos: Record<string, { damageId: string | null; additionId?: string; deletedAt: string | null }>;
  signatures: Record<string, { kind: string; signerName: string }>;
  approvals: Record<string, { decisions: Record<string, string> }>;
};

/** The print page (交车单 / 结算单) of the delivered card, on either tablet. */
async function expectPrintedCopy(page: Page) {
  const main = page.getByRole('main');
  await expectVisible(main.getByRole('heading', { name: '交车单 / 结算单', level: 2 }));
  // The 建议项目表: the declined line with its quoted price and reason, and only that line.
  const declinedHeading = main.getByRole('heading', { name: '建议项目表（1 项）', level: 3 });
  await expectVisible(declinedHeading);
  const declinedTable = declinedHeading.locator('xpath=following-sibling::table[1]');
  await expectText(declinedTable, new RegExp(`${DECLINED}.*原因：空调有异味.*报价 ¥`));
  expect(await declinedTable.getByText(APPROVED).count()).toBe(0);
  // The new damage, apart from the check-in marks, with its photo.
  await expectVisible(main.getByRole('heading', { name: '交车时发现的新损伤（1 处）', level: 3 }));
  const found = main.locator('.print-new-damage li');
  await expectText(found, '凹陷 · 轻 · 右侧');
  await expect
    .poll(() => found.locator('img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)), { timeout: 15_000 })
    .toEqual([240]);
  // One check-in mark confirmed unchanged, the other said to be not confirmed.
  await expectVisible(main.getByRole('row', { name: /划痕 · 轻 · 左侧.*✓ 无变化（\d{4}-\d\d-\d\d \d\d:\d\d 确认）/ }));
  await expectVisible(main.getByRole('row', { name: /凹陷 · 轻 · 俯视.*未确认无变化/ }));
  await expectText(main.getByRole('row', { name: /^防护套（当面取下）/ }), /座椅套：[\d\- :]+ 取下；方向盘套：[\d\- :]+ 取下；脚垫：[\d\- :]+ 取下/);
  await expectText(main.getByRole('row', { name: /^实收/ }), DUE);
  await expectText(main.getByRole('row', { name: /^结账方式/ }), '微信');
  // The signatures: the decision round and the 交车确认, both still valid, with their ink.
  await expectText(main, new RegExp(`追加项目确认 · .*同意 1 项，未同意 1 项 · 客户签字（${CUSTOMER}） ✓ 有效`));
  await expectText(main, new RegExp(`交车确认：${CUSTOMER} 于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 签字 ✓ 有效`));
  const signatures = main.locator('.print-signatures li');
  await expect.poll(() => signatures.locator('strong').allTextContents()).toEqual(['交车确认', '追加项目确认']);
  await expect
    .poll(
      () => main.getByRole('img', { name: `${CUSTOMER} 的签名` }).evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth > 0)),
      { timeout: 15_000 },
    )
    .toEqual([true, true]);
}

describe('from check-in to 已交车, offline, then on a second tablet of the store', () => {
  let server: AppServer;
  let store: TestStore;
  let a: Tablet;
  let b: Tablet | undefined;
  let jpegs: string[];
  let rig: StoreRig | undefined;
  let jobId = '';
  const files = newProfileDir();

  const page = () => a.page;
  const path = () => new URL(page().url()).pathname;
  const step = (name: RegExp) => page().getByRole('navigation').getByRole('button', { name });
  const tab = (p: Page, name: string) => p.getByRole('navigation', { name: '工单内容' }).getByRole('button', { name, exact: true });
  const stored = async (p: Page = page()): Promise<StoredJob> => {
    const { jobs } = await readObjectStores<{ jobs: StoredJob }>(p, ['jobs']);
    const job = jobs.find((j) => j.id === jobId);
    if (!job) throw new Error('the card is not on the tablet');
    return job;
  };
  const additionRow = (description: string) => page().getByRole('listitem').filter({ has: page().getByText(description, { exact: true }) });

  async function addAddition(query: string, code: RegExp, reason: string) {
    await page().getByRole('button', { name: /添加追加项目/ }).tap();
    await page().getByLabel('搜索工时/配件目录').fill(query);
    await page().getByRole('list', { name: '目录搜索结果' }).getByRole('button', { name: code }).tap();
    const draft = page().getByRole('form', { name: '新追加项目' });
    await draft.getByLabel('原因（车间发现了什么）').fill(reason);
    await draft.getByRole('button', { name: '保存' }).tap();
    await expectVisible(page().getByText(reason));
  }

  /** From the job list, as the advisor opens a checked-in card: on its progress. */
  async function openCardFromList(p: Page) {
    await p.getByRole('link', { name: new RegExp(PLATE) }).tap();
    await expect.poll(() => new URL(p.url()).pathname).toBe(`/jobs/${jobId}`);
  }

  beforeAll(async () => {
    [jpegs, rig] = await Promise.all([makeCameraJpegs(files.dir, 2), openStoreRig()]);
    ({ server, store } = rig);
    a = await openTabletOn(rig.profileDir('a'), server.url);
  });

  afterAll(async () => {
    await rig?.close(a, b);
    files.remove();
  });

  it('connects tablet A to the store, signs the advisor in, then loses the network', async () => {
    await connectToStore(page(), store.enrollmentCode, '前台平板');
    await signInWithPin(page(), store, PIN);
    await a.context.setOffline(true);
    await expectVisible(page().getByText('离线 · 数据保存在本机'));
  });

  it('checks a car in through the form, with two damage marks, covers and an estimate line', async () => {
    const p = page();
    await p.getByRole('button', { name: /新建接车单/ }).tap();
    await expect.poll(path).toMatch(/^\/jobs\/[0-9a-f-]{36}/);
    jobId = path().split('/')[2] ?? '';
    await p.getByLabel('客户姓名').fill(CUSTOMER);
    await p.getByLabel('联系电话').fill('13912345678');
    await step(/车辆/).tap();
    await p.getByLabel('车牌号').fill(PLATE);
    await p.getByLabel('车架号/VIN').fill(VIN);
    await p.getByLabel('品牌/车型').fill('日产 轩逸');
    await step(/里程/).tap();
    await p.getByLabel('行驶里程（km）').fill('35120');
    await p.getByRole('radio', { name: '3/4' }).tap();

    await step(/环车检查/).tap();
    await p.getByRole('group', { name: '左侧车身图' }).click({ position: { x: 200, y: 70 } });
    await p.getByRole('button', { name: '划痕 · 轻', exact: true }).tap();
    await expectVisible(p.getByRole('button', { name: CHECKIN_MARKS[0] }));
    await p.getByRole('group', { name: '俯视车身图' }).click({ position: { x: 300, y: 110 } });
    await p.getByRole('button', { name: '凹陷 · 轻', exact: true }).tap();
    await expectVisible(p.getByRole('button', { name: CHECKIN_MARKS[1] }));

    await step(/防护套/).tap();
    await p.getByRole('button', { name: '三件套' }).tap();
    await step(/随车物品/).tap();
    await p.getByRole('button', { name: '备胎' }).tap();
    await p.getByRole('button', { name: '客户已确认取走贵重物品' }).tap();
    await step(/估价单/).tap();
    await p.getByLabel('搜索工时/配件目录').fill('ghjy');
    await p.getByRole('list', { name: '目录搜索结果' }).getByRole('button', { name: /更换机油机滤/ }).tap();
    await expectVisible(p.getByRole('status').filter({ hasText: '已添加：更换机油机滤' }));
    await step(/服务类型/).tap();
    await p.getByRole('button', { name: '保养' }).tap();
    await p.getByRole('button', { name: /完成接车/ }).tap();
    await expectVisible(p.getByText(/已接车 \d{4}-\d\d-\d\d/));

    const job = await stored();
    expect(job.status).toBe('checked-in');
    expect(Object.values(job.damages).filter((d) => d.deletedAt === null && d.stage !== 'handover')).toHaveLength(2);
  });

  it('adds two additional lines, one with a photo; the customer approves one, declines the other and signs', async () => {
    const p = page();
    await p.getByRole('button', { name: /返回/ }).tap();
    await openCardFromList(p);
    await tab(p, '追加项目').tap();
    await addAddition('P-30001', /P-30001/, '前刹车片剩余 2 mm');
    await addAddition('P-10036', /P-10036/, '空调有异味');
    await additionRow(APPROVED).getByLabel(`从相册选择 · ${APPROVED}`).setInputFiles(jpegs[0] ?? '');
    await expectVisible(additionRow(APPROVED).getByRole('img', { name: '照片 1' }));

    await p.getByRole('button', { name: '请客户确认' }).tap();
    await expect.poll(path, { timeout: 15_000 }).toBe('/customer');
    await expectVisible(p.getByRole('heading', { name: '追加项目确认', level: 1 }));
    await expectVisible(p.getByRole('button', { name: '照片 1' })); // the worn part, shown to the customer
    const choice = (description: string, label: RegExp) =>
      p.getByRole('group', { name: `您的选择: ${description}` }).getByRole('button', { name: label });
    await choice(APPROVED, /同意/).tap();
    await choice(DECLINED, /不需要/).tap();
    await drawSignature(p, p.getByRole('img', { name: '签名区' }));
    await p.getByRole('button', { name: /确认签字/ }).tap();
    await expectVisible(p.getByRole('heading', { name: /谢谢/ }));
    for (const digit of PIN) await p.locator('.return-pin').getByRole('button', { name: digit, exact: true }).tap();
    await expect.poll(path, { timeout: 15_000 }).toBe(`/jobs/${jobId}/additions`);

    await expectText(additionRow(APPROVED), /已同意.*客户签字/);
    const declined = p.getByRole('region', { name: '建议项目表' });
    await expectText(declined, new RegExp(`${DECLINED}.*空调有异味`));
    expect(await declined.getByText(APPROVED).count()).toBe(0);
    const job = await stored();
    expect(Object.values(job.approvals).map((round) => Object.values(round.decisions).sort())).toEqual([['approved', 'declined']]);
    expect(Object.values(job.photos).filter((photo) => photo.additionId !== undefined && photo.deletedAt === null)).toHaveLength(1);
  });

  it('moves to 维修中 and 质检, passes the quality check and moves to 待交车', async () => {
    const p = page();
    await tab(p, '进度').tap();
    await p.getByRole('button', { name: '开始维修 › 维修中' }).tap();
    await expectText(p.locator('[aria-current="step"]'), '维修中');
    await p.getByRole('button', { name: '维修完成 › 送质检' }).tap();
    await expectText(p.locator('[aria-current="step"]'), '质检');

    await tab(p, '质检').tap();
    for (const item of ['施工项目已完成', '路试', '油液液位', '车内无遗留物品'])
      await p.getByRole('radiogroup', { name: item }).getByRole('radio', { name: '合格', exact: true }).tap();
    await expectVisible(p.getByText('质检全部通过，可以转为待交车。'));

    await tab(p, '进度').tap();
    await p.getByRole('button', { name: '质检通过 › 待交车' }).tap();
    await expectText(p.locator('[aria-current="step"]'), '待交车');
    expect((await stored()).status).toBe('ready');
  });

  it('hands the car over: one mark confirmed unchanged, new damage with a photo, covers off, the bill paid', async () => {
    const p = page();
    await tab(p, '交车').tap();
    await p.getByRole('listitem', { name: CHECKIN_MARKS[0], exact: true }).getByRole('button', { name: `无变化 · ${CHECKIN_MARKS[0]}` }).tap();
    await expectVisible(p.getByRole('listitem', { name: CHECKIN_MARKS[0], exact: true }).getByText(/✓ 无变化 · \d\d:\d\d/));

    await p.getByRole('group', { name: '右侧车身图' }).click({ position: { x: 150, y: 60 } });
    await p.getByRole('button', { name: '凹陷 · 轻', exact: true }).tap();
    await expectVisible(p.getByRole('button', { name: NEW_DAMAGE }));
    await p.getByLabel(`从相册选择 · ${NEW_DAMAGE}`).setInputFiles(jpegs[1] ?? '');
    // Stored as found at handover, with its one photo.
    await expect
      .poll(async () => {
        const job = await stored();
        const found = Object.entries(job.damages).filter(([, d]) => d.stage === 'handover' && d.deletedAt === null);
        return found.map(([id]) => Object.values(job.photos).filter((photo) => photo.damageId === id && photo.deletedAt === null).length);
      }, { timeout: 30_000 })
      .toEqual([1]);
    await p.getByRole('button', { name: '完成' }).tap();
    await expectVisible(p.getByRole('heading', { name: '交车时发现（1）' }));

    await p.getByLabel('交车时行驶里程（km）').fill('35126');
    await p.getByLabel('交车时行驶里程（km）').blur();
    await p.getByRole('button', { name: '全部取下' }).tap();
    await expectVisible(p.getByRole('button', { name: /脚垫.*取下于 \d\d:\d\d/ }));

    await tab(p, '结算').tap();
    const billTable = p.getByRole('table', { name: '结算单' });
    await expectText(billTable.getByRole('row', { name: /^应收/ }), DUE);
    await expectText(billTable, new RegExp(`追加：${APPROVED}.*客户签字同意`));
    expect(await billTable.getByText(DECLINED).count()).toBe(0); // declined work is never billed
    await p.getByLabel('实收金额（元）').fill('1040');
    await p.getByLabel('实收金额（元）').blur();
    await p.getByRole('button', { name: '微信', exact: true }).tap();
    await expectVisible(billTable.getByText('✓ 已结清'));
  });

  it('has the customer sign 交车确认 in customer mode, then moves the card to 已交车', async () => {
    const p = page();
    await p.getByRole('button', { name: /请客户签字确认交车/ }).tap();
    await expect.poll(path, { timeout: 15_000 }).toBe('/customer');
    await expectVisible(p.getByRole('heading', { name: '交车确认', level: 1 }));
    // What the customer signs: the 建议项目表, the new damage, the bill.
    await expectVisible(p.getByText('建议项目表（1 项）'));
    await expectText(p.locator('.delivery-declined'), DECLINED);
    await expectVisible(p.getByText('交车时发现的新损伤（1 处）'));
    await expectVisible(p.getByRole('definition').filter({ hasText: new RegExp(`^${DUE.replace('.', '\\.')}$`) }).first());
    await drawSignature(p, p.getByRole('img', { name: '签名区' }));
    await p.getByRole('button', { name: /确认签字/ }).tap();
    await expectVisible(p.getByRole('heading', { name: '谢谢，签字已保存' }));

    await p.getByRole('button', { name: '顾问解锁' }).tap();
    const dialog = p.getByRole('dialog', { name: '顾问解锁' });
    await dialog.getByLabel('顾问 PIN', { exact: true }).fill(PIN);
    await dialog.getByRole('button', { name: '解锁', exact: true }).tap();
    // Back where the tablet was handed over from: the bill, now with the valid acceptance.
    await expect.poll(path, { timeout: 15_000 }).toBe(`/jobs/${jobId}/bill`);
    await expectText(p.getByRole('region', { name: '交车确认' }), '✓ 有效');

    await tab(p, '进度').tap();
    await p.getByRole('button', { name: '交车完成 › 已交车' }).tap();
    await expectText(p.locator('[aria-current="step"]'), '已交车');
    await expectVisible(p.getByRole('status').filter({ hasText: /已交车 \d{4}-\d\d-\d\d \d\d:\d\d/ }));
    const job = await stored();
    expect(job.status).toBe('delivered');
    expect(Object.values(job.signatures).map((s) => `${s.kind}:${s.signerName}`).sort()).toEqual([`additional:${CUSTOMER}`, `delivery:${CUSTOMER}`]);
  });

  it('prints the customer copy with the 建议项目表, the new damage and the signatures', async () => {
    await page().getByRole('button', { name: /打印客户联/ }).tap();
    await expect.poll(path).toBe(`/print/${jobId}`);
    await expectPrintedCopy(page());
  });

  it('keeps all of it after a reload, offline', async () => {
    const p = page();
    await p.reload();
    await expectPrintedCopy(p);
    await p.goto(`${server.url}/jobs/${jobId}`);
    await expectText(p.locator('[aria-current="step"]'), '已交车');
    await tab(p, '追加项目').tap();
    await expectText(p.getByRole('region', { name: '建议项目表' }), DECLINED);
    await tab(p, '结算').tap();
    await expectText(p.getByRole('region', { name: '交车确认' }), '✓ 有效');
    await expectVisible(p.locator('.card-header').getByText('仅在本机'));
    expect(a.errors).toEqual([]);
  });

  it('sends everything when the network returns: the outbox drains and the server has the card delivered', async () => {
    const p = page();
    await p.goto(`${server.url}/jobs/${jobId}`);
    await expectVisible(p.locator('.card-header').getByText('仅在本机'));
    await a.context.setOffline(false);
    await expectVisible(p.locator('.card-header').getByText('已同步'));
    const { outbox } = await readObjectStores<{ outbox: unknown }>(p, ['outbox']);
    expect(outbox).toEqual([]);
    const job = await server.data.storage.getJob(store.storeId, jobId);
    expect(job?.status).toBe('delivered');
    expect(Object.values(job?.signatures ?? {}).map((s) => s.kind).sort()).toEqual(['additional', 'delivery']);
    expect(a.errors).toEqual([]);
    await a.context.close(); // one Chromium at a time on this machine
  });

  it('shows the same card on tablet B of the store: 已交车, the declined line, the new damage, the delivery signature valid', async () => {
    if (!rig) throw new Error('the store is not open');
    b = await openTabletOn(rig.profileDir('b'), server.url);
    const p = b.page;
    await connectToStore(p, store.enrollmentCode, '前台平板 2');
    await signInWithPin(p, store, '3691');
    const row = p.getByRole('link', { name: new RegExp(PLATE) });
    await expectText(row, '已交车');
    await openCardFromList(p);
    await expectText(p.locator('[aria-current="step"]'), '已交车');
    await tab(p, '追加项目').tap();
    const declined = p.getByRole('region', { name: '建议项目表' });
    await expectText(declined, new RegExp(`${DECLINED}.*空调有异味`));
    expect(await declined.getByText(APPROVED).count()).toBe(0);
    const approvedPhoto = p.getByRole('listitem').filter({ has: p.getByText(APPROVED, { exact: true }) }).getByRole('img', { name: '照片 1' });
    await expect.poll(() => approvedPhoto.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBe(240);
    await tab(p, '交车').tap();
    await expectVisible(p.getByRole('button', { name: NEW_DAMAGE }));
    await expectVisible(p.getByRole('heading', { name: '交车时发现（1）' }));
    await tab(p, '结算').tap();
    const delivery = p.getByRole('region', { name: '交车确认' });
    await expectText(delivery, '✓ 有效');
    await expectText(delivery, new RegExp(`${CUSTOMER} 于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 签字`));
    await p.getByRole('button', { name: /打印客户联/ }).tap();
    await expectPrintedCopy(p);
    expect((await stored(p)).status).toBe('delivered');
    expect(b.errors).toEqual([]);
  });
});
