// Service worker: owns the precache of the app shell (every built file) and the update
// hand-over. Offline, every navigation is answered with the precached index.html, so any
// client route starts; /api/ is never cached: data lives in IndexedDB and goes via the outbox.
/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SYNC_MESSAGE, SYNC_TAG } from '../src/shared/sync-signal.ts';

declare const self: ServiceWorkerGlobalScope & {
  // Replaced at build time by vite-plugin-pwa (injectManifest) with the list of built files.
  __WB_MANIFEST: Array<PrecacheEntry | string>;
};

type SkipWaitingMessage = { type: 'SKIP_WAITING' };

function isSkipWaitingMessage(data: unknown): data is SkipWaitingMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    (data as { type: unknown }).type === 'SKIP_WAITING'
  );
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Navigations get the shell; /api/ stays on the network (a cached API answer would be
// stale data presented as current), and so does the store console (/console), an online page
// of its own that the tablet never caches.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/console(\/|$)/],
  }),
);

// True only when no earlier version was active at install time. Kept in memory: on a first
// install activation follows install in the same worker lifetime. If the worker was
// restarted in between, the flag reads false and we skip claim(): the page is then
// controlled from its next navigation, which is harmless.
let isFirstInstall = false;

self.addEventListener('install', () => {
  isFirstInstall = self.registration.active === null;
  // No skipWaiting() here: a new version waits until the page, having asked the advisor
  // and checked for unsaved input, posts SKIP_WAITING.
});

self.addEventListener('activate', (event) => {
  // Claiming on the very first install makes the page that installed us work offline
  // without a reload. After an update the page already asked for the swap and reloads
  // itself, so there is nothing to claim.
  if (isFirstInstall) {
    event.waitUntil(self.clients.claim());
  }
});

self.addEventListener('message', (event) => {
  if (isSkipWaitingMessage(event.data)) {
    void self.skipWaiting();
  }
});

// Background Sync (Chromium only): the browser says the network is back; the open pages run
// their sync engine. Nothing here touches data, so a worker update can never lose any.
type SyncEvent = ExtendableEvent & { tag: string };
self.addEventListener('sync' as 'message', (event) => {
  const syncEvent = event as unknown as SyncEvent;
  if (syncEvent.tag !== SYNC_TAG) return;
  syncEvent.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage(SYNC_MESSAGE);
    }),
  );
});
