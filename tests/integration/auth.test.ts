// Enrollment, sign-in and the protocol handshake over real HTTP: passwords are only stored
// as scrypt hashes, guessing is slowed, an outdated app or server is told which one to update.
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword, verifyPassword } from '../../src/server/auth/passwords.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol.ts';
import { useSeededServer } from '../support/seeded-server.ts';
import type { TestStore } from '../support/store-fixture.ts';

let baseUrl: string;
let store: TestStore;

useSeededServer('auth', (started) => ({ baseUrl, store } = started));

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...headers },
    body: JSON.stringify(body),
  });
}

async function enroll(deviceName: string): Promise<{ token: string; code: string }> {
  const response = await post('/api/v1/auth/enroll', { code: store.enrollmentCode.toLowerCase(), clientId: uuidv7(), deviceName });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { deviceToken: string; device: { code: string }; store: { code: string } };
  expect(body.store.code).toBe('T1');
  return { token: body.deviceToken, code: body.device.code };
}

describe('passwords', () => {
  it('are stored as salted scrypt hashes and verified against them', async () => {
    const hash = await hashPassword('correct-horse-1');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct-horse-1');
    expect(await hashPassword('correct-horse-1')).not.toBe(hash);
    expect(await verifyPassword('correct-horse-1', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-2', hash)).toBe(false);
    expect(await verifyPassword('correct-horse-1', 'md5$abc')).toBe(false);
  }, 60_000);
});

describe('enrollment and sign-in', () => {
  it('gives each tablet its own letter and token; a wrong code is refused kindly', async () => {
    const first = await enroll('平板 1');
    const second = await enroll('平板 2');
    expect([first.code, second.code]).toEqual(['A', 'B']);
    expect(first.token).not.toBe(second.token);

    const refused = await post('/api/v1/auth/enroll', { code: 'ABCDEFGH', clientId: uuidv7(), deviceName: 'x' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'enrollment_refused', message: expect.stringMatching(/administrator/) });
  });

  it('signs an advisor in with the password and slows down guessing', async () => {
    const { token } = await enroll('平板 3');
    const auth = { authorization: `Bearer ${token}` };
    const ok = await post('/api/v1/auth/sign-in', { username: ' Zhang ', password: store.advisor.password }, auth);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ advisor: { id: store.advisor.id, username: 'zhang', name: '张顾问', role: 'advisor' } });

    for (let i = 0; i < 5; i++) {
      const wrong = await post('/api/v1/auth/sign-in', { username: 'zhang', password: `guess-${i}` }, auth);
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { error: string }).error).toBe('sign_in_failed');
    }
    // Even the right password waits now: the guesser learns nothing from it.
    const limited = await post('/api/v1/auth/sign-in', { username: 'zhang', password: store.advisor.password }, auth);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(((await limited.json()) as { message: string }).message).toMatch(/Try again in \d+ minute/);
  }, 60_000);

  it('answers an unknown username like a wrong password, in as much time', async () => {
    // Interleaved, so that the load of a shared machine falls on both sides alike. Each
    // round has its own tablet and name, so no limit is reached (5 per name on a tablet);
    // 2 x ROUNDS failures stay well under the 30 per address.
    const ROUNDS = 7;
    const unknownMs: number[] = [];
    const wrongMs: number[] = [];
    const timed = async (body: { username: string; password: string }, auth: Record<string, string>, into: number[]) => {
      const started = performance.now();
      const response = await post('/api/v1/auth/sign-in', body, auth);
      const answer = (await response.json()) as { error: string; message: string };
      into.push(performance.now() - started);
      expect(response.status).toBe(401);
      return answer;
    };
    for (let round = 0; round < ROUNDS; round++) {
      const { token } = await enroll(`平板 4-${round}`);
      const auth = { authorization: `Bearer ${token}` };
      const unknown = await timed({ username: `nobody-${round}`, password: 'whatever-1' }, auth, unknownMs);
      const wrong = await timed({ username: 'zhang', password: `wrong-${round}` }, auth, wrongMs);
      expect(unknown).toEqual(wrong);
      expect(unknown.error).toBe('sign_in_failed');
    }
    // The unknown name is checked against a dummy scrypt hash: without it the reply comes
    // back in a millisecond or two against scrypt's 50-300 ms. Half is far from both.
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    expect(median(unknownMs)).toBeGreaterThanOrEqual(0.5 * median(wrongMs));
  }, 60_000);
});

describe('protocol handshake', () => {
  it('tells an old app to update and a newer app that the server is old', async () => {
    // Version 2 is the tablet before desk speed (issue 11): no unchosen severity, no 上次记录 link.
    const old = await post('/api/v1/push', { mutations: [] }, { [PROTOCOL_HEADER]: '2' });
    expect(old.status).toBe(426);
    expect(await old.json()).toEqual({ error: 'client_outdated', message: expect.stringMatching(/update the app/) });

    const missing = await fetch(`${baseUrl}/api/v1/pull`);
    expect(missing.status).toBe(426);

    const newer = await post('/api/v1/push', { mutations: [] }, { [PROTOCOL_HEADER]: '4' });
    expect(newer.status).toBe(426);
    expect(await newer.json()).toEqual({ error: 'server_outdated', message: expect.stringMatching(/update the server/) });

    const health = await fetch(`${baseUrl}/api/v1/health`);
    expect(((await health.json()) as { protocolVersion: number }).protocolVersion).toBe(3);
  });
});
