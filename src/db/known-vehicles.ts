// The vehicles this tablet has cards of, as the plate keyboard asks for them: every plate (for
// the common prefix) and the newest cards whose plate begins with what is typed. Reads only.
import type { WalkaroundDb } from './database.ts';

/** A vehicle this tablet has a card of: its plate and that card's customer and date. */
export type KnownVehicle = { plate: string; customerName: string; lastVisitAt: string };

/** Cards read per lookup: ids are UUIDv7, so the newest are found from the keys alone. */
const NEWEST_CARDS = 40;

/** Every plate on a card of this tablet, each once (empty plates left out). */
export async function knownPlates(db: WalkaroundDb): Promise<string[]> {
  const keys = await db.jobs.orderBy('card.vehicle.plate').uniqueKeys();
  return keys.filter((key): key is string => typeof key === 'string' && key !== '');
}

/** The newest cards (but this one) whose plate begins with `start`, as known vehicles. */
export async function knownVehiclesStartingWith(db: WalkaroundDb, start: string, excludeJobId: string): Promise<KnownVehicle[]> {
  if (!start) return [];
  const ids = await db.jobs.where('card.vehicle.plate').startsWith(start).primaryKeys();
  const newest = ids.filter((id) => id !== excludeJobId).sort().reverse().slice(0, NEWEST_CARDS);
  const rows = await db.jobs.bulkGet(newest);
  return rows.flatMap((row) =>
    row ? [{ plate: row.card.vehicle.plate, customerName: row.card.customer.name, lastVisitAt: row.checkedInAt ?? row.createdAt }] : [],
  );
}
