// First, so the session and the list's first page are read while the modules below are run.
import '../features/jobs/first-page.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { INTERACTIVE_MARK } from '../features/jobs/components/JobList.tsx';
import { loadScreenMessages } from '../ui/messages.ts';
import { loadSyncEngine } from '../ui/sync/engine.ts';
import { App } from './App.tsx';
import { registerServiceWorker } from './pwa/register-service-worker.ts';
import './styles.css';

// The first screen's data (the session, the list's first page) is read with IndexedDB's own
// API (first-page.ts). Dexie is not loaded here: the screens' live queries load and open it
// once that read is done and the list is shown (ui/sync/use-deferred-live-query.ts).

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Nothing the first screen does not show runs before it: the service worker's registration
// (workbox-window) and sync (the engine is its own chunk: the protocol's schemas, the reducer;
// its triggers run it at start, on `online`, on return to the foreground and every minute)
// start once the job list is in, then when the browser is idle. A first screen other than the
// list (a card reopened, the lock screen) never marks itself, so a timeout starts them there.
const LIST_FALLBACK_MS = 10_000;
const startBackground = () => {
  void registerServiceWorker();
  // The other screens' strings, so a card opens without waiting for them (App.tsx loads them too).
  void loadScreenMessages().catch(() => undefined);
  void Promise.all([loadSyncEngine(), import('../sync/triggers.ts')]).then(([engine, triggers]) => triggers.startSyncTriggers(engine));
};
const whenIdle = (run: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 200));

let started = false;
const afterFirstScreen = () => {
  if (started) return;
  started = true;
  observer?.disconnect();
  clearTimeout(fallback);
  whenIdle(startBackground);
};
const observer =
  'PerformanceObserver' in window
    ? new PerformanceObserver((list) => {
        if (list.getEntriesByName(INTERACTIVE_MARK).length > 0) afterFirstScreen();
      })
    : null;
observer?.observe({ type: 'mark', buffered: true });
const fallback = setTimeout(afterFirstScreen, location.pathname === '/' ? LIST_FALLBACK_MS : 0);
