// 预计交车时间 as the shop's wall clock. A datetime-local input has no zone, so its value is
// read in the shop's zone (Asia/Shanghai), not the tablet's, and stored with its offset.
import { DEFAULT_TIME_ZONE, formatLocalDateTime, localDateKey, nowIso } from '../../shared/local-time.ts';

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/u;

/** "2026-11-27T17:00+08:00…" → "2026-11-27T17:00", the value a datetime-local input takes. */
export function toLocalInput(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatLocalDateTime(iso, timeZone).replace(' ', 'T');
}

/** "2026-11-27T17:00" on the shop's clock → "2026-11-27T17:00:00.000+08:00"; null if not a time. */
export function fromLocalInput(value: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const match = LOCAL_INPUT.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset is looked up at the guess, then again at the result, so a zone with
  // daylight saving lands right too; Shanghai's +08:00 is the same both times.
  let instant = asUtc - offsetMs(new Date(asUtc), timeZone);
  instant = asUtc - offsetMs(new Date(instant), timeZone);
  return nowIso(new Date(instant), timeZone);
}

function offsetMs(date: Date, timeZone: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/u.exec(nowIso(date, timeZone));
  if (!match) return 0;
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

export type QuickTime = { key: 'today17' | 'tomorrow12' | 'tomorrow17'; value: string };

/** The times a customer is usually promised: today 17:00, tomorrow noon, tomorrow 17:00. */
export function quickTimes(now: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): QuickTime[] {
  const day = (key: string) => `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
  const today = day(localDateKey(now, timeZone));
  // From today's noon, +24 h is tomorrow in any zone, even across a daylight-saving change.
  const noon = fromLocalInput(`${today}T12:00`, timeZone);
  const tomorrow = day(localDateKey(new Date(Date.parse(noon ?? '') + 86_400_000), timeZone));
  return [
    { key: 'today17', value: `${today}T17:00` },
    { key: 'tomorrow12', value: `${tomorrow}T12:00` },
    { key: 'tomorrow17', value: `${tomorrow}T17:00` },
  ];
}
