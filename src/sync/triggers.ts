// When sync runs by itself (DESIGN.md "Sync protocol" 6): at app start, when the network
// comes back, when the app comes to the foreground, and every minute while online. The
// service worker's Background Sync, where the browser has it, only adds one more trigger.
import { SYNC_MESSAGE, SYNC_TAG } from '../shared/sync-signal.ts';
import type { SyncEngine } from './sync-engine.ts';

const INTERVAL_MS = 60_000;

type SyncManagerRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

export function startSyncTriggers(engine: SyncEngine, win: Window = window): () => void {
  const onVisible = () => {
    if (win.document.visibilityState === 'visible') engine.trigger();
  };
  const onOnline = () => engine.trigger();
  const onMessage = (event: MessageEvent) => {
    if (event.data === SYNC_MESSAGE) engine.trigger();
  };
  win.addEventListener('online', onOnline);
  win.document.addEventListener('visibilitychange', onVisible);
  win.navigator.serviceWorker?.addEventListener('message', onMessage);
  const interval = win.setInterval(() => engine.trigger(), INTERVAL_MS);
  // After a run that must be retried, ask the browser to wake us when the network is back:
  // once per scheduled retry, not on every progress update of the runs in between.
  let registeredFor: number | null = null;
  const unsubscribe = engine.status.subscribe(() => {
    const { problem, retryAt } = engine.status.get();
    if (problem?.kind !== 'retry' || retryAt === null || retryAt === registeredFor) return;
    registeredFor = retryAt;
    void win.navigator.serviceWorker?.ready
      .then((registration: SyncManagerRegistration) => registration.sync?.register(SYNC_TAG))
      .catch(() => undefined);
  });
  engine.trigger();
  return () => {
    unsubscribe();
    win.removeEventListener('online', onOnline);
    win.document.removeEventListener('visibilitychange', onVisible);
    win.navigator.serviceWorker?.removeEventListener('message', onMessage);
    win.clearInterval(interval);
    void engine.stop();
  };
}
