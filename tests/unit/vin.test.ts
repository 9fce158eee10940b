import { describe, it, expect } from 'vitest';
import { checkVin, decodeVin, normalizeVin, vinCheckDigit, type VinCheck } from '../../src/shared/vin.ts';
import { WMI_MAKERS } from '../../src/shared/wmi.ts';

// Check digits verified with an independent script and, for the first three, by hand.
const VALID = [
  '1M8GDM9AXKP042788', // the textbook example, remainder 10 → X
  '11111111111111111',
  'LSVAU218XN2183294',
  'LRW3E7FA8MC123456',
  'LGXC16DF9N0001234',
  'LVGBE40K7PG123456',
  'LBVPH1108RSA12345',
  'LE4ZG8DB9PL123456',
  'JHMCM56557C404453',
  'SALGA2BE1KA123456',
  'WDD2050421F123456',
  'WBA8E9G58GNT12345',
] as const;

describe('normalizeVin', () => {
  it.each([
    ['lsvau218xn2183294', 'LSVAU218XN2183294'],
    [' LSV AU218X N218 3294 ', 'LSVAU218XN2183294'],
    ['LSV-AU218X-N2183294', 'LSV-AU218X-N2183294'], // a dash stays, for the check to name
    ['ＬＳＶＡＵ２１８ＸＮ２１８３２９４', 'LSVAU218XN2183294'], // full-width from a Chinese input method
    ['ｌｓｖ\u3000au218xn2183294', 'LSVAU218XN2183294'],
    ['LSVAU218X－N2183294', 'LSVAU218X-N2183294'], // a full-width dash is a dash
    ['LSV·AU218X·N2183294', 'LSVAU218XN2183294'],
    ['wvwzzz1jzxw00000o', 'WVWZZZ1JZXW00000O'], // O stays O: the check reports it
    ['LSVAU2I8QN2183294', 'LSVAU2I8QN2183294'],
    ['车架号LSV', '车架号LSV'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeVin(input)).toBe(expected);
  });
});

describe('vinCheckDigit', () => {
  it.each(VALID)('%s has check digit in position 9', (vin) => {
    expect(vinCheckDigit(vin)).toBe(vin[8]);
  });

  it.each([
    ['LSVAU2180N2183294', 'X'],
    ['LRW3E7FA0MC123456', '8'],
    ['LFV2A21K7L4012345', '5'],
    ['5YJ3E1EA7KF123456', '6'],
  ])('%s calls for %s', (vin, expected) => {
    expect(vinCheckDigit(vin)).toBe(expected);
  });

  it.each(['', 'LSVAU218XN218329', 'LSVAU218XN21832944', 'LSVAU218XN218329O', 'lsvau218xn2183294'])(
    '%j → null',
    (vin) => {
      expect(vinCheckDigit(vin)).toBeNull();
    },
  );
});

describe('checkVin', () => {
  it.each(VALID)('%s is valid', (vin) => {
    expect(checkVin(vin)).toEqual({ status: 'valid' });
  });

  it.each<[string, VinCheck]>([
    ['', { status: 'empty' }],
    ['LSVAU218XN218329', { status: 'bad-length', length: 16 }],
    ['LSVAU218XN21832944', { status: 'bad-length', length: 18 }],
    ['LSV', { status: 'bad-length', length: 3 }],
    ['LSVAU218XN218329O', { status: 'bad-chars', chars: ['O'] }],
    ['LSVAU2I8QN2183294', { status: 'bad-chars', chars: ['I', 'Q'] }],
    ['LSVOU2O8XN2183294', { status: 'bad-chars', chars: ['O'] }],
    ['车架号LSVAU218XN2183294', { status: 'bad-chars', chars: ['车', '架', '号'] }],
    ['LSVAU218XN21832O', { status: 'bad-chars', chars: ['O'] }], // named even when short
    ['LSVAU218X-N2183294', { status: 'bad-chars', chars: ['-'] }], // a dash is named, not dropped
    ['LSV-AU218-XN2183294', { status: 'bad-chars', chars: ['-'] }],
    ['LSVAU218X—N2183294', { status: 'bad-chars', chars: ['—'] }],
    ['LSVAU218X.N2183294', { status: 'bad-chars', chars: ['.'] }],
    ['LSVAU2180N2183294', { status: 'bad-check-digit', expected: 'X', actual: '0' }],
    ['LRW3E7FA0MC123456', { status: 'bad-check-digit', expected: '8', actual: '0' }],
    ['1M8GDM9A1KP042788', { status: 'bad-check-digit', expected: 'X', actual: '1' }],
  ])('%j → %o', (vin, expected) => {
    expect(checkVin(vin)).toEqual(expected);
  });

  it('checks what the advisor typed once normalised', () => {
    expect(checkVin(normalizeVin('lsv au218x n218 3294'))).toEqual({ status: 'valid' });
    expect(checkVin(normalizeVin('ＬＳＶ ＡＵ２１８Ｘ Ｎ２１８３２９４'))).toEqual({ status: 'valid' });
    expect(checkVin(normalizeVin('LSV AU218X-N218 3294'))).toEqual({ status: 'bad-chars', chars: ['-'] });
    expect(checkVin(normalizeVin('LSVAU218X－N2183294'))).toEqual({ status: 'bad-chars', chars: ['-'] });
  });
});

