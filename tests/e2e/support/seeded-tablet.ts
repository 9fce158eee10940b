// A tablet that already holds a checked-in card (seed-checked-in-card.ts): the app served,
// cached by its service worker, the card written into IndexedDB, then offline. For browser
// tests that start at a returning car.
import type { BrowserContext, Page } from 'playwright-core';
import { launchTablet, startServer, waitForServiceWorker, watchErrors, type AppServer } from './browser.ts';
import { writeSeededCard, type SeededCard } from './seed-checked-in-card.ts';

export type SeededTablet = { server: AppServer; context: BrowserContext; page: Page; errors: string[]; close: () => Promise<void> };

export async function openSeededTablet(profileDir: string, seeded: SeededCard): Promise<SeededTablet> {
  const server = await startServer();
  const context = await launchTablet(profileDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await page.getByRole('button', { name: /新建接车单/ }).waitFor();
  await writeSeededCard(page, seeded);
  await context.setOffline(true);
  const close = async () => {
    await context.close();
    await server.close().catch(() => undefined);
  };
  return { server, context, page, errors, close };
}
