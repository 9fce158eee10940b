// Hostile and broken requests against the real server (DESIGN.md "Security": every body and
// parameter validated, errors are 4xx with a message a person can act on, size limits). A
// seeded generator mutates valid bodies field by field and builds bad paths, queries,
// headers and raw HTTP; every answer must be a 4xx `{ error, message }` (a 2xx only where
// the input was valid by the shared schemas), and afterwards the server still serves and
// its data holds only what the valid requests did. BAD_INPUT_SEED picks another generation;
// BAD_INPUT_REQUESTS=10000 sends at least that many requests (a soak for outside CI).
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenHash } from '../../src/server/auth/tokens.ts';
import { CONSOLE_COOKIE } from '../../src/server/console/console-session.ts';
import { consoleClientId } from '../../src/server/console/console-client-id.ts';
import { REPORT_NAMES, reportQuerySchema } from '../../src/shared/console/report-api.ts';
import { archiveSearchQuerySchema, customerQuerySchema } from '../../src/shared/console/archive-api.ts';
import { exportQuerySchema } from '../../src/shared/console/export-api.ts';
import { appointmentFieldsSchema } from '../../src/shared/console/appointment-api.ts';
import { consoleSignInRequestSchema, CSRF_HEADER } from '../../src/shared/console/session-api.ts';
import {
  ADMIN_API,
  addAdvisorRequestSchema,
  advisorParamsSchema,
  catalogueCsvRequestSchema,
  enrollmentCodeRequestSchema,
  setDisabledRequestSchema,
  storeProfileRequestSchema,
  tabletParamsSchema,
} from '../../src/shared/console/admin-api.ts';
import type { Job } from '../../src/shared/job.ts';
import type { Mutation, MutationOp } from '../../src/shared/mutation.ts';
import {
  enrollRequestSchema,
  MAX_BLOB_BYTES,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullQuerySchema,
  pushRequestSchema,
  signInRequestSchema,
  type PushResponse,
} from '../../src/shared/protocol.ts';
import { seededRng } from '../bench/cards.ts';
import { addAdvisorTo, seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { fakeJpeg, fakePng } from '../support/tablet.ts';
import { apiHeaders, enrollDevice, startTestServer, testPhotos, type EnrolledDevice, type RawReply, type RawRequest, type TestServer } from '../support/test-server.ts';

const SEED = Number(process.env.BAD_INPUT_SEED ?? 0x5eed_2025) >>> 0;
/**
 * BAD_INPUT_REQUESTS: send at least this many requests in all (e.g. 10000 outside CI); random
 * hostile bodies make up what the fixed cases do not. Unset, the run is CI's (about 1,700).
 */
const TARGET_REQUESTS = Number(process.env.BAD_INPUT_REQUESTS ?? 0);

const random = seededRng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A version-4 UUID from the seeded generator, so a failing run can be replayed. */
function uuid(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const SQL = "'; DROP TABLE jobs; --";
const TRAVERSAL = '../../etc/passwd';
const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
const withOwnKey = (key: string, value: unknown): Record<string, unknown> =>
  Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true });

/** Values that go where a valid field was: wrong types, edges, hostile strings. */
const HOSTILE: [string, () => unknown][] = [
  ['null', () => null],
  ['0', () => 0],
  ['-1', () => -1],
  ['1e300', () => 1e300],
  ['1.5', () => 1.5],
  ['true', () => true],
  ['empty string', () => ''],
  ['huge string', () => 'x'.repeat(200_000)],
  ['nested arrays', () => nested(40)],
  ['object', () => ({})],
  ['array', () => []],
  ['unicode', () => 'Ω≈ç√ 🚗 \u202eRTL\u200b 车牌 ﷽'],
  ['lone surrogate', () => '\ud800'],
  ['sql', () => SQL],
  ['path traversal', () => TRAVERSAL],
  ['null byte', () => 'a\u0000b'],
  ['__proto__ object', () => withOwnKey('__proto__', { polluted: true })],
  ['constructor object', () => withOwnKey('constructor', { prototype: { polluted: true } })],
];

const FRAGMENTS = [SQL, TRAVERSAL, '%2e%2e%2f', '\u0000', '🚗', '\ud83d', 'ä', '"', '\\', '{', '<script>', ' OR 1=1', '\n', '0x', 'e9', '-', '车'];
/** A random hostile value: a string of fragments, an odd number, or a nested thing. */
function randomValue(): unknown {
  const kind = Math.floor(random() * 6);
  if (kind === 0) return Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(FRAGMENTS)).join('');
  if (kind === 1) return pick([Number.MAX_SAFE_INTEGER + 2, -0, 2 ** 31, -(2 ** 53), 1e-300, 0.1, 1e21]);
  if (kind === 2) return nested(1 + Math.floor(random() * 500));
  if (kind === 3) return withOwnKey(pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']), randomValue());
  if (kind === 4) return 'y'.repeat(Math.floor(random() * 3000));
  return pick([null, true, false, {}, []]);
}

type Path = (string | number)[];

/** Every path into a JSON value, the root first. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
  return [prefix, ...children];
}

function setAt(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(base)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function addKeyAt(base: unknown, path: Path, key: string): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path) node = node[step] as Record<string | number, unknown>;
  Object.defineProperty(node, key, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** One generated request: built when it is sent (seqs and ids depend on what went before). */
type Case = {
  group: string;
  name: string;
  build: () => { request: RawRequest; valid: boolean; after?: (reply: RawReply) => void };
  /** The status expected (or the ones allowed), when the input decides it. */
  status?: number | number[];
  /** A name a refusal must mention: the field that was made wrong, or the key added. */
  names?: string;
};

let server: TestServer;
let store: TestStore;
let tablet: EnrolledDevice;
let otherTablet: EnrolledDevice;
let jobId: string;
/** A checked-in card with one additional line: the operations after check-in change it. */
let workJobId: string;
let additionId: string;
let photo: { bytes: Buffer; sha256: string };
/** What valid requests did, to compare the database with at the end. */
const made = { jobs: new Set<string>(), devices: new Set<string>(), blobs: new Set<string>(), advisors: new Set<string>(), consoleDevice: false };
/** Each distinct answer, to read them all at once with BAD_INPUT_VERBOSE=1. */
const messages = new Set<string>();
const tally = { requests: 0, byStatus: new Map<number, number>(), validRefused: new Map<string, number>() };

beforeAll(async () => {
  // Wrong enrollment codes slow their address by seconds (enrollment-guard.test.ts tests that);
  // here they would only slow the run, whose generated enrollments use up a code's 100 tablets.
  server = await startTestServer('bad-input', { enrollmentGuard: { delayMs: 10 } });
  store = await seedTestStore(server.data.storage, 'BI', 100);
  tablet = await enrollDevice(server, store.enrollmentCode, 'Tablet A', uuid());
  otherTablet = await enrollDevice(server, store.enrollmentCode, 'Tablet B', uuid());
  made.devices.add(tablet.deviceId).add(otherTablet.deviceId);
  await server.refreshLastSeqs([tablet.clientId, otherTablet.clientId]);
  jobId = uuid();
  const created = await pushJson(tablet.token, { mutations: [mutation(tablet, jobId, nextSeq(), { op: 'job.create', payload: { number: 'BI-20250101-A001', card: { customer: { name: '原始客户' } } } })] });
  expect(created.status).toBe(200);
  made.jobs.add(jobId);
  await server.refreshLastSeqs();
  workJobId = uuid();
  additionId = uuid();
  const work = await pushJson(tablet.token, {
    mutations: [
      mutation(tablet, workJobId, nextSeq(), { op: 'job.create', payload: { number: 'BI-20250101-A003', card: { customer: { name: '追加客户' } } } }),
      mutation(tablet, workJobId, nextSeq() + 1, { op: 'job.checkIn', payload: {} }),
      mutation(tablet, workJobId, nextSeq() + 2, { op: 'addition.add', payload: { id: additionId, ...LINE, reason: '刹车片磨损到限' } }),
    ],
  });
  expect(JSON.parse(work.text)).toMatchObject({ rejected: [], missingBlobs: [] });
  made.jobs.add(workJobId);
  const bytes = Buffer.from(fakeJpeg(77, 1200));
  photo = { bytes, sha256: sha256(bytes) };
  const upload = await server.send(blobPut(photo.sha256, bytes, 'image/jpeg'));
  expect(upload.status).toBe(201);
  made.blobs.add(photo.sha256);
  const admin = await addAdvisorTo(server.data.storage, store.storeId, { username: 'bi.admin', name: '管理员', role: 'admin', password: 'bi-admin-password' });
  consoleSession = { token: randomBytes(32).toString('base64url'), csrfToken: randomBytes(32).toString('base64url') };
  const now = Date.now();
  await server.data.storage.createConsoleSession({
    tokenHash: tokenHash(consoleSession.token),
    storeId: store.storeId,
    advisorId: admin.advisor.id,
    csrfToken: consoleSession.csrfToken,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 3_600_000).toISOString(),
  });
}, 20_000);

