// Wrong enrollment codes slow their address down, but a valid code is never refused because
// of failures from its address (a store's tablets share one behind its router). Real HTTP on
// loopback; each client address is a different 127.0.0.x source address, as the server sees it.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnrollmentGuardOptions } from '../../src/server/auth/enrollment-guard.ts';
import { seedTestStore } from '../support/store-fixture.ts';
import { apiHeaders, startTestServer, type TestServer } from '../support/test-server.ts';

type Server = TestServer & { validCode: string };
type Reply = { status: number; error: string; retryAfter: string | undefined; ms: number };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startServer(enrollmentGuard: Partial<EnrollmentGuardOptions>): Promise<Server> {
  const server = await startTestServer('enrollment-guard', { enrollmentGuard });
  const store = await seedTestStore(server.data.storage, 'T1', 100);
  const ready = Object.assign(server, { validCode: store.enrollmentCode });
  servers.push(ready);
  return ready;
}

let wrongCodes = 0;
/** A code of the right shape that no store issued; a different one each time, as a guesser sends. */
function wrongCode(): string {
  wrongCodes += 1;
  return `WRQNG${'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[wrongCodes % 32]}${'23456789'[wrongCodes % 8]}Z`;
}

/** Enrolls from the given loopback source address. */
async function enroll(server: Server, from: string, code: string): Promise<Reply> {
  const started = performance.now();
  const reply = await server.send({
    method: 'POST',
    path: '/api/v1/auth/enroll',
    localAddress: from,
    headers: { ...apiHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId: uuidv7(), deviceName: 'Tablet' }),
  });
  const retryAfter = reply.headers['retry-after'];
  const { error = '' } = JSON.parse(reply.text) as { error?: string };
  return { status: reply.status, error, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, ms: performance.now() - started };
}

const count = (replies: Reply[], status: number) => replies.filter((reply) => reply.status === status).length;

describe('enrollment guessing', () => {
  it('slows an address after 10 wrong codes but still lets its valid code in', async () => {
    const delayMs = 300;
    const server = await startServer({ delayMs });
    const from = '127.0.0.11';
    const free: Reply[] = [];
    for (let i = 0; i < 10; i += 1) free.push(await enroll(server, from, wrongCode()));
    expect(free.map((reply) => reply.status)).toEqual(Array(10).fill(403));

    // From here on each request waits its turn, and is still looked up and answered.
    for (let i = 0; i < 2; i += 1) {
      const slowed = await enroll(server, from, wrongCode());
      expect(slowed).toMatchObject({ status: 403, error: 'enrollment_refused' });
      expect(slowed.ms).toBeGreaterThanOrEqual(delayMs - 5);
    }
    const valid = await enroll(server, from, server.validCode);
    expect(valid.status).toBe(200);
    expect(valid.ms).toBeGreaterThanOrEqual(delayMs - 5);

    // A success does not wipe the address's failures: a guesser cannot reset them with one code.
    const after = await enroll(server, from, wrongCode());
    expect(after.status).toBe(403);
    expect(after.ms).toBeGreaterThanOrEqual(delayMs - 5);
  }, 30_000);

  it('answers most of a parallel flood from one address with 429 and looks up only a few codes', async () => {
    // The whole flood arrives well within one delay, so how many are looked up is exact.
    const delayMs = 1500;
    const server = await startServer({ delayMs, maxWaiting: 2 });
    const flood = await Promise.all(Array.from({ length: 40 }, () => enroll(server, '127.0.0.12', wrongCode())));

    // 10 free lookups, then the 2 that may wait; the rest never had their code looked at.
    expect(count(flood, 403)).toBe(12);
    expect(count(flood, 429)).toBe(28);
    const refused = flood.find((reply) => reply.status === 429);
    expect(refused).toMatchObject({ error: 'rate_limited' });
    expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
    // The two that waited were taken one after the other, a delay apart.
    const waited = flood.filter((reply) => reply.status === 403).map((reply) => reply.ms).sort((a, b) => a - b);
    expect(waited.at(-2)).toBeGreaterThanOrEqual(delayMs - 5);
    expect(waited.at(-1)).toBeGreaterThanOrEqual(2 * delayMs - 100);
  }, 30_000);

  it('does not slow another address while one floods', async () => {
    const delayMs = 3000;
    const server = await startServer({ delayMs, maxWaiting: 2 });
    const sent = Array.from({ length: 20 }, () => enroll(server, '127.0.0.13', wrongCode()));
    let floodDone = false;
    const flood = Promise.all(sent).then((replies) => {
      floodDone = true;
      return replies;
    });
    // Once the flooding address's lane is full (it gets 429s), enroll from next door.
    await new Promise<void>((full) => sent.forEach((reply) => void reply.then(({ status }) => status === 429 && full())));

    const wrong = await enroll(server, '127.0.0.14', wrongCode());
    const valid = await enroll(server, '127.0.0.14', server.validCode);
    expect(wrong.status).toBe(403);
    expect(valid.status).toBe(200);
    // Answered while the flooding address's requests still wait their turn.
    expect(floodDone).toBe(false);
    expect(valid.ms).toBeLessThan(delayMs);
    expect(count(await flood, 429)).toBeGreaterThan(0);
  }, 30_000);

  it('does not count valid codes against their address', async () => {
    const delayMs = 8000;
    const server = await startServer({ delayMs });
    const replies: Reply[] = [];
    for (let i = 0; i < 12; i += 1) replies.push(await enroll(server, '127.0.0.15', server.validCode));
    expect(replies.map((reply) => reply.status)).toEqual(Array(12).fill(200));
    expect(Math.max(...replies.map((reply) => reply.ms))).toBeLessThan(delayMs);
  }, 30_000);
});
