// Two tablets of one store, through the real server: tablet A is connected with the store's
// code, the advisor signs in and sets a PIN, and with the network gone fills a card, takes
// photos and has the customer sign. The card says 仅在本机 until the network returns; then it
// is sent by itself and says 已同步, and the end of shift says the tablet is safe to hand in.
// The server holds the card and bytes that re-hash to their names. Signing out locks A (a
// wrong PIN refused, the right one opens). Tablet B, connected with the same code, receives
// the card with its photos and the signature, and shows it among the vehicle's earlier visits.
// A signature A gave offline on a version B has changed since is refused by the server: the
// card says so and what to do, and the end of shift is not safe until it is dealt with.
// All of it twice: on SQLite with the photos in the data folder, and on PostgreSQL with the
// photos in S3-compatible object storage.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startS3Peer, type S3Peer } from '../support/s3-peer.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { makeCameraJpegs } from './support/camera-jpegs.ts';
import { expectText, expectValue, expectVisible } from './support/expect-ui.ts';
import { launchTablet, newProfileDir, startServer, watchErrors, type AppServer } from './support/browser.ts';
import { drawSignature } from './support/signature.ts';
import { openTabletOn, type Tablet } from './support/store-tablet.ts';
import { MIN_TARGET_PX, smallControls } from './support/touch-targets.ts';

const PIN = '2580';
const PLATE = '粤B52013';
const VIN = 'LGBH52E07PY000123'; // valid check digit

/** Message keys shown as such ("sync.now"): a string missing from src/ui/messages. */
const rawMessageKeys = (page: Page) => page.evaluate(() => document.body.innerText.match(/\b[a-z]+(?:\.[a-zA-Z-]+)+\b/g) ?? []);

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Connects the tablet with the code, as typed from paper: lower case, with a dash. */
async function connect(page: Page, code: string, name: string) {
  await page.getByRole('button', { name: /连接门店 ›/ }).tap();
  const field = page.getByLabel('连接码（8 位，向门店管理员索取）');
  await field.fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await expectValue(field, code);
  await page.getByLabel('平板名称（方便管理员区分各台平板）').fill(name);
  await page.getByRole('button', { name: '连接门店', exact: true }).tap();
}

/** Signs the advisor in with the password, then sets the PIN; the app opens. */
async function signInAndSetPin(page: Page, store: TestStore) {
  await page.getByLabel('用户名').fill(store.advisor.username);
  await page.getByLabel('密码').fill(store.advisor.password);
  await page.getByRole('button', { name: '登录', exact: true }).tap();
  const setup = page.getByRole('region', { name: '张顾问，请设置你的解锁 PIN' });
  await expectVisible(setup);
  return setup;
}

async function setPin(setup: ReturnType<Page['getByRole']>, pin: string) {
  await setup.getByLabel('新 PIN（4–8 位数字）', { exact: true }).fill(pin);
  await setup.getByLabel('再次输入 PIN', { exact: true }).fill(pin);
  await setup.getByRole('button', { name: '保存 PIN' }).tap();
}

/**
 * Hands the tablet to the customer for the check-in condition; they sign; the advisor's PIN
 * (after a wrong one that must be refused, if given) brings the card back.
 */
async function customerSignsCheckin(page: Page, jobId: string, wrongPin?: string) {
  // The one hand-over of the 客户签字 step: the check-in condition, all there is (no estimate
  // lines); offered as 再次签字 when the tablet holds a valid signature of it already.
  await page.getByRole('button', { name: /^✍ 请客户(再次)?签字（1 份）$/ }).tap();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/customer');
  await drawSignature(page, page.getByRole('img', { name: '签名区' }));
  await page.getByRole('button', { name: /确认签字/ }).tap();
  await expectVisible(page.getByRole('heading', { name: '谢谢，签字已保存' }));
  await page.getByRole('button', { name: '顾问解锁' }).tap();
  const dialog = page.getByRole('dialog', { name: '顾问解锁' });
  if (wrongPin) {
    await dialog.getByLabel('顾问 PIN', { exact: true }).fill(wrongPin);
    await dialog.getByRole('button', { name: '解锁', exact: true }).tap();
    await expectVisible(dialog.getByRole('alert').filter({ hasText: 'PIN 不正确' }));
    expect(new URL(page.url()).pathname).toBe('/customer');
  }
  await dialog.getByLabel('顾问 PIN', { exact: true }).fill(PIN);
  await dialog.getByRole('button', { name: '解锁', exact: true }).tap();
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe(`/jobs/${jobId}/signing`);
}

