// What the app stored in the tablet's IndexedDB, read straight from the object stores in the
// page, so a browser test checks the stored rows without going through the app's own code.
import type { Page } from 'playwright-core';
import { DB_NAME } from '../../../src/db/database.ts';

/**
 * Every row of the named object stores, as stored, but for a field holding an ArrayBuffer (the
 * bytes of a blob): it arrives as a Uint8Array, as Playwright brings no ArrayBuffer out of the
 * page. `Rows` names the row type of each store: the answer is taken to be of that shape.
 */
export function readObjectStores<Rows extends Record<string, unknown>>(page: Page, stores: (keyof Rows & string)[]): Promise<{ [Store in keyof Rows]: Rows[Store][] }> {
  return page.evaluate(
    async ({ name, names }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows: Record<string, unknown[]> = {};
      for (const store of names) {
        rows[store] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => {
            for (const row of request.result as Record<string, unknown>[]) {
              for (const [field, value] of Object.entries(row)) if (value instanceof ArrayBuffer) row[field] = new Uint8Array(value);
            }
            resolve(request.result as unknown[]);
          };
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
      return rows as { [Store in keyof Rows]: Rows[Store][] };
    },
    { name: DB_NAME, names: stores },
  );
}
