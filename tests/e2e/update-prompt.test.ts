// A new version reaches a tablet that has the app open: it is offered in a banner, "稍后"
// puts it off, and "立即更新" refuses while typed input is unsaved, then switches to the new
// version once the input is stored, without losing it. Version 1 and version 2 are the built
// app with different shell markers and worker bytes, served one after the other on the same
// origin, as a deploy does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/database.ts';
import { BUILD_META, prepareAppVersions, type AppVersions } from './support/app-versions.ts';
import { expectHidden, expectText, expectValue, expectVisible } from './support/expect-ui.ts';
import { newProfileDir, startServer, waitForServiceWorker, type AppServer } from './support/browser.ts';
import { closeTablet, openTablet } from './support/tablet-session.ts';

const NAME = '王芳';
const AVAILABLE = '有新版本可用。';
const BLOCKED = '还有未保存的输入，请先完成当前输入再更新。';

/** What the test can see of the open document and its service workers. */
type PageState = {
  /** The document marked by markDocument() is still the one shown: no reload happened. */
  sameDocument: boolean;
  /** The walkaround-build marker of the shell that was loaded. */
  build: string | null;
  controlled: boolean;
  active: string | null;
  waiting: string | null;
};

describe('a new app version on a tablet with the app open', () => {
  let versions: AppVersions;
  let server: AppServer;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const profile = newProfileDir();

  const banner = () => page.getByRole('region', { name: AVAILABLE });
  const updateNow = () => banner().getByRole('button', { name: '立即更新' });
  const later = () => banner().getByRole('button', { name: '稍后' });
  const nameField = () => page.getByLabel('客户姓名');
  const saveState = (text: string) => page.getByRole('status').filter({ hasText: text });

  const state = (): Promise<PageState> =>
    page.evaluate(async (meta) => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        sameDocument: Reflect.get(window, '__walkaroundDocument') === true,
        build: document.querySelector(`meta[name="${meta}"]`)?.getAttribute('content') ?? null,
        controlled: navigator.serviceWorker.controller !== null,
        active: registration?.active?.state ?? null,
        waiting: registration?.waiting?.state ?? null,
      };
    }, BUILD_META);

  /** Version 1 runs this very document while version 2 is installed and waits. */
  const V1_WITH_V2_WAITING: PageState = { sameDocument: true, build: 'v1', controlled: true, active: 'activated', waiting: 'installed' };

  const markDocument = () => page.evaluate(() => void Reflect.set(window, '__walkaroundDocument', true));

  /**
   * Looks at the page every 100 ms for `ms` and fails on the first look that differs: a reload
   * or a worker swap set off by the last tap would show within this window.
   */
  async function expectSteady(expected: PageState, ms = 1_500) {
    const until = Date.now() + ms;
    do {
      expect(await state()).toEqual(expected);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < until);
  }

  /**
   * Keeps a read transaction on the job store open, so no save can commit until released:
   * what was typed stays unsaved however long the tap after it takes, and the test does not
   * depend on beating the 400 ms typing pause of the autosave.
   */
  async function holdSaves(): Promise<() => Promise<void>> {
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const transaction = db.transaction('jobs', 'readonly');
            const store = transaction.objectStore('jobs');
            Reflect.set(window, '__walkaroundHoldSaves', true);
            const keepAlive = () => {
              if (Reflect.get(window, '__walkaroundHoldSaves') === true) store.count().onsuccess = keepAlive;
            };
            keepAlive();
            transaction.oncomplete = () => db.close();
            resolve();
          };
        }),
      DB_NAME,
    );
    return async () => {
      await page.evaluate(() => void Reflect.set(window, '__walkaroundHoldSaves', false));
    };
  }

  beforeAll(async () => {
    versions = prepareAppVersions();
    ({ server, url, context, page, errors } = await openTablet(profile.dir, { staticDir: versions.v1 }));
  });

  afterAll(async () => {
    await closeTablet({ context, server }, profile);
    versions?.remove();
  });

  it('installs version 1 on the first visit and offers no update', async () => {
    await page.goto(url);
    await expectVisible(page.getByRole('button', { name: /新建接车单/ }));
    await waitForServiceWorker(page);
    await markDocument();
    expect(await state()).toEqual({ sameDocument: true, build: 'v1', controlled: true, active: 'activated', waiting: null });
    expect(await banner().isVisible()).toBe(false);
  });

  it('offers version 2 in a banner once it is deployed and found, without reloading', async () => {
    const { port } = new URL(url);
    await server.close();
    server = await startServer({ staticDir: versions.v2, port: Number(port) });
    expect(server.url).toBe(url);

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    await expectVisible(banner());
    await expectText(banner().getByRole('status'), AVAILABLE);
    await expectVisible(updateNow());
    await expectVisible(later());
    expect(await state()).toEqual(V1_WITH_V2_WAITING);
  });

  it('"稍后" hides the banner and leaves the page and version 1 as they are', async () => {
    await later().tap();
    await expectHidden(banner());
    await expectSteady(V1_WITH_V2_WAITING);
    expect(await banner().isVisible()).toBe(false);
  });

  it('offers the waiting version again when the app is next opened', async () => {
    await page.reload();
    await expectVisible(banner());
    await expectText(banner().getByRole('status'), AVAILABLE);
    await markDocument();
    expect(await state()).toEqual(V1_WITH_V2_WAITING);
  });

  it('refuses "立即更新" while typed input is unsaved, without reloading or losing it', async () => {
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await expectVisible(nameField());
    await expectVisible(saveState('已保存在本机')); // nothing typed yet
    const releaseSaves = await holdSaves();
    try {
      await nameField().fill(NAME);
      await expectVisible(saveState('保存中…'));
      await updateNow().tap(); // blurs the field: its save starts, but cannot finish yet
      await expectText(banner().getByRole('status'), BLOCKED);
      await expectSteady(V1_WITH_V2_WAITING);
      await expectValue(nameField(), NAME);
      expect(await saveState('已保存在本机').isVisible()).toBe(false);
    } finally {
      await releaseSaves();
    }
    await expectVisible(saveState('已保存在本机'));
    await expectSteady(V1_WITH_V2_WAITING);
    await expectValue(nameField(), NAME);
    await expectVisible(updateNow()); // still offered, for when the input is done
  });

  it('switches to version 2 on "立即更新" once the input is saved, and the card keeps it', async () => {
    const cardUrl = page.url();
    await updateNow().tap();
    await expect.poll(() => state().catch(() => null), { timeout: 15_000, interval: 100 }).toEqual({
      sameDocument: false, // a new document
      build: 'v2', // whose shell came from version 2's precache
      controlled: true,
      active: 'activated',
      waiting: null,
    });
    expect(page.url()).toBe(cardUrl);
    await expectValue(nameField(), NAME);
    await expectVisible(saveState('已保存在本机'));
    expect(await banner().isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});
