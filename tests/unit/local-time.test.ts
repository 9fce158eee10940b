import { describe, it, expect } from 'vitest';
import { DEFAULT_TIME_ZONE, formatLocalDateTime, localDateKey, nowIso } from '../../src/shared/local-time.ts';

describe('formatLocalDateTime', () => {
  it('uses the shop zone, Asia/Shanghai, by default', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(formatLocalDateTime('2026-11-27T06:30:00Z')).toBe('2026-11-27 14:30');
  });

  it.each([
    // iso, zone, shown
    ['2026-11-27T06:30:00Z', 'Asia/Shanghai', '2026-11-27 14:30'],
    ['2026-11-27T14:30:59.999+08:00', 'Asia/Shanghai', '2026-11-27 14:30'],
    ['2026-11-26T16:00:00Z', 'Asia/Shanghai', '2026-11-27 00:00'], // 00:00, never 24:00
    ['2026-11-27T15:59:00Z', 'Asia/Shanghai', '2026-11-27 23:59'],
    ['2026-11-27T01:05:00-05:00', 'Asia/Shanghai', '2026-11-27 14:05'],
    ['2026-11-27T06:30:00Z', 'UTC', '2026-11-27 06:30'],
    ['2026-11-27T06:30:00Z', 'America/New_York', '2026-11-27 01:30'], // EST, -05:00
    ['2026-07-01T06:30:00Z', 'America/New_York', '2026-07-01 02:30'], // EDT, -04:00
    ['2026-11-27T06:30:00Z', 'Asia/Kolkata', '2026-11-27 12:00'],
    ['0999-01-01T00:00:00Z', 'UTC', '0999-01-01 00:00'],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(formatLocalDateTime(iso, zone)).toBe(expected);
  });

  it.each(['2026-11-27T14:30', '2026-11-27', 'not a date', '2026-13-45T00:00:00Z'])(
    'throws RangeError for %j',
    (iso) => {
      expect(() => formatLocalDateTime(iso)).toThrow(RangeError);
    },
  );
});

describe('localDateKey', () => {
  it.each([
    ['2026-11-27T06:30:00Z', 'Asia/Shanghai', '20261127'],
    ['2026-11-26T16:00:00Z', 'Asia/Shanghai', '20261127'], // already tomorrow in Shanghai
    ['2026-11-26T15:59:59.999Z', 'Asia/Shanghai', '20261126'],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '20270101'],
    ['2026-11-27T03:00:00Z', 'America/New_York', '20261126'],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(localDateKey(new Date(iso), zone)).toBe(expected);
  });

  it('defaults to Asia/Shanghai', () => {
    expect(localDateKey(new Date('2026-11-26T16:00:00Z'))).toBe('20261127');
  });
});

describe('nowIso', () => {
  it.each([
    ['2026-11-27T06:30:05.123Z', 'Asia/Shanghai', '2026-11-27T14:30:05.123+08:00'],
    ['2026-11-26T16:00:00.000Z', 'Asia/Shanghai', '2026-11-27T00:00:00.000+08:00'],
    ['2026-11-27T06:30:05.007Z', 'UTC', '2026-11-27T06:30:05.007+00:00'],
    ['2026-01-15T12:00:00.000Z', 'America/New_York', '2026-01-15T07:00:00.000-05:00'],
    ['2026-07-15T12:00:00.000Z', 'America/New_York', '2026-07-15T08:00:00.000-04:00'],
    // the instants either side of the spring-forward and fall-back switches
    ['2026-03-08T06:59:59.999Z', 'America/New_York', '2026-03-08T01:59:59.999-05:00'],
    ['2026-03-08T07:00:00.000Z', 'America/New_York', '2026-03-08T03:00:00.000-04:00'],
    ['2026-11-01T05:30:00.000Z', 'America/New_York', '2026-11-01T01:30:00.000-04:00'],
    ['2026-11-01T06:30:00.000Z', 'America/New_York', '2026-11-01T01:30:00.000-05:00'],
    ['2026-11-27T06:30:00.000Z', 'Asia/Kolkata', '2026-11-27T12:00:00.000+05:30'],
    ['2026-11-27T06:30:00.000Z', 'America/St_Johns', '2026-11-27T03:00:00.000-03:30'],
    ['2026-11-27T06:30:00.000Z', 'Pacific/Chatham', '2026-11-27T20:15:00.000+13:45'],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(nowIso(new Date(iso), zone)).toBe(expected);
  });

  it.each(['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'UTC'])(
    'names the same instant it was given in %s',
    (zone) => {
      for (const iso of ['2026-04-05T15:30:00.250Z', '2026-10-04T15:45:00.999Z', '1970-01-01T00:00:00.000Z']) {
        const date = new Date(iso);
        expect(Date.parse(nowIso(date, zone))).toBe(date.getTime());
      }
    },
  );

  it('defaults to Asia/Shanghai', () => {
    expect(nowIso(new Date('2026-11-27T06:30:05.123Z'))).toBe('2026-11-27T14:30:05.123+08:00');
  });

  it('throws RangeError for an invalid date', () => {
    expect(() => nowIso(new Date(Number.NaN))).toThrow(RangeError);
  });
});