afterAll(async () => {
  const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
  const refused = [...tally.validRefused].map(([why, n]) => `${why}×${n}`).join(' ');
  console.log(`bad-input: seed ${SEED} (BAD_INPUT_SEED), ${tally.requests} requests; statuses ${statuses}; valid inputs refused: ${refused || 'none'}`);
  if (process.env.BAD_INPUT_VERBOSE) console.log([...messages].sort().join('\n'));
  await server?.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const json = (token: string | undefined, method: string, path: string, body: unknown): RawRequest => ({
  method,
  path,
  headers: { ...apiHeaders(token), 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const blobPut = (name: string, body: RawRequest['body'], type?: string, token = tablet.token): RawRequest => ({
  method: 'PUT',
  path: `/api/v1/blobs/${name}`,
  headers: { ...apiHeaders(token), ...(type ? { 'content-type': type } : {}) },
  body,
});

function mutation(device: EnrolledDevice, job: string, seq: number, body: Record<string, unknown>): Mutation {
  return { ...body, mutationId: uuid(), clientId: device.clientId, seq, jobId: job, createdAt: new Date().toISOString() } as Mutation;
}

function nextSeq(device = tablet): number {
  return server.lastSeq(device.clientId) + 1;
}

async function pushJson(token: string, body: unknown): Promise<RawReply> {
  return server.send(json(token, 'POST', '/api/v1/push', body));
}

/** Records what a push that the server took did: new cards. */
function notePush(body: unknown) {
  return (reply: RawReply) => {
    if (reply.status !== 200) return;
    const outcome = JSON.parse(reply.text) as PushResponse;
    const refused = new Set(outcome.rejected.map((r) => r.mutationId));
    for (const m of (body as { mutations: Mutation[] }).mutations) {
      if (m.op === 'job.create' && m.seq <= outcome.lastSeq && !refused.has(m.mutationId)) made.jobs.add(m.jobId);
    }
  };
}

// ---- generated bodies: each valid base, mutated one field (or one extra key) at a time ----

type BodyBase = {
  route: string;
  token: () => string | undefined;
  /** The store console's routes: the session cookie and CSRF header (consoleHeaders) instead of a device token. */
  headers?: () => Record<string, string>;
  /** POST unless told. */
  method?: string;
  schema: { safeParse(v: unknown): { success: boolean } };
  base: () => unknown;
  after?: (body: unknown) => (reply: RawReply) => void;
};

const LINE = { kind: 'labour', code: 'L1', description: '更换机油', quantityMilli: 1000, unitPriceFen: 5000, discountBp: 0 } as const;
const phoneVia = () => ({ kind: 'phone', calledAt: new Date().toISOString(), phone: '13800000000', agreedBy: '车主本人' });
/** One valid payload of an operation after check-in, on the checked-in card. */
const work = (op: MutationOp, payload: () => unknown) => () => ({ mutations: [mutation(tablet, workJobId, nextSeq(), { op, payload: payload() })] });

const pushBases: Record<string, () => unknown> = {
  'job.create': () => ({ mutations: [mutation(tablet, uuid(), nextSeq(), { op: 'job.create', payload: { number: 'BI-20250101-A002', card: { customer: { name: '客户', phone: '13800000000' }, vehicle: { plate: '粤B12345', vin: '' }, odometerKm: 1000, serviceTypes: { repair: true } } } })] }),
  'photo.add': () => ({ mutations: [mutation(tablet, jobId, nextSeq(), { op: 'photo.add', payload: { id: uuid(), sha256: photo.sha256, thumbSha256: photo.sha256, mime: 'image/jpeg', width: 1600, height: 1200, byteLength: photo.bytes.byteLength, damageId: null, slot: 'odometer', annotatedFromId: null, takenAt: new Date().toISOString() } })] }),
  'line.add': () => ({ mutations: [mutation(tablet, jobId, nextSeq(), { op: 'line.add', payload: { id: uuid(), ...LINE } })] }),
  // After check-in (issue 10): each operation once, on a card where it applies.
  'job.move': work('job.move', () => ({ from: 'checked-in', to: 'in-repair' })),
  'addition.add': work('addition.add', () => ({ id: uuid(), ...LINE, reason: '漏油' })),
  'addition.update': work('addition.update', () => ({ id: additionId, fields: { unitPriceFen: 6000, reason: '复查后' } })),
  'addition.remove': work('addition.remove', () => ({ id: uuid() })),
  'addition.decide': work('addition.decide', () => ({ id: uuid(), decisions: { [additionId]: 'approved' }, promisedAt: new Date().toISOString(), via: phoneVia() })),
  'qc.check': work('qc.check', () => ({ item: 'roadTest', result: 'na', note: '无需路试' })),
  'qc.override': work('qc.override', () => ({ reason: '客户急用车' })),
  'handover.update': work('handover.update', () => ({ fields: { coversRemoved: { seat: new Date().toISOString() }, discountFen: 500, discountReason: '抹零', paidFen: 10_000, payment: 'wechat', nextServiceDate: '2027-06-07', nextServiceKm: 15_000 } })),
  'followUp.call': work('followUp.call', () => ({ id: uuid(), outcome: 'dissatisfied', note: '异响仍在' })),
  'followUp.resolve': work('followUp.resolve', () => ({ note: '已回厂处理' })),
  'appointment.set': work('appointment.set', () => ({ at: new Date(Date.now() + 86_400_000).toISOString(), note: '客户电话预约' })),
  'appointment.noShow': work('appointment.noShow', () => ({ noShow: true })),
  'signature.add': work('signature.add', () => ({ id: uuid(), kind: 'additional', subjectId: uuid(), signerName: '张伟', signedAt: new Date().toISOString(), deviceId: tablet.clientId, contentHash: photo.sha256, pngSha256: photo.sha256, strokesSha256: photo.sha256 })),
};

const bodyBases: Record<string, BodyBase> = {
  ...Object.fromEntries(
    Object.entries(pushBases).map(([op, base]) => [
      `push ${op}`,
      { route: '/api/v1/push', token: () => tablet.token, schema: pushRequestSchema, base, after: notePush },
    ]),
  ),
  enroll: {
    route: '/api/v1/auth/enroll',
    token: () => undefined,
    schema: enrollRequestSchema,
    base: () => ({ code: store.enrollmentCode, clientId: uuid(), deviceName: 'Generated tablet', deviceSecret: secret() }),
    after: () => (reply) => {
      if (reply.status === 200) made.devices.add((JSON.parse(reply.text) as { device: { id: string } }).device.id);
    },
  },
  'sign-in': { route: '/api/v1/auth/sign-in', token: () => tablet.token, schema: signInRequestSchema, base: () => ({ username: store.advisor.username, password: store.advisor.password }) },
  // The store console (its routes take the session cookie and the CSRF header: consoleHeaders).
  'console sign-in': {
    route: '/api/v1/console/sign-in',
    token: () => undefined,
    headers: () => ({}),
    schema: consoleSignInRequestSchema,
    base: () => ({ store: store.code, username: store.advisor.username, password: store.advisor.password }),
  },
  // 预约 (console-appointments-routes.ts): a valid booking makes a card; its moves a booked one.
  'console appointment': {
    route: '/api/v1/console/appointments',
    token: () => undefined,
    headers: consoleHeaders,
    schema: appointmentFieldsSchema,
    base: () => ({ customerName: '预约客户', customerPhone: '13800000000', plate: '粤B12345', at: new Date().toISOString(), serviceType: 'maintenance', note: '保养' }),
    after: () => (reply) => {
      if (reply.status !== 200) return;
      made.jobs.add((JSON.parse(reply.text) as { jobId: string }).jobId);
      // The console writes as a device of its own, enrolled with its first booking.
      made.consoleDevice = true;
    },
  },
  'console appointment move': {
    route: '/api/v1/console/appointments/00000000-0000-4000-8000-000000000000',
    method: 'PUT',
    token: () => undefined,
    headers: consoleHeaders,
    schema: appointmentFieldsSchema,
    base: () => ({ customerName: '预约客户', customerPhone: '13800000000', plate: '', at: new Date().toISOString(), serviceType: 'repair', note: '' }),
  },
  // Administration (console-admin-routes.ts). Its rules are store-admin.ts's, the command line's
  // own (1 to 90 days, a username's form): a body the schema takes may still be refused by them.
  'console add advisor': {
    route: `${ADMIN_API}/advisors`,
    token: () => undefined,
    headers: consoleHeaders,
    schema: addAdvisorRequestSchema,
    base: () => ({ username: `bi.gen${(generatedAdvisors += 1)}`, name: '生成的顾问', role: 'advisor' }),
    after: () => (reply) => {
      if (reply.status === 200) made.advisors.add((JSON.parse(reply.text) as { advisor: { username: string } }).advisor.username);
    },
  },
  // An advisor who does not exist: a body the schema takes is answered 404, nobody changes.
  'console disable advisor': { route: `${ADMIN_API}/advisors/bi.nobody/disabled`, method: 'PUT', token: () => undefined, headers: consoleHeaders, schema: setDisabledRequestSchema, base: () => ({ disabled: true }) },
  'console enrollment code': { route: `${ADMIN_API}/enrollment-codes`, token: () => undefined, headers: consoleHeaders, schema: enrollmentCodeRequestSchema, base: () => ({ days: 7, uses: 10 }) },
  'console catalogue preview': { route: `${ADMIN_API}/catalogue/preview`, token: () => undefined, headers: consoleHeaders, schema: catalogueCsvRequestSchema, base: () => ({ csv: '编码,类型,名称,单位,单价\nL-1,工时,更换机油,工时,80' }) },
  'console catalogue import': { route: `${ADMIN_API}/catalogue`, method: 'PUT', token: () => undefined, headers: consoleHeaders, schema: catalogueCsvRequestSchema, base: () => ({ csv: '编码,类型,名称,单位,单价\nL-1,工时,更换机油,工时,80' }) },
  'console store profile': {
    route: `${ADMIN_API}/store-profile`,
    method: 'PUT',
    token: () => undefined,
    headers: consoleHeaders,
    schema: storeProfileRequestSchema,
    base: () => ({ name: '生成门店', address: '上海市 1 号', phone: '021-12345678', defaults: { oldParts: 'take', payment: 'cash', carWash: true, promisedInHours: 4 } }),
  },
};
let generatedAdvisors = 0;

/** A signed-in console administrator of the store (made straight in the storage in beforeAll). */
let consoleSession: { token: string; csrfToken: string };
/** What the console page sends with each request: the session cookie and the CSRF token. */
function consoleHeaders(): Record<string, string> {
  return { cookie: `${CONSOLE_COOKIE}=${consoleSession.token}`, [CSRF_HEADER]: consoleSession.csrfToken };
}

/** A tablet's enrollment secret from the seeded generator: 43 base64url characters. */
function secret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: 43 }, () => pick([...alphabet])).join('');
}

/** The request of a body base changed by `change`, and whether the shared schema takes it. */
function bodyRequest(spec: BodyBase, change: (base: unknown) => unknown): Case['build'] {
  return () => {
    const body = change(spec.base());
    // The server sees the JSON text: judge validity on exactly what it will parse.
    const text = JSON.stringify(body);
    const valid = spec.schema.safeParse(JSON.parse(text)).success;
    const headers = spec.headers ? spec.headers() : apiHeaders(spec.token());
    return { request: { method: spec.method ?? 'POST', path: spec.route, headers: { ...headers, 'content-type': 'application/json' }, body: text }, valid, after: spec.after?.(body) };
  };
}

/** One body base with one field (any depth) set to a random hostile value. */
function randomBodyCase(label: string, spec: BodyBase, i: number): Case {
  const path = pick(pathsOf(spec.base()));
  const value = randomValue();
  return { group: 'bodies', name: `${label}: random #${i} at ${path.join('.') || 'body'}`, names: path.length ? String(path[0]) : undefined, build: bodyRequest(spec, (base) => setAt(base, path, value)) };
}

function bodyCases(): Case[] {
  const cases: Case[] = [];
  for (const [label, spec] of Object.entries(bodyBases)) {
    const shape = spec.base();
    const build = (change: (base: unknown) => unknown) => bodyRequest(spec, change);
    cases.push({ group: 'bodies', name: `${label}: the valid body`, build: build((base) => base) });
    const paths = pathsOf(shape);
    // The other ops share the mutation envelope with job.create: sample their paths, their payload's more often.
    const chosen = label === 'push job.create' || !label.startsWith('push') ? paths : paths.filter((path) => random() < (path[2] === 'payload' ? 0.3 : 0.05));
    for (const path of chosen) {
      for (const [name, value] of HOSTILE) {
        cases.push({ group: 'bodies', name: `${label}: ${path.join('.') || 'body'} = ${name}`, names: path.length ? String(path[0]) : undefined, build: build((base) => setAt(base, path, value())) });
      }
    }
    for (const path of paths) {
      if (typeof getAt(shape, path) !== 'object' || getAt(shape, path) === null || Array.isArray(getAt(shape, path))) continue;
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        cases.push({ group: 'bodies', name: `${label}: extra key ${key} at ${path.join('.') || 'body'}`, names: key, build: build((base) => addKeyAt(base, path, key)) });
      }
    }
    for (let i = 0; i < (label in AFTER_CHECK_IN_BASES ? 5 : 40); i++) cases.push(randomBodyCase(label, spec, i));
  }
  return cases;
}

const AFTER_CHECK_IN_BASES = Object.fromEntries(Object.keys(pushBases).filter((op) => !['job.create', 'photo.add', 'line.add'].includes(op)).map((op) => [`push ${op}`, true]));

// ---- the operations after check-in, each with what an advisor's tablet (or a forger) might get wrong ----

type Wrong = [string, MutationOp, (payload: Record<string, unknown>) => unknown];
const put = (key: string, value: unknown) => (payload: Record<string, unknown>) => ({ ...payload, [key]: value });
const putIn = (part: string, key: string, value: unknown) => (payload: Record<string, unknown>) => ({ ...payload, [part]: { ...(payload[part] as object), [key]: value } });
const drop = (part: string, key: string) => (payload: Record<string, unknown>) => {
  const { [key]: _gone, ...rest } = payload[part] as Record<string, unknown>;
  return { ...payload, [part]: rest };
};

const WRONG_AFTER_CHECK_IN: Wrong[] = [
  ['a status that does not exist', 'job.move', put('to', 'finished')],
  ['a status in the wrong case', 'job.move', put('from', 'Checked-In')],
  ['a status in Chinese', 'job.move', put('to', '已交车')],
  ['no from', 'job.move', (p) => ({ to: p.to })],
  ['an unknown QC item', 'qc.check', put('item', 'brakes')],
  ['an unknown QC result', 'qc.check', put('result', 'ok')],
  ['a QC note of 201 characters', 'qc.check', put('note', 'x'.repeat(201))],
  ['an empty override reason', 'qc.override', put('reason', '')],
  ['a blank override reason', 'qc.override', put('reason', '   ')],
  ['a negative price', 'addition.add', put('unitPriceFen', -100)],
  ['a negative quantity', 'addition.add', put('quantityMilli', -1000)],
  ['a price in yuan with cents', 'addition.add', put('unitPriceFen', 12.5)],
  ['an empty reason', 'addition.add', put('reason', '')],
  ['no reason', 'addition.add', (p) => ({ ...p, reason: undefined })],
  ['an unknown line kind', 'addition.add', put('kind', 'service')],
  ['a negative price in an update', 'addition.update', putIn('fields', 'unitPriceFen', -1)],
  ['an empty reason in an update', 'addition.update', putIn('fields', 'reason', '')],
  ['an unknown field in an update', 'addition.update', putIn('fields', 'approved', true)],
  ['no id to remove', 'addition.remove', () => ({})],
  ['an empty decisions map', 'addition.decide', put('decisions', {})],
  ['a decision that is neither approved nor declined', 'addition.decide', (p) => ({ ...p, decisions: { [additionId]: 'maybe' } })],
  ['a decision keyed by something not an id', 'addition.decide', put('decisions', { 'line 1': 'approved' })],
  ['a promised time that is no time', 'addition.decide', put('promisedAt', 'tomorrow')],
  ['a promised time without offset', 'addition.decide', put('promisedAt', '2027-06-07T10:00:00')],
  ['by phone without the number', 'addition.decide', drop('via', 'phone')],
  ['by phone without who agreed', 'addition.decide', drop('via', 'agreedBy')],
  ['by phone without when', 'addition.decide', drop('via', 'calledAt')],
  ['by phone with an empty number', 'addition.decide', putIn('via', 'phone', '')],
  ['by phone, called at no time', 'addition.decide', putIn('via', 'calledAt', '昨天下午')],
  ['by e-mail', 'addition.decide', put('via', { kind: 'email' })],
  ['by signature with phone fields', 'addition.decide', put('via', { kind: 'signature', phone: '13800000000' })],
  ['no via', 'addition.decide', (p) => ({ ...p, via: undefined })],
  ['a negative discount', 'handover.update', putIn('fields', 'discountFen', -500)],
  ['a negative payment', 'handover.update', putIn('fields', 'paidFen', -1)],
  ['a payment past the limit', 'handover.update', putIn('fields', 'paidFen', 1_000_000_000)],
  ['a payment in yuan with cents', 'handover.update', putIn('fields', 'paidFen', 100.5)],
  ['an unknown payment method', 'handover.update', putIn('fields', 'payment', 'bitcoin')],
  ['a next service date as day/month/year', 'handover.update', putIn('fields', 'nextServiceDate', '07/06/2027')],
  ['a next service date as an instant', 'handover.update', putIn('fields', 'nextServiceDate', '2027-06-07T00:00:00Z')],
  ['a next service date that does not exist', 'handover.update', putIn('fields', 'nextServiceDate', '2027-13-45')],
  ['a negative next service mileage', 'handover.update', putIn('fields', 'nextServiceKm', -1)],
  ['a handover mileage past the limit', 'handover.update', putIn('fields', 'odometerKm', 1e9)],
  ['an unknown cover', 'handover.update', putIn('fields', 'coversRemoved', { roof: new Date().toISOString() })],
  ['a cover removed at no time', 'handover.update', putIn('fields', 'coversRemoved', { seat: 'now' })],
  ['a damage check of something not an id', 'handover.update', putIn('fields', 'damageChecks', { 'scratch 1': new Date().toISOString() })],
  ['an unknown belonging', 'handover.update', putIn('fields', 'belongingsReturned', { laptop: true })],
  ['an unknown handover field', 'handover.update', putIn('fields', 'tipFen', 100)],
  ['an unknown call outcome', 'followUp.call', put('outcome', 'happy')],
  ['a call note of 501 characters', 'followUp.call', put('note', 'x'.repeat(501))],
  ['an empty resolution', 'followUp.resolve', put('note', '')],
  ['a blank resolution', 'followUp.resolve', put('note', '\n  ')],
  ['an appointment time without its offset', 'appointment.set', put('at', '2026-12-08 10:30')],
  ['an appointment day only', 'appointment.set', put('at', '2026-12-08')],
  ['an appointment note of 201 characters', 'appointment.set', put('note', '约'.repeat(201))],
  ['an appointment with a no-show inside', 'appointment.set', put('noShowAt', null)],
  ['a no-show as a word', 'appointment.noShow', put('noShow', 'yes')],
  ['a no-show without its answer', 'appointment.noShow', () => ({})],
  ['a round that is not an id', 'signature.add', put('subjectId', 'round-1')],
  ['a signature kind that does not exist', 'signature.add', put('kind', 'handover')],
];

function afterCheckInCases(): Case[] {
  return WRONG_AFTER_CHECK_IN.map(([name, op, wrong]) => ({
    group: 'after check-in',
    name: `${op}: ${name}`,
    status: 400,
    names: 'mutations',
    build: () => {
      const built = bodyRequest(bodyBases[`push ${op}`]!, (base) => {
        const body = base as { mutations: { payload: Record<string, unknown> }[] };
        const [m] = body.mutations;
        return { mutations: [{ ...m, payload: wrong(m!.payload) }] };
      })();
      // Each case must be wrong by the shared schemas; one they take is a mistake in this list.
      if (built.valid) throw new Error(`${op}: "${name}" is valid by the shared schemas`);
      return built;
    },
  }));
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

// ---- body framing: content types, not-JSON, empty, oversized ----

function framingCases(): Case[] {
  const routes: [string, () => string | undefined][] = [
    ['/api/v1/push', () => tablet.token],
    ['/api/v1/auth/enroll', () => undefined],
    ['/api/v1/auth/sign-in', () => tablet.token],
  ];
  const bodies: [string, string | Buffer][] = [
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['a number', '1'],
    ['true', 'true'],
    ['cut short', '{"mutations": [{'],
    ['not JSON', 'hello world'],
    ['single quotes', "{'code': 'x'}"],
    ['a BOM', '\ufeff{}'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ['__proto__', '{"__proto__": {"polluted": true}}'],
    ['constructor.prototype', '{"constructor": {"prototype": {"polluted": true}}}'],
    ['100,000 nested arrays', '{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'],
    ['a number past double range', '{"mutations": 1e400}'],
  ];
  const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16le'];
  const cases: Case[] = [];
  for (const [route, token] of routes) {
    const request = (body: string | Buffer, type?: string): RawRequest => ({ method: 'POST', path: route, headers: { ...apiHeaders(token()), ...(type ? { 'content-type': type } : {}) }, body });
    // The server may answer before it has read an oversized body: not a connection to reuse.
    const closing = (r: RawRequest): RawRequest => ({ ...r, headers: { ...r.headers, connection: 'close' } });
    for (const [name, body] of bodies) cases.push({ group: 'framing', name: `${route}: ${name}`, build: () => ({ request: request(body, 'application/json'), valid: false }) });
    for (const type of types) cases.push({ group: 'framing', name: `${route}: as ${type}`, build: () => ({ request: request('{}', type), valid: false }) });
    cases.push({ group: 'framing', name: `${route}: a body without content type`, build: () => ({ request: request('{}'), valid: false }) });
    cases.push({ group: 'framing', name: `${route}: no body at all`, build: () => ({ request: { method: 'POST', path: route, headers: apiHeaders(token()) }, valid: false }) });
    // Past the JSON limit (1 MB; a push may be 2 MB).
    const size = route === '/api/v1/push' ? 2.5 * 1024 * 1024 : 1.1 * 1024 * 1024;
    const big = JSON.stringify({ pad: 'x'.repeat(size) });
    cases.push({ group: 'framing', name: `${route}: ${(size / 1024 / 1024).toFixed(1)} MB`, status: 413, build: () => ({ request: closing(request(big, 'application/json')), valid: false }) });
    cases.push({ group: 'framing', name: `${route}: ${(size / 1024 / 1024).toFixed(1)} MB chunked`, status: 413, build: () => ({ request: closing({ ...request('', 'application/json'), body: chunks(Buffer.from(big), 64 * 1024) }), valid: false }) });
  }
  const checkIn = () => mutation(tablet, jobId, 1, { op: 'job.checkIn', payload: {} });
  cases.push({
    group: 'framing',
    name: 'push: 10,000 mutations',
    build: () => {
      const first = nextSeq();
      return { request: json(tablet.token, 'POST', '/api/v1/push', { mutations: Array.from({ length: 10_000 }, (_, i) => ({ ...checkIn(), seq: first + i })) }), valid: false };
    },
  });
  cases.push({
    group: 'framing',
    name: 'push: 201 mutations',
    status: 400,
    build: () => {
      const first = nextSeq();
      return { request: json(tablet.token, 'POST', '/api/v1/push', { mutations: Array.from({ length: 201 }, (_, i) => ({ ...checkIn(), seq: first + i })) }), valid: false };
    },
  });
  for (const seq of [0, -1, 1e300, 1.5, Number.MAX_SAFE_INTEGER + 1]) {
    cases.push({ group: 'framing', name: `push: seq ${seq}`, status: 400, build: () => ({ request: json(tablet.token, 'POST', '/api/v1/push', { mutations: [{ ...checkIn(), seq }] }), valid: false }) });
  }
  for (const op of ['job.delete', 'JOB.CREATE', '__proto__', 'constructor', 'toString', '']) {
    cases.push({ group: 'framing', name: `push: unknown op ${JSON.stringify(op)}`, status: 400, build: () => ({ request: json(tablet.token, 'POST', '/api/v1/push', { mutations: [{ ...checkIn(), seq: nextSeq(), op }] }), valid: false }) });
  }
  cases.push({
    group: 'framing',
    name: "push: another tablet's clientId",
    status: 403,
    build: () => ({ request: json(tablet.token, 'POST', '/api/v1/push', { mutations: [mutation(otherTablet, jobId, nextSeq(otherTablet), { op: 'job.checkIn', payload: {} })] }), valid: false }),
  });
  cases.push({ group: 'framing', name: 'push: an empty batch', status: 400, build: () => ({ request: json(tablet.token, 'POST', '/api/v1/push', { mutations: [] }), valid: false }) });
  return cases;
}

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

// ---- paths and query strings ----

function queryCases(): Case[] {
  const cases: Case[] = [];
  const get = (path: string, valid: boolean, status?: number | number[]): Case => ({ group: 'queries', name: `GET ${path.slice(0, 120)}`, status, build: () => ({ request: { method: 'GET', path, headers: apiHeaders(tablet.token) }, valid }) });
  const numbers = ['-1', '1e309', 'NaN', 'Infinity', '-Infinity', '99999999999999999999', '9007199254740993', '1.5', 'abc', '%00', encodeURIComponent("' OR 1=1 --"), encodeURIComponent(TRAVERSAL), '[]', 'true', '0', '7', '9007199254740991', '1e3', ''];
  const pullQuery = (query: string) => {
    const params = new URLSearchParams(query);
    const object: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      // As the server's parser does: `__proto__` is a key like any other, not the prototype.
      Object.defineProperty(object, key, { value: all.length > 1 ? all : all[0]!, enumerable: true });
    }
    return pullQuerySchema.safeParse(object).success;
  };
  for (const name of ['cursor', 'limit', 'catalogueVersion']) {
    for (const value of numbers) cases.push(get(`/api/v1/pull?${name}=${value}`, pullQuery(`${name}=${value}`)));
  }
  for (let i = 0; i < 30; i++) {
    const query = Array.from({ length: 1 + Math.floor(random() * 3) }, () => `${pick(['cursor', 'limit', 'catalogueVersion', 'foo', 'cursor[]', '__proto__', 'constructor', 'cursor[__proto__]'])}=${pick(numbers)}`).join('&');
    cases.push(get(`/api/v1/pull?${query}`, pullQuery(query)));
  }
  for (const query of ['cursor=1&cursor=2', 'limit=5&limit=5', 'foo=bar', '__proto__=1', 'constructor=1', 'cursor[]=1', '__proto__[polluted]=1', 'cursor=%ZZ', '&&&', '=1', 'cursor']) {
    cases.push(get(`/api/v1/pull?${query}`, pullQuery(query)));
  }
  const visits: [string, boolean][] = [
    ['', false],
    ['plate=', false],
    ['plate=&vin=', false],
    [`plate=${'A'.repeat(13)}`, false],
    [`vin=${'A'.repeat(18)}`, false],
    ['plate=a&plate=b', false],
    ['vin=a&vin=b', false],
    ['foo=1', false],
    ['plate[]=1', false],
    [`vin=${encodeURIComponent("' OR 1=1--")}`, true],
    [`plate=${encodeURIComponent("';--")}`, true],
    [`plate=${encodeURIComponent('../..')}`, true],
    ['plate=%00', true],
    [`plate=${encodeURIComponent('粤B12345')}`, true],
  ];
  for (const [query, valid] of visits) cases.push(get(`/api/v1/vehicles/visits?${query}`, valid));
  const ids: [string, boolean][] = [
    ['..', false],
    ['%2e%2e', false],
    ['%2e%2e%2f%2e%2e%2fetc%2fpasswd', false],
    ['not-a-uuid', false],
    [encodeURIComponent(SQL), false],
    ['%00', false],
    ['00000000-0000-0000-0000-000000000000', true],
    [uuid(), true],
    [uuid().toUpperCase(), true],
    [`${uuid()}%00`, false],
    [`${uuid()}x`, false],
    ['{id}', false],
  ];
  for (const [id, valid] of ids) cases.push(get(`/api/v1/jobs/${id}`, valid, valid ? 404 : 400));
  cases.push(get('/api/v1/jobs/../../etc/passwd', false, 404));
  // The console's administration: an advisor by username, a tablet by id (never another store's: 404).
  const admin = (method: string, path: string, valid: boolean, status: number | number[]): Case => ({
    group: 'queries',
    name: `${method} ${path.slice(0, 120)}`,
    status,
    build: () => ({ request: { method, path, headers: consoleHeaders() }, valid }),
  });
  const usernames = ['..', '%2e%2e', '%00', encodeURIComponent(SQL), encodeURIComponent('王五'), 'bi.nobody', 'BI.NOBODY', 'a'.repeat(41), '%ZZ'];
  for (const name of usernames) {
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      decoded = undefined;
    }
    const valid = decoded !== undefined && advisorParamsSchema.safeParse({ username: decoded }).success;
    cases.push(admin('POST', `${ADMIN_API}/advisors/${name}/password`, valid, valid ? 404 : 400));
  }
  for (const [id, valid] of ids) {
    const ok = valid && tabletParamsSchema.safeParse({ deviceId: decodeURIComponent(id) }).success;
    for (const action of ['revoke', 'reenrollment']) cases.push(admin('POST', `${ADMIN_API}/tablets/${id}/${action}`, ok, ok ? 404 : 400));
  }
  // The console's reports: a period of store days, an advisor, day/week/month, and nothing else.
  const reportQuery = (query: string) => {
    const params = new URLSearchParams(query);
    const object: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      Object.defineProperty(object, key, { value: all.length > 1 ? all : all[0]!, enumerable: true });
    }
    return reportQuerySchema.safeParse(object).success;
  };
  const report = (path: string, valid: boolean): Case => ({
    group: 'queries',
    name: `GET ${path.slice(0, 120)}`,
    status: valid ? 200 : 400,
    build: () => ({ request: { method: 'GET', path, headers: consoleHeaders() }, valid }),
  });
  const days = ['2026-11-01', '2026-11-30', '2026-02-29', '2028-02-29', '2026-13-01', '20261101', '0050-01-01', '9999-12-31', '2026-11-1', '', encodeURIComponent(SQL), '%00', '2026-11-01T00:00'];
  const reportValues: Record<string, string[]> = { from: days, to: days, advisor: [uuid(), 'wang', '', encodeURIComponent(SQL)], by: ['day', 'week', 'month', 'year', '', 'DAY'], foo: ['1'], __proto__: ['1'], 'from[]': ['2026-11-01'] };
  for (let i = 0; i < 40; i++) {
    const names = ['from', 'to', ...Array.from({ length: Math.floor(random() * 3) }, () => pick(Object.keys(reportValues)))];
    const query = names.map((name) => `${name}=${pick(reportValues[name] ?? [''])}`).join('&');
    cases.push(report(`/api/v1/console/reports/${pick(REPORT_NAMES)}?${query}`, reportQuery(query)));
  }
  for (const query of ['from=9999-12-01&to=9999-12-31&by=month', 'from=2026-11-01&to=2029-11-30', 'from=2026-11-01&from=2026-11-02&to=2026-11-30', 'from=2026-11-30&to=2026-11-01']) {
    cases.push(report(`/api/v1/console/reports/check-ins?${query}`, reportQuery(query)));
  }
  cases.push(...archiveAndExportCases(admin, ids, days));
  cases.push(get(`/api/v1/jobs/${'a'.repeat(5000)}`, false, [404, 414]));
  return cases;
}

