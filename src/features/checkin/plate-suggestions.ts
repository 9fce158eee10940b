// What the plate keyboard offers before a key is pressed: this tablet's most common plate
// prefix (province + letter, 粤B at a Shenzhen desk), and the known vehicles whose plates
// begin with what is typed, so a returning car is one tap instead of seven keys.
import type { KnownVehicle } from '../../db/known-vehicles.ts';
import { PROVINCES, checkPlate, normalizePlate } from '../../shared/plate.ts';

export type { KnownVehicle };

/** Suggestions shown at most; typing one more character narrows a longer list. */
export const MAX_SUGGESTIONS = 4;

/**
 * The province + letter most vehicles on this tablet begin with (each vehicle counted once),
 * or '' when no plate on the tablet has one (a fresh tablet). A tie goes to the prefix that
 * sorts first, so the same tablet always offers the same prefix.
 */
export function commonPlatePrefix(plates: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const plate of new Set(plates.map(normalizePlate))) {
    if (!checkPlate(plate).ok) continue;
    const prefix = plate.slice(0, 2);
    if (!PROVINCES.includes(prefix[0] ?? '') || !/^[A-Z]$/.test(prefix[1] ?? '')) continue;
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [prefix, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (count > bestCount) [best, bestCount] = [prefix, count];
  }
  return best;
}

/**
 * Known vehicles whose plate begins with what is typed, newest visit first, one row per plate.
 * Nothing until at least the province and letter are typed: a province alone matches half the
 * tablet, and the plate typed so far is no suggestion of anything.
 */
export function matchingVehicles(known: readonly KnownVehicle[], typed: string): KnownVehicle[] {
  const start = normalizePlate(typed);
  if ([...start].length < 2) return [];
  const newest = new Map<string, KnownVehicle>();
  for (const vehicle of known) {
    const plate = normalizePlate(vehicle.plate);
    if (!plate.startsWith(start) || !checkPlate(plate).ok) continue;
    const seen = newest.get(plate);
    if (!seen || vehicle.lastVisitAt > seen.lastVisitAt) newest.set(plate, { ...vehicle, plate });
  }
  return [...newest.values()].sort((a, b) => b.lastVisitAt.localeCompare(a.lastVisitAt)).slice(0, MAX_SUGGESTIONS);
}
