// Wall-clock time at the dealership. Records store instants as ISO-8601 with an offset; these
// helpers turn instants into what the desk reads (2026-11-27 14:30) and into the day a job
// number counts in, in the shop's zone, whatever zone the tablet or the server is set to.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

type WallClock = { year: string; month: string; day: string; hour: string; minute: string; second: string };

// Building a DateTimeFormat is slow next to using one, and lists format many rows.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // h23, not hour12: false, which some engines render as "24:05" just after midnight.
      hourCycle: 'h23',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Asia/Shanghai has kept UTC+8 without daylight saving since September 1991, so from 1992 on
// its wall clock is arithmetic: building the first DateTimeFormat (ICU's zone data) took ~0.1 s
// of the job list's start on a 4x throttled tablet. local-time-fixed-offset.test.ts compares.
const UTC8_SINCE = Date.UTC(1992, 0, 1);
const UTC8_MS = 8 * 3_600_000;

function wallClock(date: Date, timeZone: string): WallClock {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  if (timeZone === DEFAULT_TIME_ZONE && date.getTime() >= UTC8_SINCE) {
    const at = new Date(date.getTime() + UTC8_MS);
    const two = (n: number) => String(n).padStart(2, '0');
    return {
      year: String(at.getUTCFullYear()).padStart(4, '0'),
      month: two(at.getUTCMonth() + 1),
      day: two(at.getUTCDate()),
      hour: two(at.getUTCHours()),
      minute: two(at.getUTCMinutes()),
      second: two(at.getUTCSeconds()),
    };
  }
  const parts: Partial<WallClock> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(date)) {
    if (type === 'year' || type === 'month' || type === 'day' || type === 'hour' || type === 'minute' || type === 'second')
      parts[type] = value;
  }
  const { year, month, day, hour, minute, second } = parts;
  if (!year || !month || !day || !hour || !minute || !second) throw new RangeError(`Cannot read the time in ${timeZone}`);
  return { year: year.padStart(4, '0'), month, day, hour, minute, second };
}

// A string without Z or an offset would be read in the device's own zone: the bug to avoid.
const HAS_ZONE = /[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** "2026-11-27 14:30": an ISO instant (with Z or an offset) as the shop's wall clock. */
export function formatLocalDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!HAS_ZONE.test(iso)) throw new RangeError(`Expected an ISO-8601 time with Z or an offset, got "${iso}"`);
  const t = wallClock(new Date(iso), timeZone);
  return `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}`;
}

/** "20261127": the shop's calendar day, e.g. for a job number that restarts each day. */
export function localDateKey(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = wallClock(date, timeZone);
  return `${t.year}${t.month}${t.day}`;
}

/**
 * "2026-11-27T14:30:05.123+08:00": the instant with the zone's offset at that instant, so
 * the record says both when it happened and what the shop's clock showed, DST included.
 */
export function nowIso(date: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = wallClock(date, timeZone);
  const ms = date.getTime();
  const millis = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(+t.year, +t.month - 1, +t.day, +t.hour, +t.minute, +t.second, millis);
  const offsetMinutes = Math.round((asUtc - ms) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${t.year}-${t.month}-${t.day}T${t.hour}:${t.minute}:${t.second}.${String(millis).padStart(3, '0')}${offset}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