/** A query string as fastify reads it (a repeated name becomes a list), for a schema to judge. */
function queryObject(query: string): Record<string, string | string[]> {
  const params = new URLSearchParams(query);
  const object: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    Object.defineProperty(object, key, { value: all.length > 1 ? all : all[0]!, enumerable: true });
  }
  return object;
}

/**
 * The card archive and the DMS export: search texts, card ids, customers, photo names, export
 * days and formats, and credentials for the DMS door. A valid query answers 200 (an unknown card,
 * customer or photo 404), any other 400; the DMS door without good credentials 401 (429 once a
 * name has failed too often).
 */
function archiveAndExportCases(admin: (method: string, path: string, valid: boolean, status: number | number[]) => Case, ids: [string, boolean][], days: string[]): Case[] {
  const cases: Case[] = [];
  const A = '/api/v1/console/archive';
  const texts = [encodeURIComponent('粤B7K2Q9'), '7K2Q9', '8000', encodeURIComponent('王'), encodeURIComponent(SQL), encodeURIComponent(TRAVERSAL), '%00', '%25', '_', '', '%20%20', 'a'.repeat(50), 'a'.repeat(51), encodeURIComponent('\u202e')];
  const limits = ['', '1', '100', '101', '0', '-1', '1.5', 'NaN', '1e2', encodeURIComponent(SQL), '99999999999999999999'];
  for (let i = 0; i < 30; i++) {
    const query = `q=${pick(texts)}${random() < 0.5 ? `&limit=${pick(limits)}` : ''}${random() < 0.1 ? '&foo=1' : ''}`;
    const valid = archiveSearchQuerySchema.safeParse(queryObject(query)).success;
    cases.push(admin('GET', `${A}/search?${query}`, valid, valid ? 200 : 400));
  }
  cases.push(admin('GET', `${A}/search`, false, 400));
  for (const [id, valid] of ids) cases.push(admin('GET', `${A}/cards/${id}`, valid, valid ? 404 : 400));
  const customers = ['phone=13800138000', 'name=%E7%8E%8B%E4%BC%9F', `phone=${encodeURIComponent(SQL)}`, `name=${encodeURIComponent(SQL)}`, 'phone=', 'name=%20', 'phone=%00', `name=${'a'.repeat(51)}`, `phone=${'1'.repeat(31)}`, '', 'phone=1&phone=2', 'foo=1'];
  for (const query of customers) {
    const valid = customerQuerySchema.safeParse(queryObject(query)).success;
    cases.push(admin('GET', `${A}/customer?${query}`, valid, valid ? 404 : 400));
  }
  const hex = '0123456789abcdef'.repeat(4);
  for (const [name, valid] of [[hex, true], [hex.toUpperCase(), false], [hex.slice(1), false], [`${hex}0`, false], ['..', false], ['%2e%2e%2f%2e%2e', false], [`${hex.slice(2)}%00`, false], [encodeURIComponent(SQL), false]] as const) {
    cases.push(admin('GET', `${A}/blobs/${name}`, valid, valid ? 404 : 400));
  }
  const formats = ['csv', 'json', 'xlsx', 'CSV', '', encodeURIComponent(SQL)];
  for (let i = 0; i < 30; i++) {
    const names = ['from', ...(random() < 0.7 ? ['to'] : []), ...(random() < 0.6 ? ['format'] : []), ...(random() < 0.1 ? ['foo'] : [])];
    const query = names.map((name) => `${name}=${name === 'format' ? pick(formats) : name === 'foo' ? '1' : pick(days)}`).join('&');
    const valid = exportQuerySchema.safeParse(queryObject(query)).success;
    cases.push(admin('GET', `/api/v1/console/export?${query}`, valid, valid ? 200 : 400));
  }
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
  for (const authorization of ['', 'Basic', 'Basic %%%', 'Bearer abc', basic('nobody'), basic(':'), basic('T1/:x'), basic('/zhang:x'), basic(`${SQL}/x:y`), basic(`T1/${TRAVERSAL}:x`), basic(`T1/zhang:${'x'.repeat(300)}`), basic('T1/\u0000:x'), `Basic ${'A'.repeat(4000)}`]) {
    cases.push({
      group: 'queries',
      name: `GET /api/v1/export with authorization ${JSON.stringify(authorization.slice(0, 30))}`,
      status: [401, 429],
      build: () => ({ request: { method: 'GET', path: '/api/v1/export?from=2026-11-20', headers: authorization ? { authorization } : ({} as Record<string, string>) }, valid: false }),
    });
  }
  return cases;
}

