// One-off: the README's pictures of the store console. Starts the server on a temporary data
// folder with a store of 3,000 generated cards (the console bench's generator) and two bookings,
// signs in as its administrator in Debian's Chromium, and saves the reports page and the 预约
// page to .readme/. Run after `npx vite build`: npx tsx .tools/console-screenshots.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addAdvisor, createStore } from '../src/server/admin/store-admin.ts';
import { buildApp } from '../src/server/app.ts';
import { openDataDir } from '../src/server/data-dir.ts';
import { nowIso } from '../src/shared/local-time.ts';
import { consoleCards } from '../tests/bench/console-cards.ts';
import { signInConsole } from '../tests/support/console-client.ts';
import { launchDesk, openConsole } from '../tests/e2e/support/console-browser.ts';

const OUT = resolve(import.meta.dirname, '../.readme');
const dir = mkdtempSync(join(tmpdir(), 'console-shots-'));
const data = await openDataDir(dir, {});
const app = await buildApp({ logger: false, storage: data.storage, blobs: data.blobs });
try {
  const { storage } = data;
  const store = await createStore(storage, 'SZ01', '深圳福田 4S 店');
  await addAdvisor(storage, store, { username: 'boss', name: '周店长', role: 'admin', password: 'boss-password-1' });
  const advisorIds: string[] = [];
  for (const [i, name] of ['王芳', '李强', '张伟', '刘洋'].entries()) advisorIds.push((await addAdvisor(storage, store, { username: `adv${i}`, name, role: 'advisor', password: `advisor-password-${i}` })).advisor.id);
  const jobs = [...consoleCards({ storeCode: store.code, advisorIds, count: 3000, now: Date.now(), seed: 7 })];
  const [result] = await storage.records.writeEach([{ storeId: store.id, work: (tx) => tx.writePush({ clientId: crypto.randomUUID(), lastSeq: jobs.length, log: [], jobs }) }]);
  if (!result || 'error' in result) throw new Error('the cards were not written');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  const boss = { store: store.code, username: 'boss', password: 'boss-password-1' };
  const client = await signInConsole(url, boss);
  const inHours = (h: number) => nowIso(new Date(Date.now() + h * 3_600_000));
  await client.request('POST', '/api/v1/console/appointments', { customerName: '陈先生', customerPhone: '13912345678', plate: '粤B7K2Q9', at: inHours(1), serviceType: 'maintenance', note: '两万公里保养' });
  await client.request('POST', '/api/v1/console/appointments', { customerName: '黄女士', customerPhone: '13800001111', plate: '', at: inHours(3), serviceType: 'repair', note: '空调不凉' });
  const browser = await launchDesk();
  try {
    const page = await openConsole(browser, url, boss, '/console/reports');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.waitForTimeout(4000);
    await page.screenshot({ path: join(OUT, 'console-reports.png') });
    // The damage heat map: the year's marks on the tablets' own outlines.
    await page.getByRole('button', { name: '今年' }).click();
    await page.waitForTimeout(3000);
    const heat = page.locator('section', { has: page.getByRole('heading', { name: '损伤热力图' }) }).first();
    await heat.scrollIntoViewIfNeeded();
    await heat.screenshot({ path: join(OUT, 'console-damage-map.png') });
    await page.goto(`${url}/console/appointments`);
    await page.getByRole('region', { name: '当天预约' }).locator('tbody tr').first().waitFor();
    await page.screenshot({ path: join(OUT, 'console-appointments.png') });
  } finally {
    await browser.close();
  }
} finally {
  await app.close();
  await data.close();
  rmSync(dir, { recursive: true, force: true });
}