const thumbWidths = (page: Page) =>
  page
    .getByRole('region', { name: '常规照片' })
    .locator('img')
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));

// The same on both deployments: the embedded one (SQLite, photos in the data folder), and a
// dealer group's (PostgreSQL, a database of its own, and S3-compatible object storage: s3rver
// on loopback, tests/support/s3-peer.ts).
const DEPLOYMENTS = [
  { deployment: 'SQLite and the data folder', group: false },
  { deployment: 'PostgreSQL and S3', group: true },
];

describe.each(DEPLOYMENTS)('two tablets of one store, through the real server, on $deployment', ({ group }) => {
  let peer: S3Peer | undefined;
  let database: TestDatabase | undefined;
  let server: AppServer;
  let store: TestStore;
  let a: Tablet;
  let b: Tablet | undefined;
  let jpegs: string[];
  let jobId = '';
  const profileA = newProfileDir();
  const profileB = newProfileDir();

  const step = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
  const row = (page: Page) => page.getByRole('link', { name: new RegExp(PLATE) });

  beforeAll(async () => {
    jpegs = await makeCameraJpegs(profileA.dir, 2);
    peer = group ? await startS3Peer('walkaround-two-tablets') : undefined;
    database = group ? await createTestDatabase({ migrated: false }) : undefined;
    server = await startServer({ env: { ...peer?.env, ...(database ? { DATABASE_URL: database.url } : {}) } });
    expect([server.data.storage.kind, server.data.blobs.kind]).toEqual(group ? ['postgres', 's3'] : ['sqlite', 'filesystem']);
    store = await seedTestStore(server.data.storage);
    a = await openTabletOn(`${profileA.dir}/browser`, server.url);
  });

  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
    await server?.close().catch(() => undefined);
    await database?.drop();
    await peer?.close();
    profileA.remove();
    profileB.remove();
  });

  it('connects tablet A to the store with the code, after refusing a wrong one', async () => {
    const { page } = a;
    await expectVisible(page.getByText('本平板尚未连接门店，接车单只存在这台平板上。'));
    await page.getByRole('button', { name: /连接门店 ›/ }).tap();
    await page.getByLabel('连接码（8 位，向门店管理员索取）').fill('ABCD-EFG0');
    await page.getByRole('button', { name: '连接门店', exact: true }).tap();
    await expectVisible(page.getByRole('alert').filter({ hasText: '连接码中没有 0' }));
    await page.getByLabel('连接码（8 位，向门店管理员索取）').fill('ABCDEFGH');
    await page.getByRole('button', { name: '连接门店', exact: true }).tap();
    await expectVisible(page.getByRole('alert').filter({ hasText: '连接码无效、已过期或已用完。请向门店管理员索取新的连接码。' }));

    await page.goto(server.url); // from the job list, as an advisor would start
    await connect(page, store.enrollmentCode, '前台平板');
    // Locked at once: the store and the tablet's letter, and the way to sign in.
    await expectVisible(page.getByText(`本平板已连接到「Test store ${store.code}」，编号 A。请服务顾问用账号密码登录。`));
    await expectVisible(page.getByText(`Test store ${store.code} · 平板 A`));
    expect(await page.getByRole('button', { name: /新建接车单/ }).count()).toBe(0);
  });

  it('signs the advisor in with the password and has them set a PIN, refusing a weak one', async () => {
    const { page } = a;
    await page.getByLabel('用户名').fill(store.advisor.username);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录', exact: true }).tap();
    await expectVisible(page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }));

    const setup = await signInAndSetPin(page, store);
    await setPin(setup, '1234');
    await expectVisible(setup.getByRole('alert').filter({ hasText: '太简单：请不要使用重复或连续的数字' }));
    await setPin(setup, PIN);

    await expectVisible(page.getByText('服务顾问：张顾问'));
    await expectVisible(page.getByRole('button', { name: /新建接车单/ }));
    await expectVisible(page.getByRole('region', { name: '同步状态' }).getByRole('button', { name: /立即同步/ }));
    expect(await rawMessageKeys(page)).toEqual([]);
  });

  it('fills a card with no network, with photos and the customer signature, and shows it as 仅在本机', async () => {
    const { page, context } = a;
    await context.setOffline(true);
    await expectVisible(page.getByText('离线 · 数据保存在本机'));

    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/jobs\/[0-9a-f-]{36}/);
    jobId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.getByLabel('客户姓名').fill('王芳');
    await page.getByLabel('联系电话').fill('13912345678');
    await step(page, /车辆/).tap();
    await page.getByLabel('车牌号').fill(PLATE);
    await page.getByLabel('车架号/VIN').fill(VIN);
    await page.getByLabel('品牌/车型').fill('日产 轩逸');
    await step(page, /里程/).tap();
    await page.getByLabel('行驶里程（km）').fill('35120');
    await page.getByRole('radio', { name: '3/4' }).tap();
    await step(page, /随车物品/).tap();
    await page.getByRole('button', { name: '客户已确认取走贵重物品' }).tap();
    await step(page, /服务类型/).tap();
    await page.getByRole('button', { name: '保养' }).tap();
    await page.getByRole('button', { name: /完成接车/ }).tap();
    await expectVisible(page.getByText(/已接车 \d{4}-\d\d-\d\d/));
    // Numbered with the store's code and this tablet's letter.
    await expectVisible(page.getByText(new RegExp(`^${store.code}-\\d{8}-A001$`)));

    await step(page, /环车检查/).tap();
    await page.getByLabel('从相册选择 · 里程表').setInputFiles(jpegs[0] ?? '');
    await page.getByLabel('从相册选择 · 左前').setInputFiles(jpegs[1] ?? '');
    await expect.poll(() => thumbWidths(page), { timeout: 30_000 }).toEqual([240, 240]);

    // The customer signs; on a connected tablet the advisor's own PIN ends customer mode.
    await step(page, /客户签字/).tap();
    await customerSignsCheckin(page, jobId, '1357');
    await expectText(page.getByRole('region', { name: '接车确认' }), '✓ 有效');

    await expectVisible(page.locator('.card-header').getByText('仅在本机'));
    await page.getByRole('link', { name: '电子接车单' }).tap();
    await expectText(row(page), '仅在本机');
    await expectText(page.getByRole('region', { name: '同步状态' }), '离线：更改保存在本机，联网后自动上传。');
  });

  it('sends the card by itself when the network returns, and shows it as 已同步', async () => {
    const { page, context } = a;
    await context.setOffline(false);
    await expect.poll(async () => (await row(page).textContent()) ?? '', { timeout: 30_000 }).toContain('已同步');
    await expectText(page.getByRole('region', { name: '同步状态' }), /上次全部上传：\d{4}-\d\d-\d\d \d\d:\d\d/);
  });

  it('ends the shift only with everything on the server, and says it is safe to hand in', async () => {
    const { page } = a;
    await page.getByRole('region', { name: '同步状态' }).getByRole('button', { name: '交班' }).tap();
    const panel = page.getByRole('dialog', { name: '交班：把数据全部上传' });
    await expectVisible(panel.getByText('全部已上传到服务器，可以交还平板'));
    expect(await panel.getByText('还不能交还平板').count()).toBe(0);
    // Its buttons are touch targets like every other (the layout test's tablet is not enrolled).
    const targets = await smallControls(page, 'end of shift', '.shift-dialog');
    expect(targets.measured).toBeGreaterThanOrEqual(2);
    expect(targets.offenders, `controls smaller than ${MIN_TARGET_PX}×${MIN_TARGET_PX} px`).toEqual([]);
    await panel.getByRole('button', { name: '关闭' }).tap();
  });

  it('has the card, its photos and the signature on the server, every blob re-hashing to its name', async () => {
    const job = await server.data.storage.getJob(store.storeId, jobId);
    if (!job) throw new Error('the server has no such job');
    expect(job.card.vehicle.plate).toBe(PLATE);
    expect(job.status).toBe('checked-in');
    const photos = Object.values(job.photos).filter((p) => p.deletedAt === null);
    const signatures = Object.values(job.signatures);
    expect(photos).toHaveLength(2);
    expect(signatures.map((s) => `${s.kind}:${s.signerName}`)).toEqual(['checkin:王芳']);
    const hashes = [...photos.flatMap((p) => [p.sha256, p.thumbSha256]), ...signatures.flatMap((s) => [s.pngSha256, s.strokesSha256])];
    for (const sha256 of hashes) {
      const stream = await server.data.blobs.read(sha256);
      if (!stream) throw new Error(`the server lacks blob ${sha256}`);
      expect(createHash('sha256').update(await readAll(stream)).digest('hex')).toBe(sha256);
    }
  });

  it('locks on sign out: a wrong PIN is refused, the right one unlocks, and the password lets a forgetful advisor back in', async () => {
    const { page } = a;
    await page.getByRole('button', { name: '退出登录' }).tap();
    await expectVisible(page.getByRole('heading', { name: '请点选你的名字，用 PIN 解锁' }));
    expect(await page.getByRole('link', { name: new RegExp(PLATE) }).count()).toBe(0);

    await page.getByRole('button', { name: /张顾问/ }).tap();
    const unlock = page.getByRole('region', { name: '张顾问，请输入你的 PIN' });
    const pad = unlock.getByRole('group', { name: '数字键盘' });
    for (const digit of '1111') await pad.getByRole('button', { name: digit, exact: true }).tap();
    await expectValue(unlock.getByLabel('你的 PIN'), '1111');
    await unlock.getByRole('button', { name: '解锁', exact: true }).tap();
    await expectVisible(unlock.getByRole('alert').filter({ hasText: 'PIN 不正确' }));
    await expectVisible(unlock); // still locked

    for (const digit of PIN) await pad.getByRole('button', { name: digit, exact: true }).tap();
    await unlock.getByRole('button', { name: '解锁', exact: true }).tap();
    await expectVisible(page.getByText('服务顾问：张顾问'));
    await expectText(row(page), '已同步');

    // An advisor who forgot the PIN signs in with the password and may set a new one or keep it.
    await page.getByRole('button', { name: '退出登录' }).tap();
    await page.getByRole('button', { name: /用账号密码登录/ }).tap();
    const setup = await signInAndSetPin(page, store);
    await setup.getByRole('button', { name: '保留原来的 PIN' }).tap();
    await expectVisible(page.getByText('服务顾问：张顾问'));
    expect(a.errors).toEqual([]);
    await a.context.close(); // one Chromium at a time on this machine; A is opened again below
  });

  it('connects tablet B with the same code and receives the card with its photos and signature', async () => {
    b = await openTabletOn(`${profileB.dir}/browser`, server.url);
    const { page } = b;
    await connect(page, store.enrollmentCode, '前台平板 2');
    await expectVisible(page.getByText(`Test store ${store.code} · 平板 B`));
    const setup = await signInAndSetPin(page, store);
    await setPin(setup, '3691');
    await expectVisible(page.getByText('服务顾问：张顾问'));

    await expectText(row(page), '已同步');
    await expectText(row(page), '王芳');
    await row(page).tap();
    await expectVisible(page.locator('.card-header').getByText('已同步'));
    await step(page, /环车检查/).tap();
    await expect.poll(() => thumbWidths(page), { timeout: 30_000 }).toEqual([240, 240]);
    await step(page, /客户签字/).tap();
    const checkin = page.getByRole('region', { name: '接车确认' });
    await expectText(checkin, '✓ 有效');
    const image = checkin.getByRole('img', { name: '王芳 的签名' }).first();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await rawMessageKeys(page)).toEqual([]);
  });

  it("shows tablet A's card among the vehicle's earlier visits on a new card, from the server, and from the tablet when offline", async () => {
    if (!b) throw new Error('tablet B is not open');
    const { page, context } = b;
    const number = (await server.data.storage.getJob(store.storeId, jobId))?.number ?? '';
    expect(number).toMatch(new RegExp(`^${store.code}-\\d{8}-A001$`));
    await page.getByRole('link', { name: '电子接车单' }).tap();
    await page.getByRole('region', { name: '同步状态' }).getByRole('button', { name: /立即同步/ }).tap();
    await expectText(page.getByRole('region', { name: '同步状态' }), /上次全部上传：\d{4}-\d\d-\d\d \d\d:\d\d/);

    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await step(page, /车辆/).tap();
    await page.getByLabel('车牌号').fill(PLATE);
    await page.getByLabel('车牌号').blur();
    const visits = page.getByRole('region', { name: '本车历史记录（1）' });
    await expectText(visits, '来自门店服务器');
    const visit = visits.getByRole('row').filter({ hasText: number });
    await expectText(visit, '35,120 km');
    await expectText(visit, '0 处');

    await context.setOffline(true);
    await expectText(visits, '来自本机记录（离线：门店其他平板的记录可能未显示）');
    await expectText(visits.getByRole('row').filter({ hasText: number }), '35,120 km');
    expect(b.errors).toEqual([]);
  });

  it('shows a signature the server refuses as 需要处理 with what to do, and ends the shift safe only once it is dealt with', async () => {
    // B corrects the mileage of the card and sends it.
    if (!b) throw new Error('tablet B is not open');
    await b.context.setOffline(false);
    await b.page.goto(`${server.url}/jobs/${jobId}/condition`);
    await b.page.getByLabel('行驶里程（km）').fill('35200');
    await b.page.getByLabel('行驶里程（km）').blur();
    await expectVisible(b.page.getByRole('status').filter({ hasText: '已保存在本机' }));
    await b.page.getByRole('region', { name: '同步状态' }).getByRole('button', { name: /立即同步/ }).tap();
    await expect.poll(async () => (await server.data.storage.getJob(store.storeId, jobId))?.card.odometerKm, { timeout: 15_000 }).toBe(35_200);
    expect(b.errors).toEqual([]);
    await b.context.close();

    // A, with no network, has the customer sign again what A has: the old mileage.
    const context = await launchTablet(`${profileA.dir}/browser`);
    await context.setOffline(true);
    const page = context.pages()[0] ?? (await context.newPage());
    a = { context, page, errors: watchErrors(page) };
    await page.goto(`${server.url}/jobs/${jobId}/signing`);
    await customerSignsCheckin(page, jobId);
    await expectVisible(page.locator('.card-header').getByText('仅在本机'));

    // Back online, the server refuses it: the card says why and what to do.
    await context.setOffline(false);
    const notice = page.getByRole('alert').filter({ hasText: '这张接车单需要处理' });
    await expectText(notice, '客户签字的版本与服务器上的不同，签字未被接受。请让客户重新签字。');
    await expectVisible(page.locator('.card-header').getByText('需要处理'));
    expect((await server.data.storage.getJob(store.storeId, jobId))?.card.odometerKm).toBe(35_200);

    const shift = async () => {
      await page.getByRole('region', { name: '同步状态' }).getByRole('button', { name: '交班' }).tap();
      return page.getByRole('dialog', { name: '交班：把数据全部上传' });
    };
    let panel = await shift();
    await expectText(panel, '还不能交还平板');
    await expectText(panel, '1 张接车单需要处理');
    await expectText(panel, '请让客户重新签字');
    expect(await panel.getByText('全部已上传到服务器，可以交还平板').count()).toBe(0);
    await panel.getByRole('button', { name: '关闭' }).tap();

    // The customer signs the card as the server has it; the advisor says it is dealt with.
    await expectVisible(page.getByRole('button', { name: '✍ 请客户签字（1 份）' })); // waiting again, not 再次签字
    await customerSignsCheckin(page, jobId);
    await page.getByRole('button', { name: '✓ 已处理，不再提示' }).tap();
    panel = await shift();
    await expectVisible(panel.getByText('全部已上传到服务器，可以交还平板'));
    const signatures = Object.values((await server.data.storage.getJob(store.storeId, jobId))?.signatures ?? {});
    expect(signatures.map((s) => s.kind)).toEqual(['checkin', 'checkin']);
    await panel.getByRole('button', { name: '关闭' }).tap();
    await expectVisible(page.locator('.card-header').getByText('已同步'));
    expect(a.errors).toEqual([]);
  });
});
