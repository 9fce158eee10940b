// The console's administration over real HTTP (real server, real SQLite or PostgreSQL as
// TEST_RECORDS says): advisors, tablets, enrollment codes, the catalogue import and the store's
// profile, each action and both sides of each rule, and what a tablet sees afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminError, addAdvisor, setAdvisorDisabled } from '../../src/server/admin/store-admin.ts';
import { deviceList } from '../../src/server/admin/terminal-output.ts';
import { consoleDevice } from '../../src/server/console/console-writer.ts';
import { ADMIN_API, MAX_CATALOGUE_CSV_BYTES, advisorPasswordResponseSchema, advisorsResponseSchema, cataloguePreviewResponseSchema, tabletsResponseSchema } from '../../src/shared/console/admin-api.ts';
import type { StoreSummary } from '../../src/shared/protocol.ts';
import { consoleRequest, signInConsole, type ConsoleClient } from '../support/console-client.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { apiHeaders, enrollDevice, startTestServer, type TestServer } from '../support/test-server.ts';

const BOSS = { username: 'boss', name: '店长', password: 'boss-password-1' };

let server: TestServer;
let s1: TestStore;
let s1Store: StoreSummary;
let admin: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer('console-admin');
  const { storage } = server.data;
  s1 = await seedTestStore(storage, 'S1');
  const store = await storage.getStore(s1.storeId);
  if (!store) throw new Error('no S1');
  s1Store = store;
  await addAdvisor(storage, s1Store, { ...BOSS, role: 'admin' });
  admin = await signInConsole(server.baseUrl, { store: 'S1', username: BOSS.username, password: BOSS.password });
});
afterAll(() => server.close());

const signIn = (username: string, password: string) => consoleRequest(server.baseUrl, 'POST', '/api/v1/console/sign-in', { store: 'S1', username, password });

async function addViaConsole(username: string, role: 'advisor' | 'admin' = 'advisor', name = `顾问 ${username}`) {
  const reply = await admin.request('POST', `${ADMIN_API}/advisors`, { username, name, role });
  expect(reply.status, reply.text).toBe(200);
  return advisorPasswordResponseSchema.parse(reply.json);
}

async function listed() {
  return advisorsResponseSchema.parse((await admin.request('GET', `${ADMIN_API}/advisors`)).json).advisors;
}

