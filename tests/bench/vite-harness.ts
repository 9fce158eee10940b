// A Vite dev server for the benchmark's harness pages (harness.html, photo-harness.html): it
// serves the repo's own source to a page in real Chromium, with no app config and no plugins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { defer } from './cleanup.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts the server (registered with cleanup.ts) and returns the page's URL and a closer.
 * `page` is the harness page's path from the repo root, e.g. 'tests/bench/harness.html'.
 */
export async function startHarnessServer(page: string): Promise<{ url: string; close: () => Promise<void> }> {
  // Its own dependency cache in a temp folder: others may run `vite` on this checkout at the
  // same time, and node_modules/.vite is theirs. No watcher, no HMR: edits made elsewhere
  // while the benchmark runs must not reload the page under it.
  const cacheDir = mkdtempSync(join(tmpdir(), 'walkaround-bench-vite-'));
  const removeCache = defer(`vite cache ${cacheDir}`, () => rmSync(cacheDir, { recursive: true, force: true }));
  const vite = await createServer({
    configFile: false,
    root: repoRoot,
    cacheDir,
    logLevel: 'warn',
    clearScreen: false,
    publicDir: false,
    appType: 'mpa',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { entries: [page], include: ['dexie', 'uuid', 'zod'] },
  });
  const closeVite = defer('vite dev server', () => vite.close());
  const close = async () => {
    await closeVite();
    await removeCache();
  };
  try {
    await vite.listen();
    const address = vite.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('vite dev server has no port');
    return { url: `http://127.0.0.1:${address.port}/${page}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
