// The console's reports over real HTTP (real SQLite or PostgreSQL by TEST_RECORDS): 160 seeded
// cards written straight to the store's records as a push writes them, one more made on a
// simulated tablet and synced, and every report's figures checked against what this test works
// out from the cards' specs. A signed-in advisor reads every report; another store's admin sees
// none of these cards; bad periods get a 400 that says what to fix.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitMutation, createJob } from '../../src/db/job-repo.ts';
import { addAdvisor } from '../../src/server/admin/store-admin.ts';
import { REPORT_NAMES, REPORT_SCHEMAS, type ReportName, type ReportOf } from '../../src/shared/console/report-api.ts';
import { signInAdvisor } from '../../src/sync/enrollment.ts';
import { signInConsole, type ConsoleClient } from '../support/console-client.ts';
import { addAdvisorTo, seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { createTablet, type Tablet } from '../support/tablet.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { advisorOf, after, checkedInAt, dayOf, expectedFollowUp, finalOf, inMonth, numberOf, randomSpecs, sum, writeCards, type CardSpec } from '../unit/support/report-cards.ts';

let server: TestServer;
let store: TestStore;
let tablet: Tablet;
let advisorConsole: ConsoleClient;
let otherAdmin: ConsoleClient;
let specs: CardSpec[];
let wang = '';
let li = '';
const NOV = 'from=2026-11-01&to=2026-11-30';
const inNov = (iso: string | null | undefined) => inMonth(iso, '2026-11');

beforeAll(async () => {
  server = await startTestServer('console-reports');
  const storage = server.data.storage;
  store = await seedTestStore(storage, 'RP1');
  const summary = (await storage.getStore(store.storeId))!;
  wang = (await addAdvisor(storage, summary, { username: 'wang', name: '王磊', role: 'advisor', password: 'wang-password-1' })).advisor.id;
  li = (await addAdvisor(storage, summary, { username: 'li', name: '李娜', role: 'admin', password: 'li-password-1' })).advisor.id;
  const other = await seedTestStore(storage, 'RP2');
  await addAdvisorTo(storage, other.storeId, { username: 'boss', password: 'boss-password-1', name: '别店店长', role: 'admin' });

  // The seeded cards, as a push writes its jobs.
  specs = [
    ...randomSpecs(41, 160, 1000, [wang, li]),
    // Delivered at 03:00 on 1 November in the store: 19:00 UTC on 31 October, still November's.
    {
      n: 2000, createdAt: '2026-10-31T20:00:00.000+08:00', checkInAfter: 30, advisorId: null, serviceTypes: [], photos: 1, marks: [], estimateFen: [12_300],
      additions: [], promisedAt: null, status: 'delivered', deliveredAt: '2026-11-01T03:00:00.000+08:00',
    },
    // Delivered four days before the test runs, never called: overdue, on the list of calls whatever the period.
    {
      n: 2001, createdAt: after(new Date(Date.now() - 5 * 86_400_000).toISOString(), 0), checkInAfter: 20, advisorId: wang, serviceTypes: [], photos: 0, marks: [],
      estimateFen: [5_000], additions: [], promisedAt: null, status: 'delivered', deliveredAt: after(new Date(Date.now() - 4 * 86_400_000).toISOString(), 0),
    },
  ];
  await writeCards(storage, store.storeId, specs);

  // One card made on a tablet by the store's advisor and synced: checked in on 10 November.
  tablet = await createTablet('A', { baseUrl: server.baseUrl }, store.enrollmentCode);
  await signInAdvisor(tablet.db, { username: store.advisor.username, password: store.advisor.password }, { baseUrl: server.baseUrl });
  const job = await createJob(tablet.db, { customer: { name: '赵六', phone: '13900001111' }, vehicle: { plate: '粤B55555' }, serviceTypes: { repair: true } }, new Date('2026-11-10T10:00:00+08:00'));
  await commitMutation(tablet.db, job.id, { op: 'job.checkIn', payload: {} }, new Date('2026-11-10T10:25:00+08:00'));
  await tablet.engine.syncNow();

  advisorConsole = await signInConsole(server.baseUrl, { store: store.code, username: 'wang', password: 'wang-password-1' });
  otherAdmin = await signInConsole(server.baseUrl, { store: other.code, username: 'boss', password: 'boss-password-1' });
}, 90_000);

afterAll(async () => {
  await tablet?.engine.stop();
  tablet?.db.close();
  if (tablet) await Dexie.delete(tablet.db.name);
  await server?.close();
});

async function report<N extends ReportName>(client: ConsoleClient, name: N, query: string): Promise<ReportOf[N]> {
  const reply = await client.request('GET', `/api/v1/console/reports/${name}?${query}`);
  expect(reply.status, reply.text).toBe(200);
  return REPORT_SCHEMAS[name].parse(reply.json) as ReportOf[N];
}

const checkedInNov = () => specs.filter((spec) => inNov(checkedInAt(spec)));

describe('each report answers the fixture’s figures', () => {
  it('进厂台次 per day, advisor and service type, the synced tablet card included', async () => {
    const got = await report(advisorConsole, 'check-ins', `${NOV}&by=day`);
    const counted = checkedInNov();
    expect(got.total).toBe(counted.length + 1);
    for (const bucket of got.buckets) {
      const those = counted.filter((spec) => dayOf(checkedInAt(spec)) === bucket.key);
      const tabletCard = bucket.key === '2026-11-10' ? 1 : 0;
      expect([bucket.key, bucket.total]).toEqual([bucket.key, those.length + tabletCard]);
      expect(bucket.byAdvisor[wang] ?? 0).toBe(those.filter((s) => s.advisorId === wang).length);
      expect(bucket.byService.repair ?? 0).toBe(those.filter((s) => s.serviceTypes.includes('repair')).length + tabletCard);
    }
    expect(got.buckets[9]?.byAdvisor[store.advisor.id]).toBe(1);
    expect(got.advisors.map((a) => a.name)).toEqual(expect.arrayContaining(['王磊', '李娜', '张顾问']));
  });

  it('进厂台次 of one advisor, by week and by month', async () => {
    const weeks = await report(advisorConsole, 'check-ins', `${NOV}&by=week&advisor=${li}`);
    expect(weeks.buckets.map((b) => b.key)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    expect(weeks.total).toBe(checkedInNov().filter((s) => s.advisorId === li).length);
    const months = await report(advisorConsole, 'check-ins', 'from=2026-10-01&to=2026-12-31&by=month');
    expect(months.buckets.map((b) => [b.key, b.total])).toEqual(
      ['2026-10', '2026-11', '2026-12'].map((month) => [month, specs.filter((s) => inMonth(checkedInAt(s), month)).length + (month === '2026-11' ? 1 : 0)]),
    );
  });

  it('接车用时 and photos per card', async () => {
    const got = await report(advisorConsole, 'check-in-time', `${NOV}&advisor=${wang}`);
    const mine = checkedInNov().filter((s) => s.advisorId === wang);
    const minutes = mine.map((s) => s.checkInAfter ?? 0).sort((a, b) => a - b);
    expect(got.cards).toBe(mine.length);
    expect(got.minutes?.p90).toBe(minutes[Math.ceil(minutes.length * 0.9) - 1]);
    expect(got.photosTotal).toBe(sum(mine.map((s) => s.photos)));
  });

  it('追加项目 offered against approved', async () => {
    const got = await report(advisorConsole, 'additions', NOV);
    const counted = checkedInNov();
    const lines = counted.flatMap((s) => s.additions);
    expect(got.total.offered).toBe(lines.length);
    expect(got.total.offeredFen).toBe(sum(lines.map((a) => a.fen)));
    expect(got.total.approvedFen).toBe(sum(lines.filter((a) => a.decision === 'approved').map((a) => a.fen)));
  });

  it('估价 against 结算 of the cars delivered in the period', async () => {
    const got = await report(advisorConsole, 'estimate-vs-bill', NOV);
    const delivered = specs.filter((s) => s.status === 'delivered' && inNov(s.deliveredAt));
    expect(got.total).toMatchObject({ cards: delivered.length, estimateFen: sum(delivered.map((s) => sum(s.estimateFen))), finalFen: sum(delivered.map(finalOf)) });
    const row = got.byAdvisor.find((r) => r.advisorId === 'none');
    expect(row?.finalFen ?? 0).toBe(sum(delivered.filter((s) => advisorOf(s) === 'none').map(finalOf)));
  });

  it('overdue cars now', async () => {
    const got = await report(advisorConsole, 'overdue', NOV);
    const now = Date.parse(got.now);
    const late = specs.filter((s) => ['checked-in', 'in-repair', 'quality-check'].includes(s.status) && s.promisedAt !== null && Date.parse(s.promisedAt) < now);
    expect(got.cars.map((car) => car.number).sort()).toEqual(late.map(numberOf).sort());
  });

  it('72 小时回访 outcomes and where each stands now', async () => {
    const got = await report(advisorConsole, 'follow-ups', NOV);
    const expected = specs.filter((s) => s.status === 'delivered' && inNov(s.deliveredAt)).map((s) => expectedFollowUp(s, new Date(got.now)));
    expect(got.delivered).toBe(expected.length);
    for (const result of ['satisfied', 'neutral', 'dissatisfied', 'noAnswer', 'notCalled'] as const) expect(got.outcomes[result]).toBe(expected.filter((e) => e.result === result).length);
    expect(got.states.overdue).toBe(expected.filter((e) => e.state === 'overdue').length);
    // The calls to make now: whatever the period, the cars delivered in the last 90 days.
    const now = new Date(got.now);
    const recent = specs.filter((s) => s.status === 'delivered' && Date.parse(s.deliveredAt ?? '') >= now.getTime() - 90 * 86_400_000 && Date.parse(s.deliveredAt ?? '') <= now.getTime());
    expect(got.toCall.map((row) => row.number)).toContain('WK-TEST-2001');
    expect(got.toCall.map((row) => row.number).sort()).toEqual(recent.filter((s) => ['overdue', 'open', 'due'].includes(expectedFollowUp(s, now).state)).map(numberOf).sort());
  });

  it('the damage heat map counts every mark of the period once, in its view', async () => {
    const got = await report(advisorConsole, 'damage-map', NOV);
    const marks = checkedInNov().flatMap((s) => s.marks);
    for (const view of got.views) {
      expect([view.view, view.total]).toEqual([view.view, marks.filter((m) => m.view === view.view).length]);
      expect(view.handover).toBe(marks.filter((m) => m.view === view.view && m.stage === 'handover').length);
    }
  });
});

describe('the store and the period', () => {
  it.each(REPORT_NAMES)('another store’s admin reads %s of their own store only: none of these cards', async (name) => {
    const got = (await report(otherAdmin, name, NOV)) as { total?: unknown; cars?: unknown[]; delivered?: number; cards?: number; views?: { total: number }[] };
    const counted = [got.cars?.length, got.delivered, got.cards, got.views?.reduce((n, v) => n + v.total, 0), typeof got.total === 'number' ? got.total : undefined];
    expect(counted.filter((n) => n !== undefined && n !== 0)).toEqual([]);
  });

  it.each([
    ['from=2026-11-30&to=2026-11-01', 'to (2026-11-01) must be on or after from (2026-11-30)'],
    ['from=2020-01-01&to=2026-11-30', 'choose at most 1096 days'],
    ['from=2026-11-31&to=2026-12-01', 'from must be a date like 2026-11-01'],
    ['to=2026-11-30', 'from is required'],
    [`${NOV}&by=quarter`, 'by must be day, week or month'],
    [`${NOV}&advisor=wang`, 'advisor must be an advisor id'],
    [`${NOV}&store=RP2`, 'store'],
  ])('?%s is refused with 400: %s', async (query, message) => {
    const reply = await advisorConsole.request('GET', `/api/v1/console/reports/check-ins?${query}`);
    expect(reply.status).toBe(400);
    expect((reply.json as { message: string }).message).toContain(message);
  });

  it('publishes each report in the OpenAPI document with its query and its answer', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { get?: { parameters: { name: string }[]; responses: Record<string, { content: Record<string, { schema: unknown }> }> } }>;
    };
    for (const name of REPORT_NAMES) {
      const route = doc.paths[`/api/v1/console/reports/${name}`]?.get;
      expect(route?.parameters.map((p) => p.name).sort()).toEqual(['advisor', 'by', 'from', 'to']);
      expect(JSON.stringify(route?.responses['200']?.content['application/json']?.schema)).toContain('"advisors"');
    }
  });

  it('answers 401 without a sign-in, before it reads the query', async () => {
    const reply = await fetch(`${server.baseUrl}/api/v1/console/reports/check-ins?from=bad`);
    expect(reply.status).toBe(401);
  });
});