describe('advisors', () => {
  it('adds an advisor with a generated password shown once, who can then sign in; a taken or malformed username is refused', async () => {
    const added = await addViaConsole('li.na', 'advisor', '李娜');
    expect(added.advisor).toMatchObject({ username: 'li.na', name: '李娜', role: 'advisor', disabledAt: null });
    expect(added.password).toMatch(/^[A-Za-z0-9]{12}$/);
    expect((await signIn('li.na', added.password)).status).toBe(200);
    expect((await listed()).map((a) => a.username)).toContain('li.na');
    // The list never carries a password or its hash.
    expect(JSON.stringify(await admin.request('GET', `${ADMIN_API}/advisors`))).not.toMatch(/password|scrypt/i);

    const taken = await admin.request('POST', `${ADMIN_API}/advisors`, { username: 'LI.NA', name: '另一个', role: 'advisor' });
    expect(taken).toMatchObject({ status: 409, json: { error: 'username_taken' } });
    const malformed = await admin.request('POST', `${ADMIN_API}/advisors`, { username: 'li na!', name: '李', role: 'advisor' });
    expect(malformed).toMatchObject({ status: 400, json: { error: 'admin_refused', message: expect.stringContaining('2 to 40 lower-case letters') } });
    const hidden = await admin.request('POST', `${ADMIN_API}/advisors`, { username: 'zw', name: '王\u202e五', role: 'advisor' });
    expect(hidden).toMatchObject({ status: 400, json: { message: expect.stringContaining('control or invisible characters') } });
    expect((await listed()).map((a) => a.username)).not.toContain('zw');
  });

  it('resets a password: the new one signs in, the old one no longer does; an unknown advisor is 404', async () => {
    const added = await addViaConsole('reset.me');
    const reply = await admin.request('POST', `${ADMIN_API}/advisors/reset.me/password`);
    expect(reply.status).toBe(200);
    const { password, advisor } = advisorPasswordResponseSchema.parse(reply.json);
    expect(advisor.username).toBe('reset.me');
    expect(password).not.toBe(added.password);
    expect((await signIn('reset.me', added.password)).status).toBe(401);
    expect((await signIn('reset.me', password)).status).toBe(200);
    expect(await admin.request('POST', `${ADMIN_API}/advisors/nobody/password`)).toMatchObject({ status: 404, json: { error: 'not_found' } });
  });

  it('disables an advisor: no sign-in on the console or a tablet, their open console session ends; enabling lets them back', async () => {
    const { password } = await addViaConsole('leaving');
    const theirs = await signInConsole(server.baseUrl, { store: 'S1', username: 'leaving', password });
    const tablet = await enrollDevice(server, s1.enrollmentCode, 'Bay 1');
    const tabletSignIn = () =>
      server.send({
        method: 'POST',
        path: '/api/v1/auth/sign-in',
        headers: { ...apiHeaders(tablet.token), 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'leaving', password }),
      });
    expect((await tabletSignIn()).status).toBe(200);

    const off = await admin.request('PUT', `${ADMIN_API}/advisors/leaving/disabled`, { disabled: true });
    expect(off.status).toBe(200);
    expect((off.json as { advisor: { disabledAt: string | null } }).advisor.disabledAt).not.toBeNull();
    expect((await listed()).find((a) => a.username === 'leaving')?.disabledAt).not.toBeNull();
    expect((await signIn('leaving', password)).status).toBe(401);
    expect((await tabletSignIn()).status).toBe(401);
    expect(await theirs.request('GET', '/api/v1/console/session')).toMatchObject({ status: 401 });
    // The tablets' roster leaves them out: at the next sync a tablet drops them, PIN and all.
    const roster = async () => {
      const pull = await server.send({ method: 'GET', path: '/api/v1/pull?cursor=0', headers: apiHeaders(tablet.token) });
      return (JSON.parse(pull.text) as { advisors: { username: string }[] }).advisors.map((a) => a.username);
    };
    expect(await roster()).not.toContain('leaving');

    const on = await admin.request('PUT', `${ADMIN_API}/advisors/leaving/disabled`, { disabled: false });
    expect(on).toMatchObject({ status: 200, json: { advisor: { username: 'leaving', disabledAt: null } } });
    expect((await signIn('leaving', password)).status).toBe(200);
    expect((await tabletSignIn()).status).toBe(200);
    expect(await roster()).toContain('leaving');
  });

  it('refuses an admin disabling themself, and says why; another admin may', async () => {
    const self = await admin.request('PUT', `${ADMIN_API}/advisors/${BOSS.username}/disabled`, { disabled: true });
    expect(self).toMatchObject({ status: 409, json: { error: 'cannot_disable_self', message: expect.stringContaining('nobody to undo it') } });
    expect((await admin.request('GET', '/api/v1/console/session')).status).toBe(200);

    const deputy = await addViaConsole('deputy', 'admin');
    const other = await signInConsole(server.baseUrl, { store: 'S1', username: 'deputy', password: deputy.password });
    expect((await admin.request('PUT', `${ADMIN_API}/advisors/deputy/disabled`, { disabled: true })).status).toBe(200);
    expect((await other.request('GET', '/api/v1/console/session')).status).toBe(401);
    expect((await admin.request('PUT', `${ADMIN_API}/advisors/deputy/disabled`, { disabled: false })).status).toBe(200);
  });

  it("never disables the store's last active admin, even when two admins disable each other at once", async () => {
    // The command line's way (no admin signed in): the rule is the storage's, said by store-admin.
    const lastAdminOf = async (store: StoreSummary) => {
      const error = await setAdvisorDisabled(server.data.storage, store, BOSS.username, true).catch((e: unknown) => e);
      return error instanceof AdminError ? error.reason : error;
    };
    const solo = await server.data.storage.createStore({ code: 'SOLO', name: 'Solo' });
    await addAdvisor(server.data.storage, solo, { ...BOSS, role: 'admin' });
    expect(await lastAdminOf(solo)).toBe('last_admin');

    const { password } = await addViaConsole('rival', 'admin');
    const rival = await signInConsole(server.baseUrl, { store: 'S1', username: 'rival', password });
    // deputy (enabled again above) is a third admin: disable it so that boss and rival are the only two.
    expect((await admin.request('PUT', `${ADMIN_API}/advisors/deputy/disabled`, { disabled: true })).status).toBe(200);
    const [a, b] = await Promise.all([
      admin.request('PUT', `${ADMIN_API}/advisors/rival/disabled`, { disabled: true }),
      rival.request('PUT', `${ADMIN_API}/advisors/${BOSS.username}/disabled`, { disabled: true }),
    ]);
    // One of them wins; the other is refused as the last admin, or finds its own sign-in ended.
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([a.json, b.json].map((j) => (j as { error?: string }).error).filter(Boolean)[0]).toMatch(/^(last_admin|console_signed_out)$/);
    const admins = (await server.data.storage.listAdvisors(s1.storeId)).filter((x) => x.role === 'admin');
    expect(admins).toHaveLength(1);
    // Put boss back if rival won, so the tests after this one have their admin.
    if (admins[0]?.username !== BOSS.username) {
      await setAdvisorDisabled(server.data.storage, s1Store, BOSS.username, false);
      admin = await signInConsole(server.baseUrl, { store: 'S1', username: BOSS.username, password: BOSS.password });
    }
  });
});

