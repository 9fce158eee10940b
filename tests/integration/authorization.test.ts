// The authorization matrix (DESIGN.md "Security"): every /api/v1 route, asked for store S1's
// records with no token, a garbage token, a revoked S1 token and store S2's valid token,
// returns no S1 data and changes nothing of S1's. The routes come from the server itself,
// so a route added without a row here fails the coverage test. Real server, real SQLite.
// Also: parallel sign-ins cannot outrun the failure limit, and a tablet's identity (its
// clientId, which other tablets see) cannot be taken over by enrolling with it.
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAddition } from '../../src/db/addition-repo.ts';
import { commitMutation, createJob, getDevice } from '../../src/db/job-repo.ts';
import { addAdvisor, setStoreProfile } from '../../src/server/admin/store-admin.ts';
import { tokenHash } from '../../src/server/auth/tokens.ts';
import { CONSOLE_COOKIE } from '../../src/server/console/console-session.ts';
import { writeAsConsole } from '../../src/server/console/console-writer.ts';
import { pullPage } from '../../src/server/sync-rules/pull-rules.ts';
import { REPORT_NAMES } from '../../src/shared/console/report-api.ts';
import { CSRF_HEADER } from '../../src/shared/console/session-api.ts';
import type { Job } from '../../src/shared/job.ts';
import { mutationBodySchema, type Mutation, type MutationBody, type MutationOp } from '../../src/shared/mutation.ts';
import { live } from '../../src/shared/walkaround.ts';
import { addAdvisorTo, seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { addFakePhoto, createTablet, fakeJpeg, fakePng, sign, type Tablet } from '../support/tablet.ts';
import { enrollTablet } from '../../src/sync/enrollment.ts';
import { apiHeaders, enrollDevice, startTestServer, testPhotos, type EnrolledDevice, type RawReply, type RawRequest, type TestServer } from '../support/test-server.ts';

const VARIANTS = ['no token', 'garbage token', 'revoked S1 token', "S2's token"] as const;
type Variant = (typeof VARIANTS)[number];

/** What a route must answer: a status, the error code where there is a body, more checks. */
type Outcome = { status: number; error?: string; check?: (body: unknown) => void };
type Row = { build: (headers: Record<string, string>, variant: Variant) => RawRequest; otherStore: Outcome };

const S1_ONLY_ADVISOR = { username: 'li.s1only', name: '李一店', password: 'only-in-store-one' };
const S1_CUSTOMER = { name: '孙悟空一号', phone: '13911112222' };
const S1_PLATE = '沪A11111';
const S1_STORE_ADDRESS = '上海市一店路 1 号';
const S1_STORE_PHONE = '021-11110000';
const S1_BOOKED_CUSTOMER = '唐三藏一号';

let server: TestServer;
let s1: TestStore;
let s2: TestStore;
let s1Tablet: { clientId: string; token: string; deviceId: string };
let revoked: EnrolledDevice;
let s2Device: EnrolledDevice;
let s1Job: Job;
let s1AdditionId: string;
let s1Blobs: string[];
let s2JobId: string;
let s1BookedJobId: string;
/** Strings that belong to S1 and must never come back to anyone but S1. */
let s1Secrets: string[];
let s1Baseline: string;

beforeAll(async () => {
  server = await startTestServer('authorization');
  // On the photo storage TEST_PHOTOS chose (npm run test:group runs this file on PostgreSQL and S3 too).
  expect(server.data.blobs.kind).toBe(testPhotos() === 's3' ? 's3' : 'filesystem');
  const { storage } = server.data;
  s1 = await seedTestStore(storage, 'S1');
  s2 = await seedTestStore(storage, 'S2');
  const s1Store = await storage.getStore(s1.storeId);
  if (!s1Store) throw new Error('no S1');
  const onlyS1 = await addAdvisor(storage, s1Store, { ...S1_ONLY_ADVISOR, role: 'advisor' });
  await setStoreProfile(storage, s1Store, { address: S1_STORE_ADDRESS, phone: S1_STORE_PHONE });

  // S1's card: made on a simulated tablet with two photos and a signature, then synced.
  const tablet = await createTablet('S1-A', { baseUrl: server.baseUrl }, s1.enrollmentCode);
  const job = await createJob(tablet.db, { customer: S1_CUSTOMER, vehicle: { plate: S1_PLATE, vin: 'LSVAU2180N2183371' }, odometerKm: 31_000 });
  await addFakePhoto(tablet.db, job.id, 11);
  await addFakePhoto(tablet.db, job.id, 12);
  await sign(tablet.db, job.id, 'checkin', 11);
  // Checked in, with an additional line: the operations after check-in have something to change.
  await commitMutation(tablet.db, job.id, { op: 'job.checkIn', payload: {} });
  s1AdditionId = await addAddition(tablet.db, job.id, { kind: 'part', code: '', description: '刹车片', quantityMilli: 1000, unitPriceFen: 30_000, discountBp: 0, reason: '磨损到限' });
  expect(await tablet.engine.syncNow()).toMatchObject({ complete: true, outboxLeft: 0 });
  const device = await getDevice(tablet.db);
  if (!device.enrollment) throw new Error('S1 tablet not enrolled');
  s1Tablet = { clientId: device.clientId, token: device.enrollment.deviceToken, deviceId: device.enrollment.deviceId };
  const stored = await storage.getJob(s1.storeId, job.id);
  if (!stored) throw new Error('S1 job did not reach the server');
  s1Job = stored;
  s1Blobs = [
    ...live(s1Job.photos).flatMap((p) => [p.sha256, p.thumbSha256]),
    ...Object.values(s1Job.signatures).flatMap((s) => [s.pngSha256, s.strokesSha256]),
  ];
  expect(s1Blobs).toHaveLength(6);

  revoked = await enrollDevice(server, s1.enrollmentCode, 'S1 lost tablet');
  expect(await storage.revokeDevice(s1.storeId, revoked.deviceId, new Date().toISOString())).toBe(true);

  s2Device = await enrollDevice(server, s2.enrollmentCode, 'S2 tablet');
  s2JobId = uuidv7();
  const created = await push(s2Device, [op(s2Device, s2JobId, { op: 'job.create', payload: { number: 'S2-20250101-A001', card: { customer: { name: '二店客户' } } } })]);
  expect(created).toMatchObject({ status: 200 });
  expect(await storage.getJob(s2.storeId, s2JobId)).toBeDefined();

  s1Secrets = [
    s1.storeId,
    'Test store S1',
    s1Job.id,
    s1Job.number,
    S1_CUSTOMER.name,
    S1_CUSTOMER.phone,
    S1_STORE_ADDRESS,
    S1_STORE_PHONE,
    S1_PLATE,
    s1Job.card.vehicle.vin,
    ...Object.keys(s1Job.photos),
    s1AdditionId,
    ...Object.values(s1Job.signatures).flatMap((s) => [s.id, s.contentHash]),
    ...s1Blobs,
    s1.advisor.id,
    onlyS1.advisor.id,
    S1_ONLY_ADVISOR.username,
    S1_ONLY_ADVISOR.name,
    s1Tablet.clientId,
    s1Tablet.token,
    s1Tablet.deviceId,
    revoked.deviceId,
    revoked.clientId,
    revoked.token,
  ];
  // S1's booking (预约), made at S1's console as its own device.
  const booked = await writeAsConsole(storage, { storeId: s1.storeId, advisorId: s1.advisor.id, username: s1.advisor.username, name: '张顾问', role: 'advisor' }, uuidv7(), (seq) => [
    { op: 'job.create', payload: { number: `S1-20261208-Z${seq}`, card: { customer: { name: S1_BOOKED_CUSTOMER, phone: '13922223333' } } } },
    { op: 'appointment.set', payload: { at: new Date().toISOString(), note: '一店预约' } },
  ]);
  s1BookedJobId = booked.id;
  s1Secrets.push(booked.id, booked.number, S1_BOOKED_CUSTOMER, '13922223333');
  s1Baseline = await s1State();
}, 20_000);

afterAll(async () => {
  await server?.close();
});

/** Everything of S1's the server holds, as one string: the job, its pull page, people, tablets, blob bytes. */
async function s1State(): Promise<string> {
  const { storage, blobs } = server.data;
  const devices = (await storage.listDevices(s1.storeId)).map(({ lastSeenAt: _seen, ...device }) => device);
  const tabletDevice = (await storage.listDevices(s1.storeId)).find((d) => d.id === s1Tablet.deviceId);
  if (!tabletDevice) throw new Error('S1 tablet vanished');
  const blobBytes = await Promise.all(
    s1Blobs.map(async (sha256) => {
      const stream = await blobs.read(sha256);
      if (!stream) return [sha256, await storage.storeHasBlob(s1.storeId, sha256), 'missing'];
      const hash = createHash('sha256');
      for await (const chunk of stream) hash.update(chunk as Buffer);
      return [sha256, await storage.storeHasBlob(s1.storeId, sha256), hash.digest('hex')];
    }),
  );
  return JSON.stringify({
    job: await storage.getJob(s1.storeId, s1Job.id),
    page: await pullPage(storage.records, tabletDevice, 0, 100),
    advisors: await storage.listAdvisors(s1.storeId),
    devices,
    blobBytes,
    catalogue: await storage.catalogueSince(s1.storeId, 0),
    profile: await storage.storeProfile(s1.storeId),
  });
}

function op(device: { clientId: string }, jobId: string, body: MutationBody, seq = 0): Mutation {
  return { ...body, mutationId: uuidv7(), clientId: device.clientId, seq, jobId, createdAt: new Date().toISOString() } as Mutation;
}

/** The next seq the server expects from this client. */
function nextSeq(clientId: string): number {
  return server.lastSeq(clientId) + 1;
}

/** Pushes mutations from a device, numbering them from its next seq. */
async function push(device: EnrolledDevice, mutations: Mutation[]): Promise<{ status: number; body: unknown; text: string }> {
  await server.refreshLastSeqs([device.clientId]);
  const first = nextSeq(device.clientId);
  const reply = await server.send(jsonRequest('POST', '/api/v1/push', apiHeaders(device.token), { mutations: mutations.map((m, i) => ({ ...m, seq: first + i })) }));
  return { status: reply.status, body: parse(reply), text: reply.text };
}

function jsonRequest(method: string, path: string, headers: Record<string, string>, body: unknown): RawRequest {
  return { method, path, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function parse(reply: RawReply): unknown {
  return reply.text ? (JSON.parse(reply.text) as unknown) : undefined;
}

function tokenOf(variant: Variant): string | undefined {
  switch (variant) {
    case 'no token':
      return undefined;
    case 'garbage token':
      return 'dGhpcy1pcy1ub3QtYS10b2tlbi1hdC1hbGwtMDAw';
    case 'revoked S1 token':
      return revoked.token;
    case "S2's token":
      return s2Device.token;
  }
}

/** The S1 strings in a reply that the request did not carry itself (an echoed id is no leak). */
function leakedSecrets(request: RawRequest, reply: RawReply): string[] {
  const sent = `${request.path} ${JSON.stringify(request.headers ?? {})} ${typeof request.body === 'string' ? request.body : ''}`;
  const received = `${reply.text} ${JSON.stringify(reply.headers)}`;
  return s1Secrets.filter((secret) => secret && received.includes(secret) && !sent.includes(secret));
}

/** The answer a matrix row expects, nothing of S1's in it that the request did not send, and S1 as it was. */
async function expectNoS1DataOutNoS1Change(request: RawRequest, reply: RawReply, want: Outcome): Promise<void> {
  expect(reply.status, reply.text).toBe(want.status);
  if (request.method !== 'HEAD') {
    const body = parse(reply);
    if (want.error) expect(body).toMatchObject({ error: want.error, message: expect.any(String) });
    want.check?.(body);
  } else {
    expect(reply.text).toBe('');
  }
  expect(leakedSecrets(request, reply)).toEqual([]);
  expect(await s1State()).toBe(s1Baseline);
}

const forged = Buffer.from(fakeJpeg(999, 500));
const blob = (method: string) => (headers: Record<string, string>): RawRequest =>
  method === 'PUT'
    ? { method, path: `/api/v1/blobs/${s1Blobs[0]}`, headers: { ...headers, 'content-type': 'image/jpeg' }, body: forged }
    : { method, path: `/api/v1/blobs/${s1Blobs[0]}`, headers };
const get = (method: 'GET' | 'HEAD', path: () => string) => (headers: Record<string, string>): RawRequest => ({ method, path: path(), headers });
const jobPath = () => `/api/v1/jobs/${s1Job.id}`;
const visitsPath = () => `/api/v1/vehicles/visits?plate=${encodeURIComponent(S1_PLATE)}&vin=${s1Job.card.vehicle.vin}`;

/** Only S2's own: its store, its job, its advisors; never S1's. */
const ownStoreOnly = (body: unknown) => expect(body).toMatchObject({ store: { id: s2.storeId } });
const noJobs = (body: unknown) => expect(body).toEqual({ jobs: [] });
/** S2's profile: its own name, never S1's. */
const ownProfileOnly = (body: unknown) => expect(body).toMatchObject({ profile: { name: 'Test store S2', address: '' } });
const onlyS2Jobs = (body: unknown) => {
  const ids = (body as { jobs: Job[] }).jobs.map((job) => job.id);
  expect(ids).toEqual([s2JobId]);
};

const matrix: Record<string, Row> = {
  'POST /api/v1/auth/enroll': {
    // Needs no token: whatever token comes along, S1's tablet is not moved into S2.
    build: (headers) => jsonRequest('POST', '/api/v1/auth/enroll', headers, { code: s2.enrollmentCode, clientId: s1Tablet.clientId, deviceName: 'moved' }),
    otherStore: { status: 403, error: 'enrollment_refused' },
  },
  'GET /api/v1/auth/device': { build: get('GET', () => '/api/v1/auth/device'), otherStore: { status: 200, check: ownStoreOnly } },
  'HEAD /api/v1/auth/device': { build: get('HEAD', () => '/api/v1/auth/device'), otherStore: { status: 200 } },
  'POST /api/v1/auth/sign-in': {
    build: (headers) => jsonRequest('POST', '/api/v1/auth/sign-in', headers, { username: S1_ONLY_ADVISOR.username, password: S1_ONLY_ADVISOR.password }),
    otherStore: { status: 401, error: 'sign_in_failed' },
  },
  'POST /api/v1/push': {
    // Without a valid token it pretends to be S1's tablet; with S2's it pushes as S2.
    build: (headers, variant) => {
      const device = variant === "S2's token" ? s2Device : { ...s1Tablet, storeId: s1.storeId };
      const mutation = op(device, s1Job.id, { op: 'job.update', payload: { card: { customer: { name: 'changed by an outsider' } } } }, nextSeq(device.clientId));
      return jsonRequest('POST', '/api/v1/push', headers, { mutations: [mutation] });
    },
    otherStore: { status: 200, check: (body) => expect(body).toMatchObject({ rejected: [{ reason: 'unknown_job' }], missingBlobs: [] }) },
  },
  'GET /api/v1/pull': { build: get('GET', () => '/api/v1/pull?cursor=0'), otherStore: { status: 200, check: onlyS2Jobs } },
  'HEAD /api/v1/pull': { build: get('HEAD', () => '/api/v1/pull?cursor=0'), otherStore: { status: 200 } },
  'GET /api/v1/jobs/:id': { build: get('GET', jobPath), otherStore: { status: 404, error: 'not_found' } },
  'HEAD /api/v1/jobs/:id': { build: get('HEAD', jobPath), otherStore: { status: 404 } },
  'GET /api/v1/vehicles/visits': { build: get('GET', visitsPath), otherStore: { status: 200, check: noJobs } },
  'HEAD /api/v1/vehicles/visits': { build: get('HEAD', visitsPath), otherStore: { status: 200 } },
  'GET /api/v1/store/profile': { build: get('GET', () => '/api/v1/store/profile'), otherStore: { status: 200, check: ownProfileOnly } },
  'HEAD /api/v1/store/profile': { build: get('HEAD', () => '/api/v1/store/profile'), otherStore: { status: 200 } },
  'HEAD /api/v1/blobs/:sha256': { build: blob('HEAD'), otherStore: { status: 404 } },
  'GET /api/v1/blobs/:sha256': { build: blob('GET'), otherStore: { status: 404, error: 'not_found' } },
  // S2 may upload bytes under S1's hash, but only bytes that really hash to it.
  'PUT /api/v1/blobs/:sha256': { build: blob('PUT'), otherStore: { status: 400, error: 'hash_mismatch' } },
};

function expected(route: string, variant: Variant): Outcome {
  if (route === 'POST /api/v1/auth/enroll') return matrix[route]!.otherStore;
  if (variant === "S2's token") return matrix[route]!.otherStore;
  return { status: 401, error: variant === 'revoked S1 token' ? 'device_revoked' : 'unauthenticated' };
}

/**
 * Every "METHOD /path" the server serves, read from printRoutes' tree ("├── /api/v1/x (GET)",
 * a child "│   └── /:id (PUT)" continues its parent's path one level deeper).
 */
function servedRoutes(app: TestServer['app']): string[] {
  const prefixes: string[] = [];
  return app
    .printRoutes({ commonPrefix: false })
    .split('\n')
    .flatMap((line) => {
      const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
      if (!match) return [];
      const depth = match[1]!.length / 4;
      const path = `${prefixes[depth - 1] ?? ''}${match[2]}`;
      prefixes[depth] = path;
      prefixes.length = depth + 1;
      return path.startsWith('/api/') && match[3] ? match[3].split(', ').map((method) => `${method} ${path}`) : [];
    });
}

describe('authorization matrix', () => {
  it('has a row for every API route the server serves', () => {
    const served = servedRoutes(server.app).filter((route) => !/ \/api\/v1\/(health|openapi\.json)$/.test(route));
    expect(served.length).toBeGreaterThan(10);
    expect([...Object.keys(matrix), ...Object.keys(consoleMatrix)].sort()).toEqual(served.sort());
  });

  describe.each(Object.keys(matrix))('%s', (route) => {
    it.each(VARIANTS)('with %s: no S1 data out, no S1 change', async (variant) => {
      const token = tokenOf(variant);
      await server.refreshLastSeqs([s1Tablet.clientId, s2Device.clientId]);
      const request = matrix[route]!.build(apiHeaders(token), variant);
      const reply = await server.send(request);
      const want = expected(route, variant);
      await expectNoS1DataOutNoS1Change(request, reply, want);
    });
  });
});

// ---- the store console (session cookie, roles) ----
// Each console route, asked for S1's records without a session, with an expired S1 session,
// by an S1 advisor where the route is the administrator's, and by S2's administrator: no S1
// data out, no S1 change. Every session is made afresh for its request (straight in the
// storage, no password work), so a sign-out in one row ends nobody else's.
const CONSOLE_VARIANTS = ['no session', 'expired S1 session', 'S1 advisor', "S2's admin"] as const;
type ConsoleVariant = (typeof CONSOLE_VARIANTS)[number];
type ConsoleRow = {
  /** Who the route is for; the S1 advisor variant runs only on admin routes (S1's own data is theirs to see elsewhere). */
  role: 'admin' | 'any' | 'open';
  build: (headers: Record<string, string>) => RawRequest;
  otherStore: Outcome;
};

let s2AdminId: string;
async function consoleHeaders(variant: ConsoleVariant): Promise<Record<string, string>> {
  if (variant === 'no session') return {};
  const { storage } = server.data;
  if (!s2AdminId) {
    s2AdminId = (await addAdvisorTo(storage, s2.storeId, { username: 's2.admin', name: '二店店长', role: 'admin', password: 's2-admin-password' })).advisor.id;
  }
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const [storeId, advisorId] = variant === "S2's admin" ? [s2.storeId, s2AdminId] : [s1.storeId, s1.advisor.id];
  const expiresAt = new Date(variant === 'expired S1 session' ? now - 1000 : now + 3_600_000).toISOString();
  await storage.createConsoleSession({ tokenHash: tokenHash(token), storeId, advisorId, csrfToken: token, createdAt: new Date(now - 7_200_000).toISOString(), expiresAt });
  return { cookie: `${CONSOLE_COOKIE}=${token}`, [CSRF_HEADER]: token };
}

const appointmentsToday = () => {
  const day = new Date().toISOString().slice(0, 10);
  return `/api/v1/console/appointments?from=${day}&to=${day}`;
};
const consoleGet = (path: () => string) => (headers: Record<string, string>): RawRequest => ({ method: 'GET', path: path(), headers });
/** S2's own session: its store and its admin, never S1's. */
const ownConsoleSession = (body: unknown) => expect(body).toMatchObject({ store: { id: s2.storeId }, advisor: { username: 's2.admin' } });

const consoleMatrix: Record<string, ConsoleRow> = {
  'POST /api/v1/console/sign-in': {
    role: 'open',
    // S1's advisor's name and password under S2's code: not S1's sign-in, whatever cookie comes along.
    build: (headers) => jsonRequest('POST', '/api/v1/console/sign-in', headers, { store: 'S2', username: S1_ONLY_ADVISOR.username, password: S1_ONLY_ADVISOR.password }),
    otherStore: { status: 401, error: 'sign_in_failed' },
  },
  'GET /api/v1/console/session': { role: 'any', build: consoleGet(() => '/api/v1/console/session'), otherStore: { status: 200, check: ownConsoleSession } },
  'HEAD /api/v1/console/session': { role: 'any', build: (headers) => ({ method: 'HEAD', path: '/api/v1/console/session', headers }), otherStore: { status: 200 } },
  'POST /api/v1/console/sign-out': { role: 'any', build: (headers) => ({ method: 'POST', path: '/api/v1/console/sign-out', headers }), otherStore: { status: 200 } },
  // The store's logo (console-logo-routes.ts): S2's admin sets and removes S2's; S1's profile stays.
  'PUT /api/v1/console/admin/store-profile/logo': {
    role: 'admin',
    build: (headers) => ({ method: 'PUT', path: '/api/v1/console/admin/store-profile/logo', headers: { ...headers, 'content-type': 'image/png' }, body: Buffer.from(fakePng(42)) }),
    otherStore: { status: 200, check: (body) => expect(body).toMatchObject({ profile: { name: 'Test store S2', logo: { mime: 'image/png' } } }) },
  },
  'DELETE /api/v1/console/admin/store-profile/logo': {
    role: 'admin',
    build: (headers) => ({ method: 'DELETE', path: '/api/v1/console/admin/store-profile/logo', headers }),
    otherStore: { status: 200, check: ownProfileOnly },
  },
  // 预约 (console-appointments-routes.ts): any role; S2's desk sees and books S2's own, S1's booking is not found.
  'GET /api/v1/console/appointments': { role: 'any', build: consoleGet(appointmentsToday), otherStore: { status: 200, check: (body) => expect(body).toEqual({ appointments: [] }) } },
  'HEAD /api/v1/console/appointments': { role: 'any', build: (headers) => ({ method: 'HEAD', path: appointmentsToday(), headers }), otherStore: { status: 200 } },
  'POST /api/v1/console/appointments': {
    role: 'any',
    build: (headers) => jsonRequest('POST', '/api/v1/console/appointments', headers, { customerName: '二店客户', customerPhone: '13700001111', plate: '', at: new Date().toISOString(), serviceType: 'repair', note: '' }),
    otherStore: { status: 200, check: (body) => expect(body).toMatchObject({ customerName: '二店客户' }) },
  },
  'PUT /api/v1/console/appointments/:jobId': {
    role: 'any',
    build: (headers) => jsonRequest('PUT', `/api/v1/console/appointments/${s1BookedJobId}`, headers, { customerName: '改掉', customerPhone: '13700001111', plate: '', at: new Date().toISOString(), serviceType: 'repair', note: '' }),
    otherStore: { status: 404, error: 'not_found' },
  },
  'POST /api/v1/console/appointments/:jobId/no-show': {
    role: 'any',
    build: (headers) => jsonRequest('POST', `/api/v1/console/appointments/${s1BookedJobId}/no-show`, headers, { noShow: true }),
    otherStore: { status: 404, error: 'not_found' },
  },
  // Administration (console-admin-routes.ts): S2's admin works on S2 only; S1's advisor and tablet are not found there.
  ...adminRows(),
  // Reports (console-reports-routes.ts): any role; S2's admin gets S2's own figures, never S1's cards.
  ...Object.fromEntries(
    REPORT_NAMES.map((name): [string, ConsoleRow] => [
      `GET /api/v1/console/reports/${name}`,
      {
        role: 'any',
        build: consoleGet(() => `/api/v1/console/reports/${name}?from=2025-01-01&to=2027-12-31&by=month`),
        otherStore: { status: 200, check: (body) => expect([s1Job.id, s1Job.number, s1.advisor.id].filter((s1Text) => JSON.stringify(body).includes(s1Text))).toEqual([]) },
      },
    ]),
  ),
  ...Object.fromEntries(
    REPORT_NAMES.map((name): [string, ConsoleRow] => [
      `HEAD /api/v1/console/reports/${name}`,
      { role: 'any', build: (headers) => ({ method: 'HEAD', path: `/api/v1/console/reports/${name}?from=2025-01-01&to=2027-12-31`, headers }), otherStore: { status: 200 } },
    ]),
  ),
  // Card archive and DMS export (console-archive-routes.ts, console-export-routes.ts).
  ...archiveAndExportRows(),
};

/**
 * The archive asked for S1's plate, card, customer and photo: any role; S2's admin finds nothing
 * of S1 (its own cards only, 404 for S1's). The export, from the console and from the DMS door
 * (HTTP Basic with S2's admin, whatever cookie comes along): S2's cards only.
 */
function archiveAndExportRows(): Record<string, ConsoleRow> {
  const R = '/api/v1/console/archive';
  const any = (method: 'GET' | 'HEAD', path: () => string, otherStore: Outcome): ConsoleRow => ({ role: 'any', build: (headers) => ({ method, path: path(), headers }), otherStore });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const range = () => `from=${day(-30)}&to=${day(30)}`;
  const noCards = (body: unknown) => expect(body).toMatchObject({ cards: [] });
  const search = () => `${R}/search?q=${encodeURIComponent(S1_PLATE)}`;
  const card = () => `${R}/cards/${s1Job.id}`;
  const customer = () => `${R}/customer?phone=${S1_CUSTOMER.phone}`;
  const dms = (method: 'GET' | 'HEAD'): ConsoleRow => ({
    role: 'open',
    build: (headers) => ({ method, path: `/api/v1/export?${range()}&format=json`, headers: { ...headers, authorization: `Basic ${Buffer.from('S2/s2.admin:s2-admin-password').toString('base64')}` } }),
    otherStore: method === 'GET' ? { status: 200, check: noCards } : { status: 200 },
  });
  return {
    [`GET ${R}/search`]: any('GET', search, { status: 200, check: noCards }),
    [`HEAD ${R}/search`]: any('HEAD', search, { status: 200 }),
    [`GET ${R}/cards/:jobId`]: any('GET', card, { status: 404, error: 'not_found' }),
    [`HEAD ${R}/cards/:jobId`]: any('HEAD', card, { status: 404 }),
    [`GET ${R}/customer`]: any('GET', customer, { status: 404, error: 'not_found' }),
    [`HEAD ${R}/customer`]: any('HEAD', customer, { status: 404 }),
    [`GET ${R}/blobs/:sha256`]: any('GET', () => `${R}/blobs/${s1Blobs[0]}`, { status: 404, error: 'not_found' }),
    'GET /api/v1/console/export': any('GET', () => `/api/v1/console/export?${range()}&format=json`, { status: 200, check: noCards }),
    'HEAD /api/v1/console/export': any('HEAD', () => `/api/v1/console/export?${range()}`, { status: 200 }),
    'GET /api/v1/export': dms('GET'),
    'HEAD /api/v1/export': dms('HEAD'),
  };
}

function adminRows(): Record<string, ConsoleRow> {
  const A = '/api/v1/console/admin';
  const admin = (method: string, path: () => string, otherStore: Outcome, body?: unknown): ConsoleRow => ({
    role: 'admin',
    build: (headers) => (body === undefined ? { method, path: path(), headers } : jsonRequest(method, path(), headers, body)),
    otherStore,
  });
  const csv = '编码,类型,名称,单位,单价\nL-1,工时,二店机油,工时,80';
  const profile = { name: '二店', address: '北京市二店路 2 号', phone: '010-22220000', defaults: {} };
  return {
    [`GET ${A}/advisors`]: admin('GET', () => `${A}/advisors`, { status: 200 }),
    [`HEAD ${A}/advisors`]: admin('HEAD', () => `${A}/advisors`, { status: 200 }),
    // A name S2 has already (so S2's people stay as the pull test expects): refused there, nothing added anywhere.
    [`POST ${A}/advisors`]: admin('POST', () => `${A}/advisors`, { status: 409, error: 'username_taken' }, { username: 'zhang', name: '二店新人', role: 'advisor' }),
    [`POST ${A}/advisors/:username/password`]: admin('POST', () => `${A}/advisors/${S1_ONLY_ADVISOR.username}/password`, { status: 404, error: 'not_found' }),
    [`PUT ${A}/advisors/:username/disabled`]: admin('PUT', () => `${A}/advisors/${S1_ONLY_ADVISOR.username}/disabled`, { status: 404, error: 'not_found' }, { disabled: true }),
    [`GET ${A}/tablets`]: admin('GET', () => `${A}/tablets`, { status: 200 }),
    [`HEAD ${A}/tablets`]: admin('HEAD', () => `${A}/tablets`, { status: 200 }),
    [`POST ${A}/tablets/:deviceId/revoke`]: admin('POST', () => `${A}/tablets/${s1Tablet.deviceId}/revoke`, { status: 404, error: 'not_found' }),
    [`POST ${A}/tablets/:deviceId/reenrollment`]: admin('POST', () => `${A}/tablets/${s1Tablet.deviceId}/reenrollment`, { status: 404, error: 'not_found' }),
    [`POST ${A}/enrollment-codes`]: admin('POST', () => `${A}/enrollment-codes`, { status: 200 }, { days: 1, uses: 1 }),
    [`POST ${A}/catalogue/preview`]: admin('POST', () => `${A}/catalogue/preview`, { status: 200 }, { csv }),
    [`PUT ${A}/catalogue`]: admin('PUT', () => `${A}/catalogue`, { status: 200 }, { csv }),
    [`GET ${A}/store-profile`]: admin('GET', () => `${A}/store-profile`, { status: 200 }),
    [`HEAD ${A}/store-profile`]: admin('HEAD', () => `${A}/store-profile`, { status: 200 }),
    [`PUT ${A}/store-profile`]: admin('PUT', () => `${A}/store-profile`, { status: 200 }, profile),
  };
}

function consoleExpected(row: ConsoleRow, variant: ConsoleVariant): Outcome {
  if (row.role === 'open' || variant === "S2's admin") return row.otherStore;
  if (variant === 'S1 advisor') return { status: 403, error: 'forbidden' };
  return { status: 401, error: 'console_signed_out' };
}

describe('authorization matrix: the store console', () => {
  describe.each(Object.keys(consoleMatrix))('%s', (route) => {
    const row = consoleMatrix[route]!;
    const variants = CONSOLE_VARIANTS.filter((variant) => variant !== 'S1 advisor' || row.role === 'admin');
    it.each(variants)('with %s: no S1 data out, no S1 change', async (variant) => {
      const request = row.build(await consoleHeaders(variant));
      const reply = await server.send(request);
      const want = consoleExpected(row, variant);
      await expectNoS1DataOutNoS1Change(request, reply, want);
    });
  });
});

describe('store S2 against store S1', () => {
  it("refuses every kind of change to S1's card as unknown_job, and pushes under S1's client id with 403", async () => {
    // S2's own blobs, so no mutation stops for a missing blob and every one reaches the check.
    const photoBytes = Buffer.from(fakeJpeg(4242, 800));
    const photoHash = createHash('sha256').update(photoBytes).digest('hex');
    const upload = await server.send({ method: 'PUT', path: `/api/v1/blobs/${photoHash}`, headers: { ...apiHeaders(s2Device.token), 'content-type': 'image/jpeg' }, body: photoBytes });
    expect(upload.status).toBe(201);
    const [photoId, signatureId] = [Object.keys(s1Job.photos)[0]!, Object.keys(s1Job.signatures)[0]!];
    const now = new Date().toISOString();
    const additionId = s1AdditionId;
    const signature = (kind: 'checkin' | 'additional' | 'delivery', subjectId?: string) =>
      ({ id: kind === 'checkin' ? signatureId : uuidv7(), kind, signerName: 'x', signedAt: now, deviceId: s2Device.clientId, contentHash: photoHash, pngSha256: photoHash, strokesSha256: photoHash, ...(subjectId ? { subjectId } : {}) }) as const;
    const line = { kind: 'labour', code: '', description: 'x', quantityMilli: 1000, unitPriceFen: 100, discountBp: 0 } as const;
    // One row per operation: the type names every op, so a new one fails the check until it is here.
    const byOp: { [K in MutationOp]: Extract<MutationBody, { op: K }>[] } = {
      'job.create': [{ op: 'job.create', payload: { number: 'S2-20250101-A999', card: { customer: { name: 'overwritten' } } } }],
      'job.update': [{ op: 'job.update', payload: { card: { odometerKm: 1 } } }],
      'job.checkIn': [{ op: 'job.checkIn', payload: {} }],
      'damage.add': [
        { op: 'damage.add', payload: { id: uuidv7(), view: 'top', x: 0.5, y: 0.5, type: 'dent', severity: 'minor', note: '' } },
        { op: 'damage.add', payload: { id: uuidv7(), view: 'top', x: 0.5, y: 0.5, type: 'dent', severity: 'minor', note: '', stage: 'handover' } },
      ],
      'damage.update': [{ op: 'damage.update', payload: { id: uuidv7(), fields: { note: 'x' } } }],
      'damage.remove': [{ op: 'damage.remove', payload: { id: uuidv7() } }],
      'photo.add': [
        { op: 'photo.add', payload: { id: uuidv7(), sha256: photoHash, thumbSha256: photoHash, mime: 'image/jpeg', width: 10, height: 10, byteLength: photoBytes.byteLength, damageId: null, slot: null, annotatedFromId: null, takenAt: now } },
        { op: 'photo.add', payload: { id: uuidv7(), sha256: photoHash, thumbSha256: photoHash, mime: 'image/jpeg', width: 10, height: 10, byteLength: photoBytes.byteLength, damageId: null, slot: null, annotatedFromId: null, additionId, takenAt: now } },
      ],
      'photo.remove': [{ op: 'photo.remove', payload: { id: photoId } }],
      'photo.restore': [{ op: 'photo.restore', payload: { id: photoId } }],
      'estimate.update': [{ op: 'estimate.update', payload: { fields: {} } }],
      'line.add': [{ op: 'line.add', payload: { id: uuidv7(), ...line } }],
      'line.update': [{ op: 'line.update', payload: { id: uuidv7(), fields: {} } }],
      'line.remove': [{ op: 'line.remove', payload: { id: uuidv7() } }],
      'signature.add': [
        { op: 'signature.add', payload: signature('checkin') },
        { op: 'signature.add', payload: signature('additional', uuidv7()) },
        { op: 'signature.add', payload: signature('delivery') },
      ],
      'job.move': [
        { op: 'job.move', payload: { from: 'checked-in', to: 'in-repair' } },
        { op: 'job.move', payload: { from: 'ready', to: 'delivered' } },
      ],
      'addition.add': [{ op: 'addition.add', payload: { id: additionId, ...line, reason: '刹车片磨损' } }],
      'addition.update': [{ op: 'addition.update', payload: { id: additionId, fields: { unitPriceFen: 1 } } }],
      'addition.remove': [{ op: 'addition.remove', payload: { id: additionId } }],
      'addition.decide': [
        { op: 'addition.decide', payload: { id: uuidv7(), decisions: { [additionId]: 'approved' }, promisedAt: null, via: { kind: 'signature' } } },
        { op: 'addition.decide', payload: { id: uuidv7(), decisions: { [additionId]: 'declined' }, promisedAt: now, via: { kind: 'phone', calledAt: now, phone: '13800000000', agreedBy: '车主' } } },
      ],
      'qc.check': [{ op: 'qc.check', payload: { item: 'workDone', result: 'pass', note: '' } }],
      'qc.override': [{ op: 'qc.override', payload: { reason: '外人放行' } }],
      'handover.update': [{ op: 'handover.update', payload: { fields: { paidFen: 1, payment: 'cash', coversRemoved: { seat: now } } } }],
      'followUp.call': [{ op: 'followUp.call', payload: { id: uuidv7(), outcome: 'dissatisfied', note: '外人' } }],
      'followUp.resolve': [{ op: 'followUp.resolve', payload: { note: '外人关闭' } }],
      'appointment.set': [{ op: 'appointment.set', payload: { at: now, note: '外人预约' } }],
      'appointment.noShow': [{ op: 'appointment.noShow', payload: { noShow: true } }],
    };
    const bodies: MutationBody[] = Object.values(byOp).flat();
    expect(new Set(bodies.map((body) => body.op))).toEqual(new Set(mutationBodySchema.options.map((option) => option.shape.op.value)));
    const mutations = bodies.map((body) => op(s2Device, s1Job.id, body));
    const { status, body, text } = await push(s2Device, mutations);
    expect(status, text).toBe(200);
    const rejected = (body as { rejected: { mutationId: string; reason: string }[] }).rejected;
    expect(rejected).toEqual(mutations.map((m) => ({ mutationId: m.mutationId, seq: expect.any(Number), reason: 'unknown_job' })));
    expect(await s1State()).toBe(s1Baseline);
    expect(await server.data.storage.getJob(s2.storeId, s1Job.id)).toBeUndefined();

    await server.refreshLastSeqs([s1Tablet.clientId]);
    const asS1 = await server.send(
      jsonRequest('POST', '/api/v1/push', apiHeaders(s2Device.token), {
        mutations: [op(s1Tablet, s1Job.id, { op: 'job.checkIn', payload: {} }, nextSeq(s1Tablet.clientId))],
      }),
    );
    expect(asS1.status).toBe(403);
    expect(parse(asS1)).toMatchObject({ error: 'wrong_client' });
    expect(await s1State()).toBe(s1Baseline);
  });

  it("cannot see S1's blob by its hash; uploading the same bytes makes it visible to S2 only", async () => {
    const sha256 = s1Blobs[1]!;
    const path = `/api/v1/blobs/${sha256}`;
    const s2Headers = apiHeaders(s2Device.token);
    expect((await server.send({ method: 'HEAD', path, headers: s2Headers })).status).toBe(404);
    expect((await server.send({ method: 'GET', path, headers: s2Headers })).status).toBe(404);

    const stream = await server.data.blobs.read(sha256);
    if (!stream) throw new Error('S1 blob missing');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const put = await server.send({ method: 'PUT', path, headers: { ...s2Headers, 'content-type': 'image/jpeg' }, body: bytes });
    // New to S2, whoever else has it: "created: false" would tell S2 another store holds it.
    expect(put.status).toBe(201);
    expect(parse(put)).toEqual({ sha256, created: true });

    expect((await server.send({ method: 'HEAD', path, headers: s2Headers })).status).toBe(200);
    const got = await server.send({ method: 'GET', path, headers: s2Headers });
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(await server.data.storage.storeHasBlob(s2.storeId, sha256)).toBe(true);
    // S1 keeps it as before; the other S1 blobs stay out of S2's reach.
    expect(await s1State()).toBe(s1Baseline);
    expect((await server.send({ method: 'HEAD', path: `/api/v1/blobs/${s1Blobs[2]}`, headers: s2Headers })).status).toBe(404);
  });

  it("does not sign in S1's advisor on an S2 tablet; a same-named S2 advisor is S2's", async () => {
    const foreign = await server.send(jsonRequest('POST', '/api/v1/auth/sign-in', apiHeaders(s2Device.token), { username: S1_ONLY_ADVISOR.username, password: S1_ONLY_ADVISOR.password }));
    expect(foreign.status).toBe(401);
    expect(parse(foreign)).toMatchObject({ error: 'sign_in_failed' });
    // Both seeded stores have a 'zhang' with the same password: S2's tablet gets S2's.
    const own = await server.send(jsonRequest('POST', '/api/v1/auth/sign-in', apiHeaders(s2Device.token), { username: s2.advisor.username, password: s2.advisor.password }));
    expect(own.status).toBe(200);
    expect(parse(own)).toMatchObject({ advisor: { id: s2.advisor.id } });
    expect(s2.advisor.id).not.toBe(s1.advisor.id);
  });

  it('pulls only S2 jobs and S2 advisors, page after page', async () => {
    const jobIds: string[] = [];
    let cursor = 0;
    for (let page = 0; page < 20; page++) {
      const reply = await server.send({ method: 'GET', path: `/api/v1/pull?cursor=${cursor}&limit=1`, headers: apiHeaders(s2Device.token) });
      expect(reply.status).toBe(200);
      expect(leakedSecrets({ method: 'GET', path: '' }, reply)).toEqual([]);
      const body = parse(reply) as { jobs: Job[]; cursor: number; more: boolean; advisors: { id: string }[] };
      // S2's advisor, and its administrator if the console rows made one: S2's people only.
      expect(body.advisors.map((a) => a.id).sort()).toEqual([s2.advisor.id, ...(s2AdminId ? [s2AdminId] : [])].sort());
      jobIds.push(...body.jobs.map((job) => job.id));
      cursor = body.cursor;
      if (!body.more) break;
    }
    // S2's card, and its bookings if the console rows made some: every one of them S2's.
    expect(jobIds).toContain(s2JobId);
    for (const id of jobIds) expect(await server.data.storage.getJob(s2.storeId, id), id).toBeDefined();
    expect(jobIds).not.toContain(s1Job.id);
    expect(jobIds).not.toContain(s1BookedJobId);
  });

  it("binds an enrollment to the code's store, and never moves an S1 tablet into S2", async () => {
    // A fresh tablet with S2's code is S2's, whatever token it happens to carry.
    const clientId = uuidv4();
    const reply = await server.send(jsonRequest('POST', '/api/v1/auth/enroll', apiHeaders(s1Tablet.token), { code: s2.enrollmentCode, clientId, deviceName: 'new S2 tablet' }));
    expect(reply.status).toBe(200);
    expect(parse(reply)).toMatchObject({ store: { id: s2.storeId, code: 'S2' } });
    expect((await server.data.storage.listDevices(s2.storeId)).map((d) => d.clientId)).toContain(clientId);
    expect((await server.data.storage.listDevices(s1.storeId)).map((d) => d.clientId)).not.toContain(clientId);

    const moved = await server.send(jsonRequest('POST', '/api/v1/auth/enroll', apiHeaders(), { code: s2.enrollmentCode, clientId: s1Tablet.clientId, deviceName: 'moved' }));
    expect(moved.status).toBe(403);
    expect(parse(moved)).toMatchObject({ error: 'enrollment_refused' });
    // The S1 tablet keeps its token and its store.
    const still = await server.send({ method: 'GET', path: '/api/v1/auth/device', headers: apiHeaders(s1Tablet.token) });
    expect(still.status).toBe(200);
    expect(parse(still)).toMatchObject({ store: { id: s1.storeId }, device: { id: s1Tablet.deviceId } });
    expect(await s1State()).toBe(s1Baseline);
  });
});

describe('parallel sign-in', () => {
  const signIn = (token: string, username: string, password: string, localAddress?: string): Promise<RawReply> =>
    server.send({ ...jsonRequest('POST', '/api/v1/auth/sign-in', apiHeaders(token), { username, password }), localAddress });
  const judged = (replies: RawReply[]) => replies.filter((reply) => reply.status === 200 || reply.status === 401);
  const expectKindRefusals = (replies: RawReply[]) => {
    for (const reply of replies.filter((r) => r.status === 429)) {
      expect(parse(reply)).toEqual({ error: expect.stringMatching(/^(rate_limited|sign_in_busy)$/), message: expect.stringMatching(/try again/i) });
      expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    }
  };

  it('judges at most one of 60 parallel sign-ins for a name one failure short of the limit', async () => {
    const tablet = await enrollDevice(server, s1.enrollmentCode, 'S1 parallel tablet');
    for (let i = 0; i < 4; i++) expect((await signIn(tablet.token, s1.advisor.username, `wrong-${i}`)).status).toBe(401);

    // The right password goes last: were it judged first, its success would (rightly) start
    // the name afresh, and a request that reached the server only after it would be judged.
    const passwords = [...Array.from({ length: 59 }, (_, i) => `parallel-${i}`), s1.advisor.password];
    const replies = await Promise.all(passwords.map((password) => signIn(tablet.token, s1.advisor.username, password)));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => ![200, 401, 429].includes(status))).toEqual([]);
    expect(judged(replies)).toHaveLength(1);
    // 4 before the burst and at most one in it: never more than the 5 allowed.
    const failures = 4 + statuses.filter((status) => status === 401).length;
    expect(failures).toBeLessThanOrEqual(5);
    expectKindRefusals(replies);

    // The limit holds afterwards too: the right password waits, unless it was the one judged.
    const after = await signIn(tablet.token, s1.advisor.username, s1.advisor.password);
    expect(after.status).toBe(statuses.includes(200) ? 200 : 429);
  }, 60_000);

  it('signs in with the right password while under the limit, also after four failures', async () => {
    const tablet = await enrollDevice(server, s1.enrollmentCode, 'S1 fresh tablet');
    for (let i = 0; i < 4; i++) expect((await signIn(tablet.token, S1_ONLY_ADVISOR.username, `wrong-${i}`)).status).toBe(401);
    const right = await signIn(tablet.token, S1_ONLY_ADVISOR.username, S1_ONLY_ADVISOR.password);
    expect(right.status).toBe(200);
    expect(parse(right)).toMatchObject({ advisor: { username: S1_ONLY_ADVISOR.username } });
    // The success starts the name afresh: a typo after it is judged, not refused.
    expect((await signIn(tablet.token, S1_ONLY_ADVISOR.username, 'typo')).status).toBe(401);
  }, 60_000);

  it('checks one password at a time per name on a tablet: the others are told to wait seconds, not counted', async () => {
    const tablet = await enrollDevice(server, s1.enrollmentCode, 'S1 busy tablet');
    // The right password, 8 times at once (a double tap, a retry): one is checked at a time.
    const replies = await Promise.all(Array.from({ length: 8 }, () => signIn(tablet.token, S1_ONLY_ADVISOR.username, S1_ONLY_ADVISOR.password, '127.0.0.3')));
    const busy = replies.filter((reply) => reply.status === 429);
    expect(replies.filter((reply) => reply.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(replies.every((reply) => reply.status === 200 || reply.status === 429)).toBe(true);
    for (const reply of busy) {
      expect(parse(reply)).toEqual({ error: 'sign_in_busy', message: expect.stringMatching(/few seconds/) });
      expect(Number(reply.headers['retry-after'])).toBeLessThanOrEqual(5);
    }
    // Waiting cost nothing: four wrong passwords are still judged, the fifth failure limits.
    for (let i = 0; i < 5; i++) expect((await signIn(tablet.token, S1_ONLY_ADVISOR.username, `busy-wrong-${i}`, '127.0.0.3')).status).toBe(401);
    expect((await signIn(tablet.token, S1_ONLY_ADVISOR.username, S1_ONLY_ADVISOR.password, '127.0.0.3')).status).toBe(429);
  }, 60_000);

  it('judges no more than 30 attempts from one address, however they are spread and timed', async () => {
    // Another loopback address, so this client's failures do not limit the other tests.
    const address = '127.0.0.2';
    const tablet = await enrollDevice(server, s1.enrollmentCode, 'S1 address tablet');
    let judgedCount = 0;
    let lastWave: RawReply[] = [];
    // Waves of 7 different names (so no per-name limit applies): checking before and
    // counting after would let a wave through at 28 and end at 35.
    for (let wave = 0; wave < 40; wave++) {
      lastWave = await Promise.all(Array.from({ length: 7 }, (_, i) => signIn(tablet.token, `guess-${wave}-${i}`, 'guess', address)));
      expect(lastWave.map((reply) => reply.status).filter((status) => status !== 401 && status !== 429)).toEqual([]);
      expectKindRefusals(lastWave);
      judgedCount += judged(lastWave).length;
      // Stops at the limit, or as soon as it is passed (the failure then says by how much).
      if (judged(lastWave).length === 0 || judgedCount > 30) break;
    }
    expect(judgedCount).toBe(30);
    expect(parse(lastWave[0] as RawReply)).toMatchObject({ message: expect.stringMatching(/Too many failed attempts/) });
    expect(Number(lastWave[0]?.headers['retry-after'])).toBeGreaterThan(60);
    // The right password from that address waits too; from another address it is let in.
    expect((await signIn(tablet.token, s1.advisor.username, s1.advisor.password, address)).status).toBe(429);
    expect((await signIn(tablet.token, s1.advisor.username, s1.advisor.password)).status).toBe(200);
  }, 60_000);
});

describe("a tablet's identity cannot be taken over", () => {
  // A tablet's clientId is no secret: it reaches every tablet of the store in the signatures
  // it collects. Enrolling with it must not hand over the tablet's place, and if a second
  // writer ever did push under it (an approval given to the wrong device), an acknowledged seq
  // must never swallow the real tablet's different change.
  let store: TestStore;
  let real: Tablet;
  let jobId: string;

  const enrollAs = (clientId: string, deviceSecret?: string) =>
    server.send({
      method: 'POST',
      path: '/api/v1/auth/enroll',
      headers: { ...apiHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ code: store.enrollmentCode, clientId, deviceName: 'Not the real one', ...(deviceSecret ? { deviceSecret } : {}) }),
    });

  beforeAll(async () => {
    store = await seedTestStore(server.data.storage, 'TK');
    real = await createTablet('TK-real', { baseUrl: server.baseUrl }, store.enrollmentCode);
    const job = await createJob(real.db, { customer: { name: '周先生', phone: '13700001111' }, vehicle: { plate: '沪C55555' }, odometerKm: 8_000 });
    jobId = job.id;
    await sign(real.db, jobId, 'checkin', 41);
    expect(await real.engine.syncNow()).toMatchObject({ complete: true });
  });

  it("refuses an enrollment with another tablet's clientId, read from a pulled signature", async () => {
    const reader = await createTablet('TK-reader', { baseUrl: server.baseUrl }, store.enrollmentCode);
    expect(await reader.engine.syncNow()).toMatchObject({ complete: true });
    const pulled = await reader.db.jobs.get(jobId);
    const stolenClientId = Object.values(pulled?.signatures ?? {})[0]?.deviceId;
    expect(stolenClientId).toBe((await getDevice(real.db)).clientId);

    for (const secret of [undefined, 'A'.repeat(43)]) {
      const attempt = await enrollAs(stolenClientId!, secret);
      expect(attempt.status).toBe(403);
      expect(JSON.parse(attempt.text)).toEqual({ error: 'reenrollment_refused', message: expect.stringMatching(/administrator/) });
    }
    // The real tablet keeps its place and its token.
    await commitMutation(real.db, jobId, { op: 'job.update', payload: { card: { customerRequest: '异响检查' } } });
    expect(await real.engine.syncNow()).toMatchObject({ complete: true, outboxLeft: 0 });
    // And it may enroll again itself (its token lost, say): it has its secret.
    const before = await getDevice(real.db);
    await enrollTablet(real.db, { code: store.enrollmentCode, deviceName: 'TK-real' }, { baseUrl: server.baseUrl });
    const after = await getDevice(real.db);
    expect(after.enrollment?.deviceId).toBe(before.enrollment?.deviceId);
    expect(after.deviceCode).toBe(before.deviceCode);
    expect(after.enrollment?.deviceToken).not.toBe(before.enrollment?.deviceToken);
    expect(await real.engine.syncNow()).toMatchObject({ complete: true });
  });

  it('keeps and shows a change whose acknowledged seq belongs to a different mutation', async () => {
    const device = await getDevice(real.db);
    const lastSeq = device.lastSeq;
    // An approval given to the wrong device: it enrolls as the real tablet and pushes seq N+1.
    const storage = server.data.storage;
    const approve = () => storage.allowReenrollment(store.storeId, device.enrollment!.deviceId, new Date(Date.now() + 60_000).toISOString());
    expect(await approve()).toBe(true);
    const impostor = await enrollAs(device.clientId, 'B'.repeat(43));
    expect(impostor.status).toBe(200);
    const impostorToken = (JSON.parse(impostor.text) as { deviceToken: string }).deviceToken;
    const impostorChange: Mutation = {
      mutationId: uuidv7(),
      clientId: device.clientId,
      seq: lastSeq + 1,
      jobId,
      createdAt: new Date().toISOString(),
      op: 'job.update',
      payload: { card: { customerRequest: '冒名的修改' } },
    } as Mutation;
    const pushed = await server.send({
      method: 'POST',
      path: '/api/v1/push',
      headers: { ...apiHeaders(impostorToken), 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [impostorChange] }),
    });
    expect(pushed.status).toBe(200);
    expect(JSON.parse(pushed.text)).toMatchObject({ lastSeq: lastSeq + 1 });

    // Meanwhile the real tablet, offline, made its own change under that same seq.
    await commitMutation(real.db, jobId, { op: 'job.update', payload: { card: { customerRequest: '真正的修改' } } });
    expect((await real.db.outbox.toArray()).map((m) => m.seq)).toEqual([lastSeq + 1]);
    expect(await real.engine.syncNow()).toMatchObject({ complete: false, outboxLeft: 1 });
    expect(real.engine.status.get().problem?.kind).toBe('revoked');

    // The administrator lets the real tablet back in; its push of seq N+1 is not swallowed.
    expect(await approve()).toBe(true);
    await enrollTablet(real.db, { code: store.enrollmentCode, deviceName: 'TK-real' }, { baseUrl: server.baseUrl });
    expect(await real.engine.syncNow()).toMatchObject({ complete: false, outboxLeft: 1 });
    expect(real.engine.status.get().problem?.kind).toBe('seq-conflict');
    const kept = await real.db.outbox.toArray();
    expect(kept.map((m) => m.seq)).toEqual([lastSeq + 1]);
    expect((await real.db.jobs.get(jobId))?.card.customerRequest).toBe('真正的修改');
    // The server applied nothing of it, and says why every time it is sent again.
    expect((await storage.getJob(store.storeId, jobId))?.card.customerRequest).toBe('冒名的修改');
    const again = await server.send({
      method: 'POST',
      path: '/api/v1/push',
      headers: { ...apiHeaders((await getDevice(real.db)).enrollment!.deviceToken), 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: kept }),
    });
    expect(again.status).toBe(409);
    expect(JSON.parse(again.text)).toEqual({ error: 'seq_conflict', message: expect.stringMatching(/kept on the tablet/) });
    // A true retry of an acknowledged seq is still a silent duplicate.
    const retry = await server.send({
      method: 'POST',
      path: '/api/v1/push',
      headers: { ...apiHeaders((await getDevice(real.db)).enrollment!.deviceToken), 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [impostorChange] }),
    });
    expect(retry.status).toBe(200);
    expect(JSON.parse(retry.text)).toMatchObject({ lastSeq: lastSeq + 1, rejected: [] });
  });
});
