import { describe, it, expect } from 'vitest';
import { MAX_FEN, formatFen, parseYuan, type ParseYuanResult } from '../../src/shared/money.ts';

const fen = (value: number): ParseYuanResult => ({ ok: true, fen: value });
const bad = (reason: Extract<ParseYuanResult, { ok: false }>['reason']): ParseYuanResult => ({ ok: false, reason });

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [7, '¥0.07'],
    [50, '¥0.50'],
    [1999, '¥19.99'],
    [123450, '¥1,234.50'],
    [100000, '¥1,000.00'],
    [99999, '¥999.99'],
    [123456789, '¥1,234,567.89'],
    [MAX_FEN, '¥99,999,999.99'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
    [-1200, '-¥12.00'],
    [-5, '-¥0.05'],
    [-0, '¥0.00'],
  ])('%d → %s', (value, expected) => {
    expect(formatFen(value)).toBe(expected);
  });

  it('writes ¥ in both UI languages', () => {
    expect(formatFen(123450, 'en')).toBe('¥1,234.50');
    expect(formatFen(123450, 'zh-CN')).toBe('¥1,234.50');
  });

  it.each([1.5, 0.07, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'throws RangeError for %d',
    (value) => {
      expect(() => formatFen(value)).toThrow(RangeError);
    },
  );
});

describe('parseYuan', () => {
  it.each<[string, ParseYuanResult]>([
    // amounts a float would get wrong: 0.07 * 100 = 7.000000000000001, 19.99 * 100 = 1998.9999999999998
    ['0.07', fen(7)],
    ['19.99', fen(1999)],
    ['1.1', fen(110)],
    ['1234.5', fen(123450)],
    ['1,234.50', fen(123450)],
    ['1,234,567.89', fen(123456789)],
    ['12', fen(1200)],
    ['¥12', fen(1200)],
    ['￥12', fen(1200)],
    ['¥ 1,234.50', fen(123450)],
    ['  88.8  ', fen(8880)],
    ['0', fen(0)],
    ['007.50', fen(750)],
    ['１２３４．５６', fen(123456)],
    ['１，２３４．５０', fen(123450)],
    ['99999999.99', fen(MAX_FEN)],
    ['99,999,999.99', fen(MAX_FEN)],
    // rejected
    ['', bad('empty')],
    ['   ', bad('empty')],
    ['abc', bad('format')],
    ['¥', bad('format')],
    ['12.', bad('format')],
    ['.5', bad('format')],
    ['1,23', bad('format')],
    ['1,2345', bad('format')],
    ['12,34.5', bad('format')],
    ['0,123', bad('format')],
    ['1.2.3', bad('format')],
    ['1e3', bad('format')],
    ['12元', bad('format')],
    ['--1', bad('format')],
    ['1.234', bad('precision')],
    ['0.001', bad('precision')],
    ['19.999', bad('precision')],
    ['-1', bad('range')],
    ['-¥12.00', bad('range')],
    ['¥-12', bad('range')],
    ['－５', bad('range')],
    ['100000000', bad('range')],
    ['99999999.991', bad('precision')],
    ['100,000,000.00', bad('range')],
    ['123456789012345678901234567890', bad('range')],
  ])('%j → %o', (input, expected) => {
    expect(parseYuan(input)).toEqual(expected);
  });

  it.each(['0.07', '19.99', '1,234.50', '99,999,999.99'])('round-trips %s through formatFen', (input) => {
    const parsed = parseYuan(input);
    if (!parsed.ok) throw new Error(`expected ${input} to parse`);
    expect(formatFen(parsed.fen)).toBe(`¥${input}`);
  });
});
