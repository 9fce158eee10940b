// The labour and parts catalogue on this tablet: seeded with the sample catalogue the first
// time, then merged or replaced by a store's CSV import. It is per-device reference data, not
// a job change, so it never enters the outbox; offline it is simply all there is.
import { z } from 'zod';
import { catalogueItemSchema, type CatalogueItem } from '../shared/catalogue.ts';
import type { WalkaroundDb } from './database.ts';

export type ImportMode = 'merge' | 'replace';

export function catalogueCount(db: WalkaroundDb): Promise<number> {
  return db.catalogue.count();
}

/** Every item, in code order. */
export function loadCatalogue(db: WalkaroundDb): Promise<CatalogueItem[]> {
  return db.catalogue.toArray();
}

/**
 * Seeds the sample catalogue into an empty table; true when it did. Safe to call on every
 * start and from two tabs at once: the count is checked again inside the write transaction.
 */
export async function ensureSampleCatalogue(db: WalkaroundDb): Promise<boolean> {
  if ((await db.catalogue.count()) > 0) return false;
  // Loaded only when needed (once per device), so the sample is not in the first route's
  // bundle. Outside the transaction: awaiting a non-Dexie promise inside would commit it.
  const { SAMPLE_CATALOGUE } = await import('../shared/catalogue-sample.ts');
  return db.transaction('rw', db.catalogue, async () => {
    if ((await db.catalogue.count()) > 0) return false;
    await db.catalogue.bulkAdd(SAMPLE_CATALOGUE);
    return true;
  });
}

const itemsSchema = z.array(catalogueItemSchema);

/**
 * Writes imported items in one transaction: 'merge' adds new codes and overwrites existing
 * ones; 'replace' leaves exactly these items. All or nothing: a failure leaves the old
 * catalogue as it was. A replace with no items is refused: it would empty the picker, and it
 * is what an import of a file with only bad rows would otherwise do.
 */
export async function importCatalogue(
  db: WalkaroundDb,
  items: readonly CatalogueItem[],
  mode: ImportMode,
): Promise<{ written: number; total: number }> {
  const valid = itemsSchema.parse(items);
  if (mode === 'replace' && valid.length === 0) throw new RangeError('importCatalogue: replace with no items');
  return db.transaction('rw', db.catalogue, async () => {
    if (mode === 'replace') await replaceCatalogue(db, valid);
    else await db.catalogue.bulkPut(valid);
    return { written: valid.length, total: await db.catalogue.count() };
  });
}

/** Leaves exactly these items: an import's replace, or the store's catalogue pulled from the server. */
export async function replaceCatalogue(db: WalkaroundDb, items: readonly CatalogueItem[]): Promise<void> {
  await db.transaction('rw', db.catalogue, async () => {
    await db.catalogue.clear();
    await db.catalogue.bulkPut([...items]);
  });
}
