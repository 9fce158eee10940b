// The app's one sync engine, on the app's database, talking to the server the app was loaded from.
import { db } from '../db/instance.ts';
import { createSyncEngine } from './sync-engine.ts';

export const syncEngine = createSyncEngine({ db, isOnline: () => navigator.onLine });
