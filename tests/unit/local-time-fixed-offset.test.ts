// The shop zone's wall clock is computed without Intl from 1992 on (UTC+8, no daylight saving
// since 1991): it must read exactly what ICU's Asia/Shanghai reads, midnight and year ends included.
import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, localDateKey, nowIso } from '../../src/shared/local-time.ts';

/** ICU's reading of Asia/Shanghai, through another locale's format ("2026-12-08 00:00:00"). */
function icuWallClock(date: Date): string {
  return date.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' }).slice(0, 16);
}

// Instants around the day's turn in Shanghai (16:00 UTC), year and leap-day ends, and a spread.
const INSTANTS = [
  '1992-01-01T00:00:00Z',
  '1999-12-31T15:59:59Z',
  '1999-12-31T16:00:00Z',
  '2024-02-28T16:30:00Z',
  '2026-12-07T15:59:00Z',
  '2026-12-07T16:00:00Z',
  '2026-11-27T14:30:05+08:00',
  '2038-01-19T03:14:08Z',
  ...Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(1992, 0, 1) + i * 5_393_411_117).toISOString()),
];

describe('the shop zone without Intl', () => {
  it('formats every instant as ICU does', () => {
    expect(INSTANTS.map((iso) => formatLocalDateTime(iso))).toEqual(INSTANTS.map((iso) => icuWallClock(new Date(iso))));
  });

  it('counts the day as ICU does', () => {
    expect(INSTANTS.map((iso) => localDateKey(new Date(iso)))).toEqual(INSTANTS.map((iso) => icuWallClock(new Date(iso)).slice(0, 10).replaceAll('-', '')));
  });

  it('writes +08:00 with the wall clock', () => {
    expect(nowIso(new Date('2026-12-07T16:00:00.042Z'))).toBe('2026-12-08T00:00:00.042+08:00');
  });
});
