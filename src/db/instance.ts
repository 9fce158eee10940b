// The app's one database connection. Tests open their own with `openDatabase(name)`.
import { Dexie } from 'dexie';
import { openDatabase } from './database.ts';

// Dexie switches its debug mode (long async stack traces, slow) on by itself on localhost;
// a production build runs as on the tablet, wherever it is served from.
if (import.meta.env.PROD) Dexie.debug = false;

export const db = openDatabase();

// Opening IndexedDB (and any version upgrade) starts now, in parallel with React's first
// render, instead of when the first query asks for it. A failure here is not lost: every
// query rejects with it and the screen that asked says so.
db.open().catch(() => undefined);
