// Signing in to the store console over real HTTP (real SQLite): the cookie's attributes, the
// session's end (sign-out, expiry), the CSRF token on changes, the same refusal for a wrong
// store, name or password, and the failure limit. The per-route checks of roles and stores
// are in the authorization matrix.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { addAdvisor } from '../../src/server/admin/store-admin.ts';
import { tokenHash } from '../../src/server/auth/tokens.ts';
import { CONSOLE_COOKIE } from '../../src/server/console/console-session.ts';
import { consoleRequest, signInConsole } from '../support/console-client.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { apiHeaders, enrollDevice, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let store: TestStore;
const ADMIN = { username: 'boss', password: 'boss-password-1' };

beforeAll(async () => {
  server = await startTestServer('console-session');
  store = await seedTestStore(server.data.storage, 'CS1');
  const summary = await server.data.storage.getStore(store.storeId);
  if (!summary) throw new Error('no store');
  await addAdvisor(server.data.storage, summary, { ...ADMIN, name: '店长', role: 'admin' });
});
afterAll(() => server.close());

const credentials = () => ({ store: store.code, ...ADMIN });

describe('console sign-in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie with an expiry, not Secure over plain HTTP, and returns the CSRF token', async () => {
    const reply = await consoleRequest(server.baseUrl, 'POST', '/api/v1/console/sign-in', { ...credentials(), store: store.code.toLowerCase() });
    expect(reply.status).toBe(200);
    const cookie = reply.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${CONSOLE_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Max-Age=43200');
    expect(cookie).not.toContain('Secure');
    const body = reply.json as { advisor: { role: string; username: string }; store: { code: string }; csrfToken: string };
    expect(body.advisor).toMatchObject({ role: 'admin', username: 'boss' });
    expect(body.store.code).toBe(store.code);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is Secure when the server serves HTTPS itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
      const cert = readFileSync(join(dir, 'cert.pem'));
      const app = await buildApp({ logger: false, staticDir: dir, storage: server.data.storage, blobs: server.data.blobs, https: { key: readFileSync(join(dir, 'key.pem')), cert } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const address = app.server.address();
        if (!address || typeof address === 'string') throw new Error('no port');
        const cookie = await new Promise<string>((done, fail) => {
          const body = JSON.stringify(credentials());
          const req = httpsRequest(
            { host: '127.0.0.1', port: address.port, path: '/api/v1/console/sign-in', method: 'POST', ca: cert, servername: 'localhost', headers: { 'content-type': 'application/json' } },
            (res) => {
              res.resume();
              res.on('end', () => done(String(res.headers['set-cookie'] ?? '')));
            },
          );
          req.on('error', fail);
          req.end(body);
        });
        expect(cookie).toContain('HttpOnly');
        expect(cookie).toContain('; Secure');
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a wrong password, an unknown name and an unknown store alike, with what to do', async () => {
    const answers = await Promise.all([
      consoleRequest(server.baseUrl, 'POST', '/api/v1/console/sign-in', { ...credentials(), password: 'wrong-password' }),
      consoleRequest(server.baseUrl, 'POST', '/api/v1/console/sign-in', { ...credentials(), username: 'nobody' }),
      consoleRequest(server.baseUrl, 'POST', '/api/v1/console/sign-in', { ...credentials(), store: 'ZZ99' }),
    ]);
    for (const reply of answers) {
      expect(reply.status).toBe(401);
      expect(reply.json).toEqual({ error: 'sign_in_failed', message: expect.stringContaining('store administrator') });
      expect(reply.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses a form post (not JSON) and a body with unknown fields', async () => {
    const form = await fetch(`${server.baseUrl}/api/v1/console/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `store=${store.code}&username=boss&password=${ADMIN.password}`,
    });
    expect(form.status).toBe(415);
    const extra = await consoleRequest(server.baseUrl, 'POST', '/api/v1/console/sign-in', { ...credentials(), admin: true });
    expect(extra.status).toBe(400);
  });

  it('slows guessing: after five wrong passwords for a name even the right one waits', async () => {
    const summary = await server.data.storage.getStore(store.storeId);
    if (!summary) throw new Error('no store');
    await addAdvisor(server.data.storage, summary, { username: 'guessed', name: '被猜', role: 'advisor', password: 'guessed-password-1' });
    const attempt = (password: string) => consoleRequest(server.baseUrl, 'POST', '/api/v1/console/sign-in', { store: store.code, username: 'guessed', password });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    const limited = await attempt('guessed-password-1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another name on the same address still signs in (the address allows many more).
    expect((await consoleRequest(server.baseUrl, 'POST', '/api/v1/console/sign-in', credentials())).status).toBe(200);
  });
});

describe('console session', () => {
  it('is read back with the cookie, and without it the console is closed', async () => {
    const client = await signInConsole(server.baseUrl, credentials());
    const session = await client.request('GET', '/api/v1/console/session');
    expect(session.status).toBe(200);
    expect(session.json).toMatchObject({ advisor: { username: 'boss' }, csrfToken: client.csrfToken });
    const none = await consoleRequest(server.baseUrl, 'GET', '/api/v1/console/session');
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ error: 'console_signed_out' });
    const forged = await consoleRequest(server.baseUrl, 'GET', '/api/v1/console/session', undefined, { cookie: `${CONSOLE_COOKIE}=${'x'.repeat(43)}` });
    expect(forged.status).toBe(401);
  });

  it('needs the CSRF token for a change: signing out without it changes nothing', async () => {
    const client = await signInConsole(server.baseUrl, credentials());
    const without = await client.request('POST', '/api/v1/console/sign-out', undefined, { csrf: false });
    expect(without.status).toBe(403);
    expect(without.json).toMatchObject({ error: 'csrf' });
    const wrong = await client.request('POST', '/api/v1/console/sign-out', undefined, { csrf: false, headers: { 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.status).toBe(403);
    expect((await client.request('GET', '/api/v1/console/session')).status).toBe(200);

    const out = await client.request('POST', '/api/v1/console/sign-out');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    // The old cookie signs nobody in any more, even if the browser kept it.
    expect((await client.request('GET', '/api/v1/console/session')).status).toBe(401);
  });

  it('ends when it expires', async () => {
    const token = 'e'.repeat(43);
    const boss = await server.data.storage.findAdvisorByUsername(store.storeId, 'boss');
    if (!boss) throw new Error('no boss');
    const create = (expiresAt: string) =>
      server.data.storage.createConsoleSession({ tokenHash: tokenHash(token), storeId: store.storeId, advisorId: boss.id, csrfToken: 'c', createdAt: new Date(Date.now() - 13 * 3_600_000).toISOString(), expiresAt });
    await create(new Date(Date.now() - 1000).toISOString());
    const reply = await consoleRequest(server.baseUrl, 'GET', '/api/v1/console/session', undefined, { cookie: `${CONSOLE_COOKIE}=${token}` });
    expect(reply.status).toBe(401);
    await server.data.storage.endConsoleSession(tokenHash(token));
    await create(new Date(Date.now() + 60_000).toISOString());
    const live = await consoleRequest(server.baseUrl, 'GET', '/api/v1/console/session', undefined, { cookie: `${CONSOLE_COOKIE}=${token}` });
    expect(live.status).toBe(200);
  });

  it('opens no tablet route with a console cookie, and no console route with a tablet token', async () => {
    const client = await signInConsole(server.baseUrl, credentials());
    const tabletRoute = await client.request('GET', '/api/v1/store/profile', undefined, { headers: apiHeaders() });
    expect(tabletRoute.status).toBe(401);
    expect(tabletRoute.json).toMatchObject({ error: 'unauthenticated' });
    const tablet = await enrollDevice(server, store.enrollmentCode, 'Desk tablet');
    const consoleRoute = await consoleRequest(server.baseUrl, 'GET', '/api/v1/console/session', undefined, apiHeaders(tablet.token));
    expect(consoleRoute.status).toBe(401);
    expect(consoleRoute.json).toMatchObject({ error: 'console_signed_out' });
  });
});
