// Registers the service worker (sw/sw.ts, built to /sw.js) and owns the update hand-over:
// a new version waits until the advisor agrees and nothing is unsaved. Offline, the
// registration and update checks simply fail quietly; the installed version keeps running.
// workbox-window loads with the registration, after the first screen (main.tsx), not before it.
import type { Workbox } from 'workbox-window';

export type ApplyUpdateResult = 'reloading' | 'blocked';

type Listener = () => void;

// Tablets keep the app open for a whole shift; without a periodic check they would only
// notice a new version after a restart.
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let workbox: Workbox | null = null;
let registration: ServiceWorkerRegistration | null = null;
let available = false;
let reloadRequested = false;
const listeners = new Set<Listener>();

function setAvailable(next: boolean): void {
  if (available === next) return;
  available = next;
  for (const listener of listeners) listener();
}

/** Whether a new version is installed and waiting. Shaped for React's useSyncExternalStore. */
export const updateAvailable = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  getSnapshot(): boolean {
    return available;
  },
};

/** Asks the server for a newer version now (the sync engine heard that this one is too old). */
export function checkForUpdate(): void {
  if (!workbox || !navigator.onLine) return;
  // A failed check (server down, flaky Wi-Fi) changes nothing; the next trigger retries.
  workbox.update().catch(() => undefined);
}

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || workbox) return;

  const { Workbox } = await import('workbox-window');
  if (workbox) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  workbox = wb;
  // Fires for a version found by this page, one found by another tab, and one that was
  // already waiting when the page loaded.
  wb.addEventListener('waiting', () => setAvailable(true));

  wb.register()
    .then((reg) => {
      registration = reg ?? null;
      // Best effort: asks the browser not to evict photos and unsynced check-ins under
      // storage pressure. The settings screen shows the outcome via navigator.storage.persisted().
      return navigator.storage?.persist?.();
    })
    .catch((error: unknown) => {
      // The app still works online without a worker; log for whoever reads the console.
      console.warn('Service worker registration failed', error);
    });

  window.setInterval(checkForUpdate, UPDATE_CHECK_INTERVAL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
}

/**
 * Switches to the waiting version. Refuses while anything is unsaved: the reload would
 * lose it. Reloads only this page, and only once the new worker controls it.
 */
export function applyUpdate(hasUnsavedInput: () => boolean): ApplyUpdateResult {
  if (hasUnsavedInput()) return 'blocked';
  if (reloadRequested) return 'reloading';
  reloadRequested = true;

  if (!workbox || !registration?.waiting) {
    // Nothing is waiting any more: another tab already activated the new version, which
    // now controls this page too. A reload loads its files.
    window.location.reload();
    return 'reloading';
  }
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
  return 'reloading';
}
