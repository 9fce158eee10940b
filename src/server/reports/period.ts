// The calendar of the reports: which local day a recorded time falls on, and the days, ISO
// weeks (Monday first) and months a period is cut into. A time counts on the day the store's
// clock showed, as the tablet wrote it (nowIso: "2026-11-27T14:30:05.123+08:00"), so a car
// checked in at 23:50 in Shenzhen counts that evening whatever zone the server runs in.
import { DEFAULT_TIME_ZONE, localDateKey } from '../../shared/local-time.ts';

export type Granularity = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T[^Z]*[+-]\d{2}:?\d{2}$/;

/**
 * "2026-11-27": the local day of a recorded time. A time written with an offset counts on its own
 * wall-clock day; one written in UTC ("…Z", no local clock recorded) on the shop's default zone's.
 */
export function localDay(iso: string): string {
  // The common case without a regular expression (100,000 cards a report): "…T14:30:05.123+08:00".
  const sign = iso.charAt(iso.length - 6);
  if (iso.charAt(10) === 'T' && (sign === '+' || sign === '-') && iso.charAt(iso.length - 3) === ':') return iso.slice(0, 10);
  const withOffset = WITH_OFFSET.exec(iso);
  if (withOffset?.[1]) return withOffset[1];
  const key = localDateKey(new Date(iso), DEFAULT_TIME_ZONE);
  return `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
}

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** "2026-W48": the ISO week (Monday to Sunday; week 1 holds the year's first Thursday). */
export function isoWeek(day: string): string {
  const date = new Date(toUtc(day));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday that starts the ISO week of `day`. */
export function mondayOf(day: string): string {
  const weekday = (new Date(toUtc(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The key of the bucket a local day falls in. */
export function bucketOf(day: string, by: Granularity): string {
  switch (by) {
    case 'day':
      return day;
    case 'week':
      return isoWeek(day);
    case 'month':
      return day.slice(0, 7);
    default: {
      const never: never = by;
      throw new Error(`Unknown granularity ${String(never)}`);
    }
  }
}

/** Every bucket of the period in order, empty ones included, so a chart's axis has no gaps. */
export function bucketsOf(from: string, to: string, by: Granularity): string[] {
  const keys: string[] = [];
  const end = toUtc(to);
  // Compared as instants, not as text: the day after 9999-12-31 is written "+010000-01-01".
  let day = toUtc(by === 'week' ? mondayOf(from) : by === 'month' ? `${from.slice(0, 7)}-01` : from);
  while (day <= end) {
    keys.push(bucketOf(fromUtc(day), by));
    if (by === 'month') {
      const date = new Date(day);
      day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    } else day += (by === 'week' ? 7 : 1) * DAY_MS;
  }
  return keys;
}

/**
 * The instants the records must be asked for so that every time whose local day lies in the
 * period is among them, whatever offset it was written with (UTC−12 to UTC+14): a little wider
 * than the period; the reports then keep exactly the period's days by localDay.
 */
export function instantsAround(from: string, to: string): { from: string; to: string } {
  return { from: new Date(toUtc(from) - 14 * 3_600_000).toISOString(), to: new Date(toUtc(to) + DAY_MS + 12 * 3_600_000).toISOString() };
}

export function inPeriod(iso: string | null, from: string, to: string): iso is string {
  if (iso === null) return false;
  const day = localDay(iso);
  return day >= from && day <= to;
}
