// Initial JavaScript of the first route, gzipped: the entry module of dist/index.html plus
// every modulepreload link (all of it is fetched and parsed before the first render), so the
// budget catches a dependency that sneaks into the start screen. Lazy chunks are listed apart.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const GZIP_LEVEL = 9;

export type AssetSize = { file: string; bytes: number; gzipBytes: number };

export type BundleSizes = {
  gzipLevel: number;
  /** Entry script and modulepreloads, in the order index.html lists them. */
  initial: AssetSize[];
  initialGzipBytes: number;
  /** Those of them that hold zod: none should (its schemas took ~1 s of a throttled start). */
  initialWithZod: string[];
  /** Other JS chunks in dist/assets, loaded on demand (e.g. the check-in form). */
  lazy: AssetSize[];
  lazyGzipBytes: number;
  /** CSS linked from index.html, for information (it blocks render but is not JS). */
  css: AssetSize[];
  /** The service worker script: installed in the background, never on the first render. */
  serviceWorker: AssetSize | null;
};

type Tag = { name: string; attrs: Map<string, string> };

/** The <script> and <link> start tags of an HTML document, with their attributes. */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = new Map<string, string>();
    for (const attr of (match[2] ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      const key = attr[1];
      if (key) attrs.set(key.toLowerCase(), attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), attrs });
  }
  return tags;
}

function sizeOf(distDir: string, file: string): AssetSize {
  const bytes = readFileSync(join(distDir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: GZIP_LEVEL }).length };
}

/** Turns "/assets/x.js" (or "./assets/x.js") into a path inside dist/, refusing anything else. */
function localPath(distDir: string, url: string): string {
  if (/^[a-z]+:|^\/\//i.test(url)) throw new Error(`index.html loads ${url} from another origin`);
  const path = resolve(distDir, `.${url.startsWith('/') ? url : `/${url}`}`);
  const rel = relative(distDir, path);
  if (rel.startsWith('..')) throw new Error(`index.html points outside dist/: ${url}`);
  if (!existsSync(path)) throw new Error(`index.html loads ${url}, which is not in dist/`);
  return rel;
}

// A string of zod's own code that survives minification (its error class's name).
const ZOD_MARKER = 'ZodError';

/** The scripts an HTML page of dist/ fetches before its first render (entry and modulepreloads), and its CSS. */
function pageAssets(distDir: string, htmlFile: string): { initialFiles: string[]; cssFiles: string[] } {
  const indexPath = join(distDir, htmlFile);
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: run \`npx vite build\` first`);
  const tags = startTags(readFileSync(indexPath, 'utf8'));

  const initialFiles: string[] = [];
  const cssFiles: string[] = [];
  for (const { name, attrs } of tags) {
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (name === 'script' && attrs.get('type') === 'module' && attrs.get('src')) initialFiles.push(localPath(distDir, attrs.get('src') ?? ''));
    else if (name === 'link' && rel.includes('modulepreload') && attrs.get('href')) initialFiles.push(localPath(distDir, attrs.get('href') ?? ''));
    else if (name === 'link' && rel.includes('stylesheet') && attrs.get('href')) cssFiles.push(localPath(distDir, attrs.get('href') ?? ''));
  }
  if (!tags.some(({ name, attrs }) => name === 'script' && attrs.get('type') === 'module')) {
    throw new Error(`dist/${htmlFile} has no <script type="module" src>: is it a Vite build?`);
  }
  return { initialFiles, cssFiles };
}

export function measureBundle(distDir: string): BundleSizes {
  const { initialFiles, cssFiles } = pageAssets(distDir, 'index.html');
  const initial = [...new Set(initialFiles)].map((file) => sizeOf(distDir, file));

  const assetsDir = join(distDir, 'assets');
  const allJs = existsSync(assetsDir)
    ? readdirSync(assetsDir)
        .filter((f) => f.endsWith('.js') && statSync(join(assetsDir, f)).isFile())
        .map((f) => join('assets', f))
    : [];
  // The store console's own chunks (console-*) are the console's, never the tablet's: measureConsole.
  const lazy = allJs.filter((f) => !initialFiles.includes(f) && !f.startsWith(join('assets', 'console-'))).map((file) => sizeOf(distDir, file));
  const sw = existsSync(join(distDir, 'sw.js')) ? sizeOf(distDir, 'sw.js') : null;

  const sum = (list: AssetSize[]) => list.reduce((total, a) => total + a.gzipBytes, 0);
  return {
    gzipLevel: GZIP_LEVEL,
    initial,
    initialGzipBytes: sum(initial),
    initialWithZod: initial.filter((a) => readFileSync(join(distDir, a.file), 'utf8').includes(ZOD_MARKER)).map((a) => a.file),
    lazy,
    lazyGzipBytes: sum(lazy),
    css: [...new Set(cssFiles)].map((file) => sizeOf(distDir, file)),
    serviceWorker: sw,
  };
}

/** A chunk and every chunk it imports statically (import "./x.js" / from "./x.js"), as paths in dist/. */
function withStaticImports(distDir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(distDir, file), 'utf8');
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) {
    withStaticImports(distDir, join('assets', match[1]?.slice(2) ?? ''), seen);
  }
  return seen;
}

export type ConsoleSizes = {
  /** console.html's entry and modulepreloads: the sign-in page. */
  initial: AssetSize[];
  initialGzipBytes: number;
  /** What the reports page (the console's first area) adds before its charts: its chunk and its static imports. */
  reportsPage: AssetSize[];
  /** Sign-in page plus the reports page, charts and spreadsheets not counted (they load with import()). */
  firstPageGzipBytes: number;
};

/** The store console's first page, gzipped: console.html's scripts, then the reports page it opens on. */
export function measureConsole(distDir: string): ConsoleSizes {
  const { initialFiles } = pageAssets(distDir, 'console.html');
  const initial = [...new Set(initialFiles)].map((file) => sizeOf(distDir, file));
  const reportsChunk = readdirSync(join(distDir, 'assets')).find((f) => /^(console-)?ReportsPage-.*\.js$/.test(f));
  if (!reportsChunk) throw new Error('no ReportsPage chunk in dist/assets');
  const reportsFiles = [...withStaticImports(distDir, join('assets', reportsChunk))].filter((file) => !initialFiles.includes(file));
  const reportsPage = reportsFiles.map((file) => sizeOf(distDir, file));
  const sum = (list: AssetSize[]) => list.reduce((total, a) => total + a.gzipBytes, 0);
  return { initial, initialGzipBytes: sum(initial), reportsPage, firstPageGzipBytes: sum(initial) + sum(reportsPage) };
}
