// A day of the store's clock as the console's queries name it: "2026-11-27", a day that exists.
// Shared by the console's queries (reports; the DMS export may take it too) so the check and
// its message are written once.
import { z } from 'zod';
import { localDateKey } from '../local-time.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The store's day of an instant, "2026-11-27", on the shop's clock (local-time.ts), whatever the browser's zone. */
export function storeDayOf(instant: Date): string {
  const key = localDateKey(instant);
  return `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
}

/** Days from `from` to `to`, both counted (1 for a single day; 0 or less when `to` is before `from`). */
export const daysFromTo = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** A query parameter holding a store day, with messages a person can act on. */
export const storeDaySchema = (name: string) =>
  z
    .string({ message: `${name} is required, as a date like 2026-11-01` })
    .refine(isCalendarDay, { message: `${name} must be a date like 2026-11-01 (year-month-day, a day that exists)` });
