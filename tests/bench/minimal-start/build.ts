// Builds the minimal page (main.tsx) with Vite into <staticDir>/minimal/, beside a copy of the
// app's build, so the app's own server serves both from one origin. Its service worker
// precaches the page's files at install and answers from that cache, as the app's does.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { defer } from '../cleanup.ts';

export const MINIMAL_PATH = '/minimal/';

function serviceWorker(files: string[]): string {
  return `// Minimal page's service worker: precache at install, cache first, navigations get the page.
const CACHE = 'minimal-start';
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const key = event.request.mode === 'navigate' ? '${MINIMAL_PATH}index.html' : new URL(event.request.url).pathname;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key)).then((hit) => hit || fetch(event.request)));
});
`;
}

/** A temp folder holding the app's build and the minimal page under /minimal/ (removed at cleanup). */
export async function buildStaticDirWithMinimalPage(appBuildDir: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'walkaround-tti-static-'));
  defer(`static folder ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  cpSync(appBuildDir, dir, { recursive: true });
  const outDir = join(dir, 'minimal');
  // Its own cache folder: node_modules/.vite belongs to whoever else runs Vite on this checkout.
  const cacheDir = mkdtempSync(join(tmpdir(), 'walkaround-minimal-vite-'));
  try {
    await build({
      configFile: false,
      root: fileURLToPath(new URL('.', import.meta.url)),
      base: MINIMAL_PATH,
      cacheDir,
      logLevel: 'warn',
      publicDir: false,
      plugins: [react()],
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const assets = readdirSync(join(outDir, 'assets')).map((f) => `${MINIMAL_PATH}assets/${f}`);
  writeFileSync(join(outDir, 'sw.js'), serviceWorker([`${MINIMAL_PATH}index.html`, ...assets]));
  return dir;
}