// ---- blob names and blob bodies ----

function blobCases(): Case[] {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const names = [
    '..',
    '.',
    '%2e%2e',
    '%2e%2e%2f',
    '..%2f..%2fetc%2fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%5c..%5cwindows%5cwin.ini',
    '%252e%252e%252f',
    hex(64).toUpperCase(),
    hex(63),
    hex(65),
    `${hex(63)}%00`,
    `%00${hex(63)}`,
    `${hex(64)}%00`,
    'g'.repeat(64),
    encodeURIComponent(SQL),
    encodeURIComponent('🚗'.repeat(16)),
    '%',
  ];
  const cases: Case[] = [];
  const jpeg = Buffer.from(fakeJpeg(5, 300));
  for (const name of names) {
    for (const method of ['HEAD', 'GET', 'PUT'] as const) {
      const request: RawRequest = method === 'PUT' ? blobPut(name, jpeg, 'image/jpeg') : { method, path: `/api/v1/blobs/${name}`, headers: apiHeaders(tablet.token) };
      cases.push({ group: 'blobs', name: `${method} blob ${name.slice(0, 70)}`, status: 400, build: () => ({ request, valid: false }) });
    }
  }
  // Longer than the router takes a parameter: no route matches (404), or the router says 414.
  for (const method of ['HEAD', 'GET', 'PUT']) {
    cases.push({ group: 'blobs', name: `${method} a 10,000-character name`, status: [404, 414], build: () => ({ request: { ...blobPut('x'.repeat(10_000), jpeg, 'image/jpeg'), method, body: method === 'PUT' ? jpeg : undefined }, valid: false }) });
  }
  for (const method of ['HEAD', 'GET']) {
    cases.push({ group: 'blobs', name: `${method} literal ../../etc/passwd`, status: 404, build: () => ({ request: { method, path: '/api/v1/blobs/../../etc/passwd', headers: apiHeaders(tablet.token) }, valid: false }) });
    cases.push({ group: 'blobs', name: `${method} an unknown blob`, status: 404, build: () => ({ request: { method, path: `/api/v1/blobs/${hex(64)}`, headers: apiHeaders(tablet.token) }, valid: true }) });
  }
  const text = Buffer.from('this is plain text, not a photo');
  const png = Buffer.from(fakePng(3));
  const fresh = (bytes: Buffer) => sha256(bytes);
  const puts: [string, () => RawRequest, boolean, number?][] = [
    ['bytes that do not match the hash', () => blobPut(hex(64), jpeg, 'image/jpeg'), false, 400],
    ['text sent as image/jpeg', () => blobPut(fresh(text), text, 'image/jpeg'), false, 415],
    ['a PNG sent as image/jpeg', () => blobPut(fresh(png), png, 'image/jpeg'), false, 415],
    ['a JPEG sent as application/json', () => blobPut(fresh(jpeg), jpeg, 'application/json'), false, 415],
    ['text/plain', () => blobPut(fresh(text), text, 'text/plain'), false, 415],
    ['image/gif', () => blobPut(fresh(jpeg), jpeg, 'image/gif'), false, 415],
    ['no content type', () => blobPut(fresh(jpeg), jpeg), false, 415],
    ['an empty body', () => blobPut(fresh(Buffer.alloc(0)), Buffer.alloc(0), 'image/jpeg'), false, 400],
    ['no body at all', () => blobPut(fresh(Buffer.alloc(0)), undefined, 'image/jpeg'), false, 400],
    ['a JPEG under a SQL content type', () => blobPut(fresh(jpeg), jpeg, `image/jpeg${SQL}`), false, 415],
    ['a valid JPEG, upper-case type', () => blobPut(fresh(jpeg), jpeg, 'IMAGE/JPEG; charset=binary'), true],
  ];
  for (const [name, request, valid, status] of puts) {
    cases.push({
      group: 'blobs',
      name: `PUT ${name}`,
      status,
      build: () => ({ request: request(), valid, after: (reply) => void (reply.status < 300 && made.blobs.add(fresh(jpeg))) }),
    });
  }
  const huge = Buffer.alloc(MAX_BLOB_BYTES + 1024, 7);
  huge.set([0xff, 0xd8, 0xff, 0xe0]);
  // The server may answer before it has read these bodies: not connections to reuse.
  const closing = { ...apiHeaders(tablet.token), 'content-type': 'image/jpeg', connection: 'close' };
  cases.push({ group: 'blobs', name: 'PUT 15 MB + 1 KB with content-length', status: 413, build: () => ({ request: { ...blobPut(sha256(huge), huge), headers: closing }, valid: false }) });
  cases.push({ group: 'blobs', name: 'PUT 15 MB + 1 KB chunked', status: 413, build: () => ({ request: { ...blobPut(sha256(huge), chunks(huge, 256 * 1024)), headers: closing }, valid: false }) });
  cases.push({ group: 'blobs', name: 'PUT claiming 16 MB, sending 300 bytes', status: 413, build: () => ({ request: { ...blobPut(fresh(jpeg), jpeg), headers: { ...closing, 'content-length': String(16 * 1024 * 1024) } }, valid: false }) });
  return cases;
}

