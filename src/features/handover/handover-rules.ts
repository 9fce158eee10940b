// What the handover and quality-check screens work out from the card before they draw it:
// which 质检 items to show, the mileage as typed, the fuel as the dashboard says it, and
// which covers and belongings are still to go back. Pure, so each rule is tested alone.
import type { Handover, HandoverPatch } from '../../shared/handover.ts';
import { MAX_ODOMETER_KM, type Belonging, type Cover } from '../../shared/vehicle-condition.ts';
import { QC_ITEMS, QC_MAY_BE_NA, QC_RESULTS, type QcItem, type QcResult, type QualityCheck } from '../../shared/quality-check.ts';

/** The wash is asked about only when 洗车 was ordered (or someone already checked it). */
export function shownQcItems(qc: QualityCheck, carWash: boolean | null): QcItem[] {
  return QC_ITEMS.filter((item) => item !== 'washed' || carWash === true || qc.items.washed !== undefined);
}

/** The answers offered for an item: 不适用 only where it may be, never for a wash the customer ordered. */
export function qcResultsFor(item: QcItem, carWash: boolean | null): QcResult[] {
  const mayBeNa = QC_MAY_BE_NA[item] && !(item === 'washed' && carWash === true);
  return QC_RESULTS.filter((result) => result !== 'na' || mayBeNa);
}

export type KmInput = { ok: true; km: number | null } | { ok: false; why: 'notNumber' | 'tooHigh' };

/** Mileage as typed: spaces and thousands commas allowed, a whole number within reason, or empty. */
export function readKm(text: string): KmInput {
  const digits = text.replace(/[\s,]/g, '');
  if (digits === '') return { ok: true, km: null };
  if (!/^\d+$/.test(digits)) return { ok: false, why: 'notNumber' };
  const km = Number(digits);
  return km > MAX_ODOMETER_KM ? { ok: false, why: 'tooHigh' } : { ok: true, km };
}

/** The covers fitted at check-in (those with a time), in the card's fixed order. */
export function fittedCovers(covers: Partial<Record<Cover, string | null>>, order: readonly Cover[]): Cover[] {
  return order.filter((cover) => typeof covers[cover] === 'string');
}

/** One patch taking off, at `at`, every fitted cover still on: one tap, one mutation. */
export function removeAllCovers(fitted: readonly Cover[], removed: Handover['coversRemoved'], at: string): HandoverPatch | null {
  const still = fitted.filter((cover) => !removed[cover]);
  if (still.length === 0) return null;
  return { coversRemoved: Object.fromEntries(still.map((cover) => [cover, at])) };
}

/** The belongings listed at check-in, in the card's fixed order. */
export function listedBelongings(belongings: Partial<Record<Belonging, boolean>>, order: readonly Belonging[]): Belonging[] {
  return order.filter((item) => belongings[item] === true);
}
