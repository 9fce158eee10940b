// What the desk types on the bill: 实收 and the bill discount in yuan become integer 分 through
// the shared money parse (empty means not paid / no discount), and the next-service mileage in
// whole km; refusals carry the message shown beside the box.
import { describe, expect, it } from 'vitest';
import { formatKmText, formatYuanInput, parseDiscount, parseKm, parsePaid } from '../../src/features/handover/bill-input.ts';

describe('parsePaid', () => {
  it.each([
    ['1280.50', 128_050],
    ['1,280.5', 128_050],
    ['¥12', 1_200],
    ['１９．９９', 1_999],
    ['0.07', 7],
    ['0', 0],
    ['9999999.99', 999_999_999],
  ])('reads %s as %i fen', (input, fen) => {
    expect(parsePaid(input)).toEqual({ ok: true, value: fen });
  });

  it('reads an empty box as not paid yet', () => {
    expect(parsePaid('  ')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['12.345', 'bill.error.precision'],
    ['abc', 'bill.error.format'],
    ['-5', 'bill.error.range'],
    ['10000000', 'bill.error.range'],
  ])('refuses %s with %s', (input, error) => {
    expect(parsePaid(input)).toEqual({ ok: false, error });
  });
});

describe('parseDiscount', () => {
  it('reads empty as no discount and refuses more than the work total', () => {
    expect(parseDiscount('', 50_000)).toEqual({ ok: true, value: 0 });
    expect(parseDiscount('500', 50_000)).toEqual({ ok: true, value: 50_000 });
    expect(parseDiscount('500.01', 50_000)).toEqual({ ok: false, error: 'bill.error.discountOverTotal' });
    expect(parseDiscount('1.001', 50_000)).toEqual({ ok: false, error: 'bill.error.precision' });
  });
});

describe('formatYuanInput', () => {
  it('writes fen as the box shows them, round-tripping through parsePaid', () => {
    expect(formatYuanInput(null)).toBe('');
    expect(formatYuanInput(7)).toBe('0.07');
    expect(formatYuanInput(128_050)).toBe('1280.50');
    for (const fen of [0, 1, 99, 100, 123_456, 999_999_999]) expect(parsePaid(formatYuanInput(fen))).toEqual({ ok: true, value: fen });
  });
});

describe('parseKm', () => {
  it.each([
    ['25000', 25_000],
    ['25,000', 25_000],
    ['２５０００ km', 25_000],
    ['25000公里', 25_000],
  ])('reads %s as %i km', (input, km) => {
    expect(parseKm(input)).toEqual({ ok: true, value: km });
  });

  it('reads empty as not told and refuses fractions and the impossible', () => {
    expect(parseKm('')).toEqual({ ok: true, value: null });
    expect(parseKm('25000.5')).toEqual({ ok: false, error: 'bill.error.km' });
    expect(parseKm('-3')).toEqual({ ok: false, error: 'bill.error.km' });
    expect(parseKm('2000001')).toEqual({ ok: false, error: 'bill.error.km' });
  });

  it('writes a mileage or says it is unknown', () => {
    expect(formatKmText(25_000, '?')).toBe('25,000 km');
    expect(formatKmText(null, '里程未知')).toBe('里程未知');
  });
});
