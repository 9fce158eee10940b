// One tablet for a browser test: the built app served by the real server, and Chromium on a
// persistent profile with its first page watched for errors. The suites open and close it
// here, so none forgets to close the browser, the server or the profile folder.
import type { BrowserContext, Page } from 'playwright-core';
import { launchTablet, startServer, watchErrors, type AppServer } from './browser.ts';

export type TabletSession = { server: AppServer; url: string; context: BrowserContext; page: Page; errors: string[] };

/** Starts a server (options as startServer's) and opens Chromium on `profileDir` against it. */
export async function openTablet(profileDir: string, serverOptions?: Parameters<typeof startServer>[0]): Promise<TabletSession> {
  const server = await startServer(serverOptions);
  const context = await launchTablet(profileDir);
  const page = await firstPage(context);
  return { server, url: server.url, context, page, errors: watchErrors(page) };
}

/** The page a persistent context opens with, or a new one if it opened none. */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/**
 * Closes what was opened, in an afterAll: either part may be missing (a beforeAll that failed
 * half-way) and the server may already be closed (a test that took the network away).
 */
export async function closeTablet(opened: { context?: BrowserContext; server?: AppServer }, profile: { remove: () => void }): Promise<void> {
  await opened.context?.close();
  await opened.server?.close().catch(() => undefined);
  profile.remove();
}
