import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startSyncTriggers } from '../sync/triggers.ts';
import { loadSyncEngine } from '../ui/sync/engine.ts';
import { App } from './App.tsx';
import { registerServiceWorker } from './pwa/register-service-worker.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();

// Sync starts once the first screen is up: the engine is its own chunk (the protocol's
// schemas, the reducer), so it never delays the job list. Its triggers then run it at start,
// on `online`, on return to the foreground and every minute.
const startSync = () => void loadSyncEngine().then((engine) => startSyncTriggers(engine));
if ('requestIdleCallback' in window) window.requestIdleCallback(startSync, { timeout: 2000 });
else setTimeout(startSync, 500);
