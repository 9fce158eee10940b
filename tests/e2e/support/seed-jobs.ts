// Cards made in Node by the app's own repos (fake-indexeddb) and written row for row into the
// tablet's IndexedDB, so a test starts where the work stands instead of re-typing check-ins.
import type { Page } from 'playwright-core';
import { DB_NAME, type JobRow } from '../../../src/db/database.ts';

/** Writes job rows into the app's own database (already created by the app at its version). */
export function writeJobRows(page: Page, jobs: JobRow[]): Promise<void> {
  return page.evaluate(
    async ({ name, rows }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['jobs'], 'readwrite');
      for (const row of rows) tx.objectStore('jobs').put(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: DB_NAME, rows: jobs },
  );
}
