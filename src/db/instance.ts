// The app's one database connection. Tests open their own with `openDatabase(name)`.
import { Dexie } from 'dexie';
import { openDatabase } from './database.ts';

// Dexie switches its debug mode (long async stack traces, slow) on by itself on localhost;
// a production build runs as on the tablet, wherever it is served from.
if (import.meta.env.PROD) Dexie.debug = false;

// Not opened here: the app's entry (main.tsx) opens it once the first screen's raw read
// (first-read.ts) is done, and any query opens it when it runs. A failure opening is not
// lost: every query rejects with it and the screen that asked says so.
export const db = openDatabase();
