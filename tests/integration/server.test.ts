// The HTTP shell of the server over real loopback HTTP: health, the SPA fallback, API 404s,
// cache and security headers. A tiny fixture stands in for dist/ so no build is needed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openFsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { openSqliteStorage } from '../../src/server/storage/sqlite-storage.ts';

const tmpRoot = fileURLToPath(new URL('../../.tmp/', import.meta.url));
const indexHtml = '<!doctype html><html><head><title>fixture shell</title></head></html>';

let staticDir: string;
let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  await mkdir(tmpRoot, { recursive: true });
  staticDir = await mkdtemp(join(tmpRoot, 'server-static-'));
  await mkdir(join(staticDir, 'assets'));
  await writeFile(join(staticDir, 'index.html'), indexHtml);
  await writeFile(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(staticDir, 'manifest.webmanifest'), '{"name":"fixture"}');
  await writeFile(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1);');

  app = await buildApp({ staticDir, logger: false, storage: openSqliteStorage(':memory:'), blobs: openFsBlobStore(join(staticDir, 'blobs')) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app?.close();
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

describe('server', () => {
  it('answers health with version, protocol version, time and the storage it runs on', async () => {
    const response = await fetch(`${baseUrl}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body: unknown = await response.json();
    expect(body).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      protocolVersion: 3,
      time: expect.any(String),
      storage: { records: { kind: 'sqlite', reachable: true }, blobs: { kind: 'filesystem', reachable: true } },
    });
    const { time } = body as { time: string };
    expect(new Date(time).toISOString()).toBe(time);
  });

  it.each(['/', '/jobs/123', '/jobs/123/walkaround'])(
    'serves the app shell for the client route %s',
    async (path) => {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(indexHtml);
    },
  );

  it('answers an unknown API route with a JSON 404, never the shell', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nope'],
      ['POST', '/api/v1/nope'],
      ['GET', '/api'],
    ] as const) {
      const response = await fetch(`${baseUrl}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: 'not_found', message: expect.any(String) });
    }
  });

  it('answers a missing file with a 404, not with HTML', async () => {
    const response = await fetch(`${baseUrl}/assets/index-gone999.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toMatch(/html/);
  });

  it('makes browsers revalidate the worker, shell and manifest', async () => {
    for (const path of ['/sw.js', '/index.html', '/manifest.webmanifest']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const response = await fetch(`${baseUrl}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/api/v1/health', '/jobs/123', '/sw.js', '/api/v1/nope'])(
    'sends security headers on %s',
    async (path) => {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("img-src 'self' blob: data:");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("frame-ancestors 'none'");
    },
  );
});
