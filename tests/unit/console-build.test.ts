// The built app (dist/, made by `npm test` before the tests run): the store console is a page of
// its own that the tablets never download. Every file that only console.html reaches is left out
// of the service worker's precache, and the tablet's first route reaches none of them; the
// console's heavy libraries (charts, spreadsheets, QR codes) are not on the console's first page
// either. Reachability is read from the files themselves: the pages' script and preload tags, and
// every "./x.js" or "assets/x.js" a chunk names (its imports and its preload lists).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStaticDir } from '../../src/server/app.ts';

const DIST = process.env.E2E_DIST ?? defaultStaticDir;
const REFERENCE = /(?:\.\/|\/?assets\/)([\w.-]+\.(?:js|css))/g;

function referenced(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((match) => `assets/${match[1]}`);
}

/** The files a page loads, at once or later: its tags' files and everything they name, transitively. */
function reachable(page: string, firstOnly = false): Set<string> {
  const html = readFileSync(join(DIST, page), 'utf8');
  const tags = [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="\/?(assets\/[^"]+)"/g)].map((match) => match[1]!);
  const seen = new Set<string>(tags);
  if (firstOnly) return seen;
  const queue = [...tags];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (!file.endsWith('.js')) continue;
    for (const next of referenced(readFileSync(join(DIST, file), 'utf8'))) {
      if (!seen.has(next) && existsSync(join(DIST, next))) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function precached(): string[] {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
}

const HEAVY = /echarts|zrender|exceljs|uqr/i;

describe('the built store console', () => {
  it('exists beside the tablet app (run `npx vite build` first)', () => {
    expect(existsSync(join(DIST, 'console.html')), `${DIST}/console.html: build the app first`).toBe(true);
    expect(existsSync(join(DIST, 'sw.js'))).toBe(true);
  });

  it("puts nothing only the console loads into the tablet's precache", () => {
    const tablet = reachable('index.html');
    const consoleOnly = [...reachable('console.html')].filter((file) => !tablet.has(file));
    expect(consoleOnly.length).toBeGreaterThan(3);
    const cached = new Set(precached());
    expect(cached.size).toBeGreaterThan(20);
    expect(consoleOnly.filter((file) => cached.has(file))).toEqual([]);
    expect([...cached].filter((url) => url.includes('console'))).toEqual([]);
  });

  it("keeps the console's libraries off the tablet entirely, and off the console's own first page", () => {
    const tablet = [...reachable('index.html')];
    const heavyOf = (files: string[]) => files.filter((file) => file.endsWith('.js') && HEAVY.test(readFileSync(join(DIST, file), 'utf8').slice(0, 200_000)));
    expect(heavyOf(tablet)).toEqual([]);
    // They are reachable from the console (loaded with the page that uses them)…
    expect(heavyOf([...reachable('console.html')]).length).toBeGreaterThan(0);
    // …but not among the files its first page loads.
    expect(heavyOf([...reachable('console.html', true)])).toEqual([]);
  });
});
