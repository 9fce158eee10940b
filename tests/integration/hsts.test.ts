// Strict-Transport-Security goes with every response when the server serves HTTPS itself
// (TLS_KEY_FILE and TLS_CERT_FILE, read by the real src/server/main.ts in a child process,
// with a self-signed certificate made here by openssl), and never over plain HTTP.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/server-process.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const HSTS = 'strict-transport-security';
const repoRoot = resolve(import.meta.dirname, '../..');

let dir: string;
let cert: Buffer;
let port: number;
let child: ChildProcess;
let plain: TestServer;

function httpsGet(path: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', ca: cert, servername: 'localhost' }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Resolves once the server prints the HTTPS address it serves; fails if it exits first. */
function started(server: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((done, fail) => {
    const listen = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(`Walkaround: open https://`)) done();
    };
    server.stdout?.on('data', listen);
    server.stderr?.on('data', listen);
    server.once('exit', (code) => fail(new Error(`the server exited (${code}) before serving HTTPS:\n${output}`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'hsts-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
  cert = readFileSync(certFile);
  port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), TLS_KEY_FILE: keyFile, TLS_CERT_FILE: certFile, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await started(child);
  plain = await startTestServer('hsts-plain');
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  await plain?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Strict-Transport-Security', () => {
  it('is sent with every response of a server that serves HTTPS', async () => {
    for (const path of ['/api/v1/health', '/api/v1/no-such-route', '/missing-file.js', '/jobs/123']) {
      const reply = await httpsGet(path);
      expect({ path, hsts: reply.headers[HSTS] }).toEqual({ path, hsts: 'max-age=31536000' });
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('is never sent over plain HTTP', async () => {
    for (const path of ['/api/v1/health', '/api/v1/no-such-route', '/missing-file.js']) {
      const reply = await plain.send({ method: 'GET', path });
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect({ path, hsts: reply.headers[HSTS] }).toEqual({ path, hsts: undefined });
    }
  });
});
