// Two deployable versions of the built app for update tests, made from one snapshot of dist/
// (so a rebuild running elsewhere cannot change them mid-test). Each version's index.html
// carries <meta name="walkaround-build" content="v1|v2">, its precache revision in sw.js is
// the file's new MD5 (as workbox-build computes it), and sw.js ends with a comment naming the
// build: the two workers differ byte for byte, as after a real deploy, and the page can tell
// from its own shell which version served it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultStaticDir } from '../../../src/server/app.ts';

export const BUILD_META = 'walkaround-build';

export type AppVersions = { v1: string; v2: string; remove: () => void };

function markBuild(dir: string, build: string): void {
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  if (!html.includes('<head>')) throw new Error(`${indexPath} has no <head>`);
  const marked = html.replace('<head>', `<head>\n    <meta name="${BUILD_META}" content="${build}" />`);
  writeFileSync(indexPath, marked);

  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const entry = /\{"revision":"[0-9a-f]+","url":"index\.html"\}/g;
  const found = sw.match(entry) ?? [];
  if (found.length !== 1) throw new Error(`expected one precache entry for index.html in ${swPath}, found ${found.length}`);
  const revision = createHash('md5').update(marked).digest('hex');
  const rewritten = sw.replace(entry, `{"revision":"${revision}","url":"index.html"}`);
  writeFileSync(swPath, `${rewritten}\n// ${BUILD_META} ${build}\n`);
}

/** Copies the built app (E2E_DIST, else dist/, unless told otherwise) into two marked versions under the temp dir. */
export function prepareAppVersions(builtDir: string = process.env.E2E_DIST ?? defaultStaticDir): AppVersions {
  if (!existsSync(join(builtDir, 'sw.js')) || !existsSync(join(builtDir, 'index.html'))) {
    throw new Error(`${builtDir} holds no built app: run \`npx vite build\` first`);
  }
  const root = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'walkaround-versions-'));
  const snapshot = join(root, 'snapshot');
  cpSync(builtDir, snapshot, { recursive: true });
  const versions = { v1: join(root, 'v1'), v2: join(root, 'v2') };
  for (const [build, dir] of Object.entries(versions)) {
    cpSync(snapshot, dir, { recursive: true });
    markBuild(dir, build);
  }
  return { ...versions, remove: () => rmSync(root, { recursive: true, force: true }) };
}