// ---- headers: protocol version and device token ----

const ROUTES: [string, string][] = [
  ['POST', '/api/v1/auth/enroll'],
  ['GET', '/api/v1/auth/device'],
  ['POST', '/api/v1/auth/sign-in'],
  ['POST', '/api/v1/push'],
  ['GET', '/api/v1/pull'],
  ['HEAD', '/api/v1/pull'],
  ['GET', '/api/v1/jobs/00000000-0000-4000-8000-000000000000'],
  ['GET', '/api/v1/vehicles/visits?plate=A'],
  ['GET', '/api/v1/store/profile'],
  ['HEAD', '/api/v1/blobs/' + '0'.repeat(64)],
  ['GET', '/api/v1/blobs/' + '0'.repeat(64)],
  ['PUT', '/api/v1/blobs/' + '0'.repeat(64)],
];

function headerCases(): Case[] {
  const cases: Case[] = [];
  // Every wrong version relative to the current one: older, newer, and two headers at once.
  const [older, current, newer] = [PROTOCOL_VERSION - 1, PROTOCOL_VERSION, PROTOCOL_VERSION + 1].map(String);
  const versions: (string | string[] | undefined)[] = [undefined, '0', older, newer, '999999999999', 'abc', '', '2.5', '-1', 'one', [current!, newer!]];
  for (const [method, path] of ROUTES) {
    for (const version of versions) {
      const headers: Record<string, string | string[]> = { authorization: `Bearer ${tablet.token}`, 'content-type': 'application/json' };
      if (version !== undefined) headers[PROTOCOL_HEADER] = version;
      cases.push({
        group: 'headers',
        name: `${method} ${path.slice(0, 40)} with protocol ${JSON.stringify(version)}`,
        status: 426,
        build: () => ({ request: { method, path, headers, body: method === 'POST' || method === 'PUT' ? '{}' : undefined }, valid: false }),
      });
    }
  }
  const tokens = ['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(300)}`, `Bearer ${'b'.repeat(8000)}`, `Bearer ${SQL}`, `Bearer ${TRAVERSAL}`, 'Bearer %00%00%00%00%00%00%00%00%00%00', `Bearer ${'A'.repeat(43)}`];
  for (const [method, path] of ROUTES.filter(([, p]) => !p.endsWith('/enroll'))) {
    for (const authorization of tokens) {
      cases.push({
        group: 'headers',
        name: `${method} ${path.slice(0, 40)} with authorization ${JSON.stringify(authorization.slice(0, 30))}`,
        status: 401,
        build: () => ({ request: { method, path, headers: { ...apiHeaders(), authorization, 'content-type': 'application/json' }, body: method === 'POST' || method === 'PUT' ? '{}' : undefined }, valid: false }),
      });
    }
    for (const authorization of [`Bearer ${tablet.token} extra`, `Bearer ${tablet.token.slice(0, -1)}`, `Token ${tablet.token}`]) {
      cases.push({
        group: 'headers',
        name: `${method} ${path.slice(0, 40)} with a near-miss of the real token`,
        status: 401,
        build: () => ({ request: { method, path, headers: { ...apiHeaders(), authorization } }, valid: false }),
      });
    }
  }
  return cases;
}

// ---- the store console's session: cookie and CSRF header ----

/** Console routes for the cookie and CSRF cases; each area adds its own. */
const CONSOLE_ROUTES: [string, string][] = [
  ['GET', '/api/v1/console/session'],
  ['GET', '/api/v1/console/appointments?from=2026-12-08&to=2026-12-08'],
  ['PUT', '/api/v1/console/admin/store-profile/logo'],
  ['DELETE', '/api/v1/console/admin/store-profile/logo'],
  ['POST', '/api/v1/console/appointments'],
  ['PUT', '/api/v1/console/appointments/00000000-0000-4000-8000-000000000000'],
  ['POST', '/api/v1/console/appointments/00000000-0000-4000-8000-000000000000/no-show'],
  ['POST', '/api/v1/console/sign-out'],
  ['GET', `${ADMIN_API}/advisors`],
  ['POST', `${ADMIN_API}/advisors`],
  ['POST', `${ADMIN_API}/advisors/bi.admin/password`],
  ['PUT', `${ADMIN_API}/advisors/bi.admin/disabled`],
  ['GET', `${ADMIN_API}/tablets`],
  ['POST', `${ADMIN_API}/tablets/00000000-0000-0000-0000-000000000000/revoke`],
  ['POST', `${ADMIN_API}/tablets/00000000-0000-0000-0000-000000000000/reenrollment`],
  ['POST', `${ADMIN_API}/enrollment-codes`],
  ['POST', `${ADMIN_API}/catalogue/preview`],
  ['PUT', `${ADMIN_API}/catalogue`],
  ['GET', `${ADMIN_API}/store-profile`],
  ['PUT', `${ADMIN_API}/store-profile`],
  ['GET', '/api/v1/console/archive/search?q=7K2Q9'],
  ['GET', '/api/v1/console/archive/cards/00000000-0000-0000-0000-000000000000'],
  ['GET', '/api/v1/console/archive/customer?phone=13800138000'],
  ['GET', `/api/v1/console/archive/blobs/${'ab'.repeat(32)}`],
  ['GET', '/api/v1/console/export?from=2026-11-20'],
];

function consoleHeaderCases(): Case[] {
  const cases: Case[] = [];
  const cookies = ['', `${CONSOLE_COOKIE}=`, `${CONSOLE_COOKIE}=${'a'.repeat(43)}`, `${CONSOLE_COOKIE}=${'b'.repeat(8000)}`, `${CONSOLE_COOKIE}=${encodeURIComponent(SQL)}`, `${CONSOLE_COOKIE}=%00%00`, `${CONSOLE_COOKIE}=${TRAVERSAL}`, 'other=1', `${CONSOLE_COOKIE.toUpperCase()}=x`, ';;;=;'];
  for (const [method, path] of CONSOLE_ROUTES) {
    for (const cookie of cookies) {
      cases.push({
        group: 'console',
        name: `${method} ${path} with cookie ${JSON.stringify(cookie.slice(0, 30))}`,
        status: 401,
        build: () => ({ request: { method, path, headers: { cookie, [CSRF_HEADER]: consoleSession.csrfToken } }, valid: false }),
      });
    }
  }
  for (const [method, path] of CONSOLE_ROUTES.filter(([m]) => m !== 'GET' && m !== 'HEAD')) {
    // (Not the token with a space after it: HTTP drops a header value's surrounding spaces.)
    for (const csrf of [undefined, '', 'x', consoleSession.csrfToken.slice(0, -1), `x${consoleSession.csrfToken}`, consoleSession.csrfToken.toUpperCase(), SQL]) {
      const headers: Record<string, string> = { cookie: consoleHeaders().cookie! };
      if (csrf !== undefined) headers[CSRF_HEADER] = csrf;
      cases.push({ group: 'console', name: `${method} ${path} with CSRF ${JSON.stringify(csrf?.slice(0, 20))}`, status: 403, build: () => ({ request: { method, path, headers }, valid: false }) });
    }
  }
  return cases;
}

/** Requests node:http would refuse to send: raw bytes on a socket. */
const RAW_HTTP: [string, string][] = [
  ['a NUL byte in the path', `GET /api/v1/blobs/\u0000${'a'.repeat(63)} HTTP/1.1\r\nHost: x\r\n${PROTOCOL_HEADER}: 1\r\n\r\n`],
  ['a NUL byte in a header', `GET /api/v1/pull HTTP/1.1\r\nHost: x\r\n${PROTOCOL_HEADER}: 1\r\nauthorization: Bearer \u0000abc\r\n\r\n`],
  ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n'],
  ['headers of 64 KB', `GET /api/v1/pull HTTP/1.1\r\nHost: x\r\nx-pad: ${'p'.repeat(64 * 1024)}\r\n\r\n`],
  ['a negative content-length', `POST /api/v1/push HTTP/1.1\r\nHost: x\r\n${PROTOCOL_HEADER}: 1\r\ncontent-type: application/json\r\ncontent-length: -5\r\n\r\n{}`],
  ['two content-lengths that differ', `POST /api/v1/push HTTP/1.1\r\nHost: x\r\n${PROTOCOL_HEADER}: 1\r\ncontent-type: application/json\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}`],
  ['a bad chunk size', `POST /api/v1/push HTTP/1.1\r\nHost: x\r\n${PROTOCOL_HEADER}: 1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
];

function sendRawHttp(text: string): Promise<RawReply> {
  const port = Number(new URL(server.baseUrl).port);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', (error) => (received.length ? undefined : reject(error)));
    socket.on('close', () => {
      const response = Buffer.concat(received).toString('utf8');
      const [head = '', ...rest] = response.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const headers = Object.fromEntries(head.split('\r\n').slice(1).map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status, headers, bytes: Buffer.from(rest.join('\r\n\r\n')), text: rest.join('\r\n\r\n') });
    });
    socket.end(text);
  });
}

// ---- judging one answer ----

const SERVER_DETAILS = /\bat .+:\d+:\d+|\n\s+at |sqlite|SQLITE_|constraint failed|no such table|syntax error at|node_modules|\/src\/server|\.ts:\d+|FST_ERR/i;

function problemsWith(c: Case, request: RawRequest, valid: boolean, reply: RawReply): string[] {
  const problems: string[] = [];
  const where = `${c.group} / ${c.name}: ${reply.status}`;
  if (reply.status >= 500 || reply.status < 200) return [`${where} ${reply.text.slice(0, 200)}`];
  if (reply.status < 300 && !valid) problems.push(`${where}: accepted input that the shared schemas refuse`);
  if (reply.status >= 300 && reply.status < 400) problems.push(`${where}: a redirect`);
  if (c.status !== undefined && ![c.status].flat().includes(reply.status) && !(valid && reply.status < 300)) problems.push(`${where}: expected ${c.status} ${reply.text.slice(0, 200)}`);
  if (reply.status < 400 || request.method === 'HEAD') return problems;
  if (!/^application\/json/.test(String(reply.headers['content-type']))) return [...problems, `${where}: not JSON (${String(reply.headers['content-type'])})`];
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return [...problems, `${where}: the body does not parse`];
  }
  const { error, message, ...extra } = (body ?? {}) as { error?: unknown; message?: unknown };
  if (typeof error !== 'string' || !/^[a-z_]+$/.test(error)) problems.push(`${where}: error code ${JSON.stringify(error)}`);
  if (typeof message !== 'string' || message.trim().length < 15) problems.push(`${where}: message ${JSON.stringify(message)}`);
  else {
    if (SERVER_DETAILS.test(message) || message.includes(server.data.dir)) problems.push(`${where}: the message shows server internals: ${message.slice(0, 300)}`);
    if (message.length > 1000) problems.push(`${where}: a message of ${message.length} characters`);
    messages.add(`${reply.status} ${String(error)}: ${message.slice(0, 160)}`);
    const named = message.includes(c.names ?? '') || (poisoned(request) && message.includes('__proto__'));
    if (error === 'invalid_request' && !named) problems.push(`${where}: the message does not name ${c.names}: ${message.slice(0, 300)}`);
  }
  if (Object.keys(extra).length > 0) problems.push(`${where}: extra fields ${Object.keys(extra).join(', ')}`);
  if (valid) {
    tally.validRefused.set(`${reply.status} ${String(error)}`, (tally.validRefused.get(`${reply.status} ${String(error)}`) ?? 0) + 1);
    // Valid by the schemas, refused for a reason of its own: a wrong password, the rate limit,
    // an unknown id, or a prototype key that the JSON parser refuses before any schema runs.
    const explained =
      ['sign_in_failed', 'rate_limited', 'not_found', 'enrollment_refused', 'admin_refused'].includes(String(error)) ||
      (error === 'invalid_request' && poisoned(request));
    if (!explained) problems.push(`${where}: refused valid input: ${reply.text.slice(0, 300)}`);
  }
  return problems;
}

/** A body the JSON parser refuses whole, before any schema: it names no field, only the key. */
function poisoned(request: RawRequest): boolean {
  const text = typeof request.body === 'string' ? request.body : '';
  return text.includes('"__proto__"') || (text.includes('"constructor"') && text.includes('"prototype"'));
}

async function run(cases: Case[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of cases) {
    await server.refreshLastSeqs();
    const { request, valid, after } = c.build();
    const reply = await server.send(request);
    tally.requests += 1;
    tally.byStatus.set(reply.status, (tally.byStatus.get(reply.status) ?? 0) + 1);
    problems.push(...problemsWith(c, request, valid, reply));
    after?.(reply);
  }
  return problems;
}

describe('bad input', () => {
  it('answers generated wrong-type, oversized and hostile bodies with a clear 4xx', async () => {
    const cases = bodyCases();
    expect(cases.length).toBeGreaterThan(500);
    expect(await run(cases)).toEqual([]);
  }, 30_000);

  it('answers every operation after check-in with wrong names, items, money, dates, reasons and decisions with a 400 that names it', async () => {
    const cases = afterCheckInCases();
    expect(new Set(cases.map((c) => c.name.split(':')[0]))).toEqual(new Set(Object.keys(AFTER_CHECK_IN_BASES).map((label) => label.slice('push '.length))));
    expect(await run(cases)).toEqual([]);
  });

  it('answers broken framing: content types, not-JSON, empty and oversized bodies, bad batches', async () => {
    expect(await run(framingCases())).toEqual([]);
  });

  it('answers hostile paths and query strings: traversal, SQL, NaN and huge numbers, duplicates', async () => {
    expect(await run(queryCases())).toEqual([]);
  });

  it('answers hostile blob names and bodies: traversal, wrong case and length, NUL, wrong hash or type, too large', async () => {
    expect(await run(blobCases())).toEqual([]);
  });

  it('answers a missing or wrong protocol header with 426 and a bad token with 401 on every route', async () => {
    expect(await run(headerCases())).toEqual([]);
  });

  it("answers the store console without its session cookie with 401, and a change without the session's CSRF token with 403", async () => {
    expect(await run(consoleHeaderCases())).toEqual([]);
  });

  it.each(RAW_HTTP)('answers malformed HTTP (%s) with a 4xx', async (_name, text) => {
    const reply = await sendRawHttp(text);
    tally.requests += 1;
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(JSON.parse(reply.text)).toMatchObject({ error: expect.stringMatching(/^[a-z_]+$/), message: expect.stringMatching(/\w{3,}.{12,}/) });
  });

  it('answers more random hostile bodies: 100, or up to BAD_INPUT_REQUESTS in all', async () => {
    const bases = Object.entries(bodyBases);
    const problems: string[] = [];
    let sent = 0;
    while (sent < 100 || tally.requests < TARGET_REQUESTS) {
      const [label, spec] = pick(bases);
      problems.push(...(await run([randomBodyCase(label, spec, 40 + sent)])));
      sent += 1;
      // Stop early on a broken server: a soak need not list the same failure 10,000 times.
      if (problems.length > 20) break;
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(100);
  }, TARGET_REQUESTS > 0 ? 3_600_000 : 30_000);

  it('stores SQL-looking card fields verbatim and reads them back verbatim', async () => {
    const id = uuid();
    const card = {
      customer: { name: "Robert'); DROP TABLE jobs;--", phone: "1' OR '1'='1", company: '"; DELETE FROM advisors; --' },
      vehicle: { plate: "';--", vin: 'X" OR 1=1 --' },
      customerRequest: `${TRAVERSAL} %00 \u0000 <script>alert(1)</script> 🚗 \ud800`,
    };
    const number = "'; DROP TABLE jobs; --";
    await server.refreshLastSeqs();
    const reply = await pushJson(tablet.token, { mutations: [mutation(tablet, id, nextSeq(), { op: 'job.create', payload: { number, card } })] });
    expect(reply.status, reply.text).toBe(200);
    made.jobs.add(id);
    const read = await server.send({ method: 'GET', path: `/api/v1/jobs/${id}`, headers: apiHeaders(tablet.token) });
    expect(read.status).toBe(200);
    const job = JSON.parse(read.text) as Job;
    expect(job.number).toBe(number);
    expect(job.card).toMatchObject(card);
    const visits = await server.send({ method: 'GET', path: `/api/v1/vehicles/visits?vin=${encodeURIComponent(card.vehicle.vin)}`, headers: apiHeaders(tablet.token) });
    expect((JSON.parse(visits.text) as { jobs: Job[] }).jobs.map((j) => j.id)).toEqual([id]);
    // A SQL condition as a query value matches nothing, it is not run.
    const none = await server.send({ method: 'GET', path: `/api/v1/vehicles/visits?vin=${encodeURIComponent("' OR '1'='1")}`, headers: apiHeaders(tablet.token) });
    expect(JSON.parse(none.text)).toEqual({ jobs: [] });
  });

  it('still serves afterwards, and its data holds only what the valid requests did', async () => {
    const health = await server.send({ method: 'GET', path: '/api/v1/health' });
    expect(health.status).toBe(200);
    // On the photo storage TEST_PHOTOS chose (npm run test:group runs this file on PostgreSQL and S3 too).
    expect(JSON.parse(health.text)).toMatchObject({ storage: { blobs: { kind: testPhotos() === 's3' ? 's3' : 'filesystem', reachable: true } } });
    await server.refreshLastSeqs();
    const update = await pushJson(tablet.token, { mutations: [mutation(tablet, jobId, nextSeq(), { op: 'job.update', payload: { card: { odometerKm: 4242 } } })] });
    expect(update.status, update.text).toBe(200);
    expect(JSON.parse(update.text)).toMatchObject({ rejected: [], missingBlobs: [] });

    const pulled: Job[] = [];
    let cursor = 0;
    for (let page = 0; page < 50; page++) {
      const reply = await server.send({ method: 'GET', path: `/api/v1/pull?cursor=${cursor}`, headers: apiHeaders(tablet.token) });
      expect(reply.status).toBe(200);
      const body = JSON.parse(reply.text) as { jobs: Job[]; cursor: number; more: boolean };
      pulled.push(...body.jobs);
      cursor = body.cursor;
      if (!body.more) break;
    }
    expect(pulled.find((job) => job.id === jobId)?.card.odometerKm).toBe(4242);
    expect(new Set(pulled.map((job) => job.id))).toEqual(made.jobs);
    if (made.consoleDevice) {
      const consoleDevice = (await server.data.storage.listDevices(store.storeId)).find((device) => device.clientId === consoleClientId(store.storeId));
      if (consoleDevice) made.devices.add(consoleDevice.id);
    }
    expect(new Set((await server.data.storage.listDevices(store.storeId)).map((d) => d.id))).toEqual(made.devices);
    // The tablet's advisor and the console's administrator made in beforeAll, and the advisors the valid console bodies added: nobody else.
    expect((await server.data.storage.listAdvisors(store.storeId)).map((a) => a.username).sort()).toEqual(['bi.admin', store.advisor.username, ...made.advisors].sort());
    expect((await server.data.storage.findStoreByCode('BI'))?.id).toBe(store.storeId);
    // In the folder or the bucket (TEST_PHOTOS=s3): only the valid uploads, and no temporaries.
    const stored = await server.storedBlobs();
    expect(stored.names).toEqual(made.blobs);
    expect(stored.temporaries).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

// ---- blob uploads are streamed and bounded ----
// An upload goes to a temp file as it arrives (never whole into memory), and one tablet may
// have four in flight. These imports sit with the block that alone uses them; ES imports are
// hoisted, so where they stand in the file does not matter.
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installErrorHandler } from '../../src/server/api/error-handler.ts';
import { blobRoutes, UPLOAD_LIMITS } from '../../src/server/routes/blob-routes.ts';
import { API_ERRORS } from '../../src/shared/protocol.ts';

describe('blob uploads are streamed and bounded', () => {
  const MB = 1024 * 1024;
  const CHUNK = 256 * 1024;
  // Its own server: its own upload slots, and a tmp/ folder that only these tests write to.
  let up: TestServer;
  let first: EnrolledDevice;
  let second: EnrolledDevice;

  beforeAll(async () => {
    // The data folder's store, whatever TEST_PHOTOS says: these tests watch its temp files.
    up = await startTestServer('blob-uploads', {}, {});
    const upStore = await seedTestStore(up.data.storage, 'BU');
    first = await enrollDevice(up, upStore.enrollmentCode, 'Upload tablet 1');
    second = await enrollDevice(up, upStore.enrollmentCode, 'Upload tablet 2');
  });

  afterAll(async () => {
    await up?.close();
  });

  const tmpDir = () => join(up.data.dir, 'blobs', 'tmp');
  const tempFiles = () => readdirSync(tmpDir());
  /** The size of each upload being written now. */
  const tempSizes = () => tempFiles().map((name) => statSync(join(tmpDir(), name), { throwIfNoEntry: false })?.size ?? 0);
  const storedPath = (hash: string) => join(up.data.dir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash);
  const existsBlob = (hash: string) => statSync(storedPath(hash), { throwIfNoEntry: false }) !== undefined;
  const jpeg = (seed: number, size: number) => Buffer.from(fakeJpeg(seed, size));
  const uploadHeaders = (device: EnrolledDevice) => ({ ...apiHeaders(device.token), 'content-type': 'image/jpeg' });
  const put = (device: EnrolledDevice, hash: string, body: RawRequest['body'], more: Record<string, string> = {}): RawRequest => ({
    method: 'PUT',
    path: `/api/v1/blobs/${hash}`,
    headers: { ...uploadHeaders(device), ...more },
    body,
  });
  const poll = { timeout: 20_000, interval: 20 };

  /**
   * A body sent in 256 KB chunks that stops before each offset in `pauseAt` until `go()` is
   * called, so a test can look at the server while the request is still open.
   */
  function pausingBody(bytes: Uint8Array, pauseAt: number[]): { body: AsyncIterable<Uint8Array>; go(): void } {
    const waiting: (() => void)[] = [];
    let permits = 0;
    async function* body(): AsyncGenerator<Uint8Array> {
      for (let offset = 0; offset < bytes.length; offset += CHUNK) {
        if (pauseAt.includes(offset)) {
          if (permits > 0) permits -= 1;
          else await new Promise<void>((resume) => waiting.push(resume));
        }
        yield bytes.subarray(offset, offset + CHUNK);
      }
    }
    return {
      body: body(),
      go() {
        const resume = waiting.shift();
        if (resume) resume();
        else permits += 1;
      },
    };
  }

  it('writes a 12 MB photo to a temp file while it is still arriving, then stores it under its hash', async () => {
    const bytes = jpeg(9001, 12 * MB);
    const hash = sha256(bytes);
    const sending = pausingBody(bytes, [4 * MB, 8 * MB]);
    const reply = up.send(put(first, hash, sending.body));
    // Every byte sent so far is on disk while the request is still open.
    await expect.poll(tempSizes, poll).toEqual([4 * MB]);
    sending.go();
    await expect.poll(tempSizes, poll).toEqual([8 * MB]);
    sending.go();
    const done = await reply;
    expect(done.status, done.text).toBe(201);
    expect(tempFiles()).toEqual([]);
    expect(sha256(readFileSync(storedPath(hash)))).toBe(hash);
  }, 60_000);

  it('takes four uploads at once from one tablet, answers a fifth 429, and serves other tablets meanwhile', async () => {
    const held = [1, 2, 3, 4].map((seed) => {
      const bytes = jpeg(9100 + seed, MB);
      const sending = pausingBody(bytes, [CHUNK]);
      return { sending, reply: up.send(put(first, sha256(bytes), sending.body)) };
    });
    const fifth = jpeg(9105, 300_000);
    try {
      // All four are past the type check and being written.
      await expect.poll(() => tempFiles().length, poll).toBe(4);
      const refused = await up.send(put(first, sha256(fifth), fifth));
      expect(refused.status, refused.text).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(refused.text)).toEqual({ error: API_ERRORS.rateLimited, message: expect.stringMatching(/already sending 4 .*again/) });
      const other = jpeg(9106, 300_000);
      expect((await up.send(put(second, sha256(other), other))).status).toBe(201);
    } finally {
      // Also when an expectation failed, so the next tests find no upload left open.
      for (const { sending } of held) sending.go();
    }
    expect((await Promise.all(held.map(({ reply }) => reply))).map((reply) => reply.status)).toEqual([201, 201, 201, 201]);
    // The slots are free again: the refused upload goes through now.
    expect((await up.send(put(first, sha256(fifth), fifth))).status).toBe(201);
    expect(tempFiles()).toEqual([]);
  }, 60_000);

  it('frees the slot and the temp file of every refused upload: wrong hash, wrong type, empty, too large', async () => {
    const photo = jpeg(9200, 600_000);
    const huge = Buffer.alloc(MAX_BLOB_BYTES + CHUNK, 7);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const refusals: [string, () => RawRequest, number][] = [
      ['the wrong hash', () => put(first, sha256(jpeg(9201, 10)), pausingBody(photo, []).body), 400],
      ['a PNG sent as a JPEG', () => put(first, sha256(photo), pausingBody(Buffer.concat([Buffer.from(fakePng(3)), photo]), []).body), 415],
      ['an empty body', () => put(first, sha256(Buffer.alloc(0)), Buffer.alloc(0)), 400],
      // The server answers before it has read this body: not a connection to reuse.
      ['15 MB + 256 KB, chunked', () => put(first, sha256(huge), pausingBody(huge, []).body, { connection: 'close' }), 413],
    ];
    // More of each than the tablet has slots: one leaked slot per refusal would show as a 429.
    for (const [name, request, status] of refusals) {
      for (let i = 0; i < UPLOAD_LIMITS.perDevice + 1; i++) {
        const reply = await up.send(request());
        expect(reply.status, `${name}: ${reply.text}`).toBe(status);
      }
    }
    expect(tempFiles()).toEqual([]);
    expect(existsBlob(sha256(photo))).toBe(false);
    expect((await up.send(put(first, sha256(photo), photo))).status).toBe(201);
  }, 120_000);

  it('drops an upload whose bytes stop arriving, with its temp file, and frees its slot', async () => {
    // The same store and data as `up`, with one slot per tablet and a short idle limit.
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app);
    await blobRoutes(app, up.data.storage, up.data.blobs, { ...UPLOAD_LIMITS, perDevice: 1, idleMs: 300 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    let hangUp = () => {};
    const hanging = new Promise<void>((resume) => (hangUp = resume));
    try {
      const photo = jpeg(9300, 2 * MB);
      const stalled = new Promise<string>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: 'PUT', path: `/api/v1/blobs/${sha256(photo)}`, headers: uploadHeaders(first) }, (res) => {
          res.resume();
          resolve(`answered ${res.statusCode}`);
        });
        req.on('error', (error) => resolve(`closed: ${error.message}`));
        req.write(photo.subarray(0, CHUNK));
        // Then nothing: a tablet that walked out of the Wi-Fi.
        void hanging.then(() => req.destroy());
      });
      await expect.poll(() => tempFiles().length, poll).toBe(1);
      await expect.poll(tempFiles, poll).toEqual([]);
      expect(await stalled).toMatch(/^closed/);

      const next = await fetch(`http://127.0.0.1:${port}/api/v1/blobs/${sha256(photo)}`, { method: 'PUT', headers: uploadHeaders(first), body: photo });
      expect(next.status, await next.text()).toBe(201);
    } finally {
      hangUp();
      await app.close();
    }
  }, 60_000);

  it('holds far less memory than the bytes of 8 parallel 14 MB uploads', async () => {
    const SIZE = 14 * MB;
    // One shared megabyte of noise; each photo differs by its first chunk. The sender holds
    // almost nothing, so what grows is the server's.
    const noise = jpeg(9400, MB);
    function* photo(seed: number): Generator<Uint8Array> {
      yield jpeg(seed, CHUNK);
      for (let sent = CHUNK; sent < SIZE; sent += CHUNK) yield noise.subarray(sent % MB, (sent % MB) + CHUNK);
    }
    const hashOf = (seed: number) => {
      const hash = createHash('sha256');
      for (const chunk of photo(seed)) hash.update(chunk);
      return hash.digest('hex');
    };
    const seeds = [9401, 9402, 9403, 9404, 9405, 9406, 9407, 9408];
    const hashes = seeds.map(hashOf);

    const before = process.memoryUsage();
    const peak = { rss: before.rss, arrayBuffers: before.arrayBuffers };
    const sample = setInterval(() => {
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
    }, 10);
    try {
      const replies = await Promise.all(seeds.map((seed, i) => up.send(put(i < 4 ? first : second, hashes[i]!, photo(seed)))));
      expect(replies.map((reply) => reply.status)).toEqual(seeds.map(() => 201));
    } finally {
      clearInterval(sample);
    }
    const growth = { rss: peak.rss - before.rss, arrayBuffers: peak.arrayBuffers - before.arrayBuffers };
    console.log(
      `8 parallel PUTs of 14 MB (112 MB): RSS ${(before.rss / MB).toFixed(0)} → peak ${(peak.rss / MB).toFixed(0)} MB (+${(growth.rss / MB).toFixed(0)} MB), ` +
        `arrayBuffers +${(growth.arrayBuffers / MB).toFixed(0)} MB`,
    );
    for (const hash of hashes) expect(existsBlob(hash)).toBe(true);
    // Held whole, the bodies alone would be 112 MB of buffers.
    expect(growth.arrayBuffers).toBeLessThan(60 * MB);
  }, 120_000);
});