describe('decodeVin', () => {
  const mid2026 = new Date('2026-06-15T00:00:00Z');

  it.each<[string, string | null, string | null, number | null]>([
    // vin, maker (en), country (en), model year
    ['LSVAU218XN2183294', 'SAIC Volkswagen', 'China', 2022],
    ['LRW3E7FA8MC123456', 'Tesla Shanghai', 'China', 2021],
    ['LGXC16DF9N0001234', 'BYD', 'China', 2022],
    ['LVGBE40K7PG123456', 'GAC Toyota', 'China', 2023],
    ['LBVPH1108RSA12345', 'BMW Brilliance', 'China', 2024],
    ['LE4ZG8DB9PL123456', 'Beijing Benz', 'China', 2023],
    ['JHMCM56557C404453', 'Honda', 'Japan', 2007],
    ['SALGA2BE1KA123456', 'Land Rover', 'United Kingdom', 2019],
    ['WDD2050421F123456', 'Mercedes-Benz', 'Germany', 2001], // position 10 read as the rules say, see vin.ts
    ['WBA8E9G58GNT12345', 'BMW', 'Germany', 2016],
    ['1M8GDM9AXKP042788', null, 'USA', 2019],
    ['5YJ3E1EA6KF123456', 'Tesla', 'USA', 2019],
    ['KNAxx', 'Kia', 'South Korea', null],
    ['KA1', null, null, null], // KA–KE is Sri Lanka, not Korea
    ['2HG', null, 'Canada', null],
    ['3VW', null, 'Mexico', null],
    ['3X1', null, null, null],
    ['VF1', 'Renault', 'France', null],
    ['VSS', 'SEAT', 'Spain', null],
    ['VA1', null, null, null], // Austria: not in the table, so nothing rather than a guess
    ['YV1', 'Volvo', 'Sweden', null],
    ['ZFF', 'Ferrari', 'Italy', null],
    ['TMB', 'Škoda', 'Czechia', null],
    ['SU1', null, null, null],
    ['9BW', null, null, null],
    ['L', null, null, null],
    ['', null, null, null],
  ])('%s → %s, %s, %s', (vin, maker, country, modelYear) => {
    const facts = decodeVin(vin, mid2026);
    expect(facts.maker?.en ?? null).toBe(maker);
    expect(facts.country?.en ?? null).toBe(country);
    expect(facts.modelYear).toBe(modelYear);
  });

  it('names maker and country in Chinese too', () => {
    expect(decodeVin('LFV2A21K5L4012345', mid2026)).toEqual({
      maker: { zh: '一汽-大众', en: 'FAW-Volkswagen' },
      country: { zh: '中国', en: 'China' },
      modelYear: 2020,
    });
  });

  const withYearCode = (code: string) => `LSVAU218X${code}2183294`;

  it.each([
    // code, now, model year: the latest year of the 30-year cycle not after next year
    ['A', '2026-06-15', 2010],
    ['L', '2026-06-15', 2020],
    ['T', '2026-06-15', 2026],
    ['V', '2026-06-15', 2027], // next year's models are on sale
    ['W', '2026-06-15', 1998],
    ['Y', '2026-06-15', 2000],
    ['1', '2026-06-15', 2001],
    ['9', '2026-06-15', 2009],
    ['W', '2027-06-15', 2028],
    ['Y', '2029-06-15', 2030],
    ['1', '2030-06-15', 2031],
    ['A', '2039-06-15', 2040],
    ['A', '1985-06-15', 1980],
    ['Y', '1985-06-15', null], // 2000 is too late and there is no earlier cycle
    ['U', '2026-06-15', null],
    ['Z', '2026-06-15', null],
    ['0', '2026-06-15', null],
  ])('year code %s on %s → %s', (code, now, expected) => {
    expect(decodeVin(withYearCode(code), new Date(`${now}T00:00:00Z`)).modelYear).toBe(expected);
  });

  it('reads the model year against the current date by default', () => {
    expect(decodeVin(withYearCode('L')).modelYear).toBe(2020);
  });

  it('gives no model year before the VIN is complete', () => {
    expect(decodeVin('LSVAU218XN', mid2026).modelYear).toBeNull();
  });
});

describe('WMI_MAKERS', () => {
  it('keys every entry by a 3-character WMI in VIN characters, with both names', () => {
    for (const [wmi, name] of Object.entries(WMI_MAKERS)) {
      expect(wmi).toMatch(/^[A-HJ-NPR-Z0-9]{3}$/);
      expect(name.zh.length).toBeGreaterThan(0);
      expect(name.en.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['LSV', '上汽大众'],
    ['LFV', '一汽-大众'],
    ['LSG', '上汽通用'],
    ['LVS', '长安福特'],
    ['LVG', '广汽丰田'],
    ['LFM', '一汽丰田'],
    ['LHG', '广汽本田'],
    ['LVH', '东风本田'],
    ['LGB', '东风日产'],
    ['LBV', '华晨宝马'],
    ['LE4', '北京奔驰'],
    ['LGX', '比亚迪'],
    ['LC0', '比亚迪'],
    ['LRW', '特斯拉（上海）'],
    ['LGW', '长城汽车'],
    ['LB3', '吉利汽车'],
    ['LZW', '上汽通用五菱'],
    ['WVW', '大众'],
    ['WAU', '奥迪'],
    ['WP0', '保时捷'],
    ['JTD', '丰田'],
    ['KMH', '现代'],
    ['SCA', '劳斯莱斯'],
  ])('%s → %s', (wmi, zh) => {
    expect(WMI_MAKERS[wmi]?.zh).toBe(zh);
  });
});