describe('tablets and enrollment codes', () => {
  it('lists the tablets with letter, name, enrolled, last seen and revoked; revokes one, whose token then fails', async () => {
    const tablet = await enrollDevice(server, s1.enrollmentCode, '前台平板');
    expect((await server.send({ method: 'GET', path: '/api/v1/auth/device', headers: apiHeaders(tablet.token) })).status).toBe(200);
    const before = tabletsResponseSchema.parse((await admin.request('GET', `${ADMIN_API}/tablets`)).json).tablets;
    const row = before.find((t) => t.id === tablet.deviceId);
    expect(row).toMatchObject({ name: '前台平板', code: expect.stringMatching(/^[A-Z]+$/), revokedAt: null });
    expect(Date.parse(row!.enrolledAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(row!.lastSeenAt).not.toBeNull();

    const revoked = await admin.request('POST', `${ADMIN_API}/tablets/${tablet.deviceId}/revoke`);
    expect(revoked).toMatchObject({ status: 200, json: { tablet: { id: tablet.deviceId, revokedAt: expect.any(String) } } });
    expect((await server.send({ method: 'GET', path: '/api/v1/auth/device', headers: apiHeaders(tablet.token) })).status).toBe(401);
    expect(await admin.request('POST', `${ADMIN_API}/tablets/0192f3a0-0000-7000-8000-000000000000/revoke`)).toMatchObject({ status: 404 });
  });

  it("allows a tablet to enroll again without its secret for a day; another store's tablet is not found", async () => {
    const tablet = await enrollDevice(server, s1.enrollmentCode, 'Bay 3');
    const reply = await admin.request('POST', `${ADMIN_API}/tablets/${tablet.deviceId}/reenrollment`);
    expect(reply.status).toBe(200);
    const { until } = reply.json as { until: string };
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // The approval is what lets the same clientId enroll again without its secret.
    const again = await enrollDevice(server, s1.enrollmentCode, 'Bay 3', tablet.clientId);
    expect(again.deviceId).toBe(tablet.deviceId);

    const s2 = await seedTestStore(server.data.storage, 'S2');
    const theirs = await enrollDevice(server, s2.enrollmentCode, 'S2 tablet');
    expect(await admin.request('POST', `${ADMIN_API}/tablets/${theirs.deviceId}/revoke`)).toMatchObject({ status: 404 });
    expect(await admin.request('POST', `${ADMIN_API}/tablets/${theirs.deviceId}/reenrollment`)).toMatchObject({ status: 404 });
    expect((await server.send({ method: 'GET', path: '/api/v1/auth/device', headers: apiHeaders(theirs.token) })).status).toBe(200);
  });

  it("leaves the console's own device out of the tablets: not listed, not revoked, not let enroll again, not in the command line's list", async () => {
    const tablet = await enrollDevice(server, s1.enrollmentCode, '接待台平板');
    // The console writes as a device of its own, enrolled the first time it writes.
    const own = await consoleDevice(server.data.storage, s1.storeId);
    expect((await server.data.storage.listDevices(s1.storeId)).map((d) => d.id)).toEqual(expect.arrayContaining([own.id, tablet.deviceId]));

    const ids = tabletsResponseSchema.parse((await admin.request('GET', `${ADMIN_API}/tablets`)).json).tablets.map((t) => t.id);
    expect(ids).toContain(tablet.deviceId);
    expect(ids).not.toContain(own.id);
    expect(await admin.request('POST', `${ADMIN_API}/tablets/${own.id}/revoke`)).toMatchObject({ status: 404 });
    expect(await admin.request('POST', `${ADMIN_API}/tablets/${own.id}/reenrollment`)).toMatchObject({ status: 404 });
    expect((await server.data.storage.listDevices(s1.storeId)).find((d) => d.id === own.id)?.revokedAt).toBeNull();

    const listing = await deviceList(server.data.storage, s1Store);
    expect(listing).toContain(tablet.deviceId);
    expect(listing).not.toContain(own.id);
  });

  it('issues an enrollment code a tablet connects with, within 1 to 90 days and 1 to 100 tablets', async () => {
    const reply = await admin.request('POST', `${ADMIN_API}/enrollment-codes`, { days: 3, uses: 1 });
    expect(reply.status).toBe(200);
    const { code, expiresAt, usesLeft } = reply.json as { code: string; expiresAt: string; usesLeft: number };
    expect(usesLeft).toBe(1);
    expect(Math.round((Date.parse(expiresAt) - Date.now()) / 86_400_000)).toBe(3);
    expect((await enrollDevice(server, code, 'New tablet')).storeId).toBe(s1.storeId);
    await expect(enrollDevice(server, code, 'One too many')).rejects.toThrow(/403/);

    for (const [days, uses, says] of [
      [0, 5, '1 to 90 days'],
      [91, 5, '1 to 90 days'],
      [7, 0, '1 to 100 tablets'],
      [7, 101, '1 to 100 tablets'],
      [7, 1.5, '1 to 100 tablets'],
    ] as const) {
      expect(await admin.request('POST', `${ADMIN_API}/enrollment-codes`, { days, uses })).toMatchObject({ status: 400, json: { message: expect.stringContaining(says) } });
    }
  });
});

const HEADER = '编码,类型,名称,单位,单价';

describe('the catalogue import', () => {
  const catalogue = () => server.data.storage.catalogueSince(s1.storeId, 0);

  it('previews a CSV without importing it: good rows, the first of them, every bad row in both languages', async () => {
    const before = await catalogue();
    const csv = [HEADER, 'L-1,工时,更换机油,工时,80', 'P-1,配件,机油滤清器,个,abc', 'L-2,工时,四轮定位,次,200', 'L-1,工时,重复,工时,1'].join('\n');
    const reply = await admin.request('POST', `${ADMIN_API}/catalogue/preview`, { csv });
    expect(reply.status, reply.text).toBe(200);
    const preview = cataloguePreviewResponseSchema.parse(reply.json);
    expect(preview).toMatchObject({ count: 2, errorCount: 2, currentCount: before?.items.length });
    expect(preview.first.map((i) => [i.code, i.unitPriceFen])).toEqual([
      ['L-1', 8000],
      ['L-2', 20000],
    ]);
    // The sentences the command line prints (catalogue-csv-messages.ts), row as Excel counts it.
    expect(preview.errors).toEqual([
      { line: 3, zh: '第 3 行："单价"的"abc"不是有效金额，如 45.50', en: 'Row 3: "单价" value "abc" is not a price, like 45.50' },
      { line: 5, zh: '第 5 行：编码"L-1"与第 2 行重复，已跳过', en: 'Row 5: code "L-1" repeats row 2; skipped' },
    ]);
    expect((await catalogue())?.version).toBe(before?.version);
  });

  it('imports only a CSV without bad rows, replacing the catalogue', async () => {
    const before = await catalogue();
    const bad = await admin.request('PUT', `${ADMIN_API}/catalogue`, { csv: [HEADER, 'P-1,配件,机油滤清器,个,abc'].join('\n') });
    expect(bad).toMatchObject({ status: 400, json: { message: expect.stringContaining('nothing was imported') } });
    expect((await catalogue())?.version).toBe(before?.version);

    const good = await admin.request('PUT', `${ADMIN_API}/catalogue`, { csv: [HEADER, 'L-9,工时,空调清洗,次,180.50'].join('\n') });
    expect(good).toMatchObject({ status: 200, json: { count: 1, version: (before?.version ?? 0) + 1 } });
    expect((await catalogue())?.items).toEqual([expect.objectContaining({ code: 'L-9', name: '空调清洗', unitPriceFen: 18050 })]);
  });

  it('refuses a CSV over the size limit with its size and the limit, before reading it', async () => {
    const big = `${HEADER}\n${'L-1,工时,更换机油,工时,80\n'.repeat(Math.ceil(MAX_CATALOGUE_CSV_BYTES / 20))}`;
    for (const path of [`${ADMIN_API}/catalogue/preview`, `${ADMIN_API}/catalogue`]) {
      const reply = await admin.request(path.endsWith('preview') ? 'POST' : 'PUT', path, { csv: big });
      expect(reply).toMatchObject({ status: 413, json: { error: 'too_large', message: expect.stringMatching(/The CSV is \d+\.\d MB; the console takes at most 2\.0 MB/) } });
    }
    // Past what the route reads at all: the framework's 413, in the API's shape.
    const huge = await admin.request('POST', `${ADMIN_API}/catalogue/preview`, { csv: 'x'.repeat(5 * MAX_CATALOGUE_CSV_BYTES) });
    expect(huge).toMatchObject({ status: 413, json: { error: 'too_large' } });
  });
});

describe("the store's profile", () => {
  const tabletProfile = async (token: string) =>
    JSON.parse((await server.send({ method: 'GET', path: '/api/v1/store/profile', headers: apiHeaders(token) })).text) as { profile: unknown };

  it('saves name, address, phone and defaults, which the tablets then read', async () => {
    const tablet = await enrollDevice(server, s1.enrollmentCode, 'Profile reader');
    const profile = { name: '浦东4S店', address: '上海市浦东新区1号', phone: '021-12345678', defaults: { oldParts: 'take', payment: 'wechat', carWash: true, promisedInHours: 6 } };
    const saved = await admin.request('PUT', `${ADMIN_API}/store-profile`, profile);
    expect(saved).toMatchObject({ status: 200, json: { profile, updatedAt: expect.any(String) } });
    expect((await admin.request('GET', `${ADMIN_API}/store-profile`)).json).toMatchObject({ profile });
    expect((await tabletProfile(tablet.token)).profile).toEqual(profile);

    // A default left out is one the store no longer sets.
    const fewer = { ...profile, defaults: { carWash: false } };
    expect((await admin.request('PUT', `${ADMIN_API}/store-profile`, fewer)).json).toMatchObject({ profile: fewer });
  });

  it('refuses a text too long or with hidden characters, and a default that is not one, changing nothing', async () => {
    const before = (await admin.request('GET', `${ADMIN_API}/store-profile`)).json;
    const base = { name: '店', address: '', phone: '', defaults: {} };
    expect(await admin.request('PUT', `${ADMIN_API}/store-profile`, { ...base, name: '店'.repeat(61) })).toMatchObject({
      status: 400,
      json: { message: expect.stringContaining('The name is too long') },
    });
    expect(await admin.request('PUT', `${ADMIN_API}/store-profile`, { ...base, phone: '021\u0007' })).toMatchObject({
      status: 400,
      json: { message: expect.stringContaining('The phone cannot hold control or invisible characters') },
    });
    expect(await admin.request('PUT', `${ADMIN_API}/store-profile`, { ...base, defaults: { payment: 'bitcoin' } })).toMatchObject({
      status: 400,
      json: { error: 'invalid_request', message: expect.stringContaining('defaults.payment') },
    });
    expect((await admin.request('GET', `${ADMIN_API}/store-profile`)).json).toEqual(before);
  });
});

describe('who may', () => {
  it("an advisor's session is refused every admin route; a change without the CSRF token is refused", async () => {
    const advisor = await signInConsole(server.baseUrl, { store: 'S1', username: s1.advisor.username, password: s1.advisor.password });
    for (const [method, path] of [
      ['GET', `${ADMIN_API}/advisors`],
      ['POST', `${ADMIN_API}/enrollment-codes`],
      ['GET', `${ADMIN_API}/store-profile`],
    ] as const) {
      expect(await advisor.request(method, path, method === 'GET' ? undefined : { days: 1, uses: 1 })).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    }
    expect(await admin.request('POST', `${ADMIN_API}/enrollment-codes`, { days: 1, uses: 1 }, { csrf: false })).toMatchObject({ status: 403, json: { error: 'csrf' } });
  });
});
