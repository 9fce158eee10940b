// Money of the estimate in integer 分: a line's gross, discount and net rounded half-up to the
// 分, totals as sums of what each line shows, and no float anywhere near the arithmetic.
import { describe, expect, it } from 'vitest';
import {
  MAX_UNIT_PRICE_FEN,
  divideRoundHalfUp,
  estimateTotals,
  lineAmounts,
  type EstimateLine,
  type LineAmounts,
} from '../../src/shared/estimate.ts';

type Line = Pick<EstimateLine, 'kind' | 'quantityMilli' | 'unitPriceFen' | 'discountBp'>;
const labour = (quantityMilli: number, unitPriceFen: number, discountBp = 0): Line => ({ kind: 'labour', quantityMilli, unitPriceFen, discountBp });
const part = (quantityMilli: number, unitPriceFen: number, discountBp = 0): Line => ({ kind: 'part', quantityMilli, unitPriceFen, discountBp });
const amounts = (grossFen: number, discountFen: number, netFen: number): LineAmounts => ({ grossFen, discountFen, netFen });

/** The same arithmetic in BigInt, as the reference the number version must match exactly. */
function reference(line: Line): LineAmounts {
  const halfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
  const gross = halfUp(BigInt(line.unitPriceFen) * BigInt(line.quantityMilli), 1000n);
  const discount = halfUp(gross * BigInt(line.discountBp), 10_000n);
  return amounts(Number(gross), Number(discount), Number(gross - discount));
}

describe('divideRoundHalfUp', () => {
  it.each([
    [0, 7, 0],
    [1, 2, 1], // 0.5 rounds up
    [3, 2, 2], // 1.5 rounds up
    [4, 10, 0], // 0.4 rounds down
    [5, 10, 1], // 0.5 rounds up
    [14, 10, 1],
    [15, 10, 2],
    [25, 10, 3], // half-up, not banker's rounding (which would give 2)
    [4999, 10_000, 0],
    [5000, 10_000, 1],
    [999_899_990_001_000, 1000, 999_899_990_001],
  ])('%i / %i → %i', (numerator, denominator, expected) => {
    expect(divideRoundHalfUp(numerator, denominator)).toBe(expected);
  });

  it.each([
    ['a negative numerator', -1, 2],
    ['a zero denominator', 1, 0],
    ['a negative denominator', 1, -2],
    ['a fractional numerator', 1.5, 2],
    ['a fractional denominator', 3, 1.5],
    ['NaN', Number.NaN, 2],
    ['Infinity', 1, Number.POSITIVE_INFINITY],
    ['a numerator past the safe integers', 2 ** 53, 1000],
  ])('refuses %s with a RangeError', (_label, numerator, denominator) => {
    expect(() => divideRoundHalfUp(numerator, denominator)).toThrow(RangeError);
  });
});

describe('lineAmounts', () => {
  it.each<[string, Line, LineAmounts]>([
    ['1 × ¥100.00', labour(1000, 10_000), amounts(10_000, 0, 10_000)],
    ['1.5 h × ¥120.00', labour(1500, 12_000), amounts(18_000, 0, 18_000)],
    ['0.333 × ¥1.00 = 33.3 分 → 33', part(333, 100), amounts(33, 0, 33)],
    ['0.333 × ¥1.50 = 49.95 分 → 50', part(333, 150), amounts(50, 0, 50)],
    ['0.5 × 1 分 = 0.5 分 rounds up to 1', part(500, 1), amounts(1, 0, 1)],
    ['0.499 × 1 分 rounds down to 0', part(499, 1), amounts(0, 0, 0)],
    ['2.5 × 3 分 = 7.5 分 → 8', part(2500, 3), amounts(8, 0, 8)],
    ['a free item', part(1000, 0, 1000), amounts(0, 0, 0)],
    ['9折 on ¥100.00', labour(1000, 10_000, 1000), amounts(10_000, 1000, 9000)],
    ['9折 on 5 分: the 0.5 分 discount rounds up', part(1000, 5, 1000), amounts(5, 1, 4)],
    ['8.5折 on ¥100.01: 1500.15 分 off → 1500', part(1000, 10_001, 1500), amounts(10_001, 1500, 8501)],
    ['8.5折 on 0.333 × ¥1.00: 4.95 分 off → 5', part(333, 100, 1500), amounts(33, 5, 28)],
    ['8.5折 on 4 × ¥45.00', part(4000, 4500, 1500), amounts(18_000, 2700, 15_300)],
    ['100% off', labour(1000, 12_345, 10_000), amounts(12_345, 12_345, 0)],
    ['the largest price × the largest quantity', part(9_999_000, MAX_UNIT_PRICE_FEN), amounts(999_899_990_001, 0, 999_899_990_001)],
    ['the largest price × the largest quantity, 33.33% off', part(9_999_000, MAX_UNIT_PRICE_FEN, 3333), amounts(999_899_990_001, 333_266_666_667, 666_633_323_334)],
    ['the largest price × the largest quantity, 99.99% off', part(9_999_000, MAX_UNIT_PRICE_FEN, 9999), amounts(999_899_990_001, 999_800_000_002, 99_989_999)],
    [
      'the largest price × the largest quantity, 9折',
      part(9_999_000, MAX_UNIT_PRICE_FEN, 1000),
      amounts(999_899_990_001, 99_989_999_000, 899_909_991_001),
    ],
  ])('%s', (_label, line, expected) => {
    expect(lineAmounts(line)).toEqual(expected);
    expect(lineAmounts(line)).toEqual(reference(line));
  });

  // Past 2^53 a double no longer holds every integer: gross × basis points is off by a few
  // units there, which puts an exact x.4999 分 discount on the .5 and rounds it up. Each line
  // here is one where Math.round(gross × bp / 10,000) is one 分 too much; the amounts are
  // the BigInt reference's, checked again below.
  const NEAR_2_53 = 9_007_199_245_003; // ¥90,071,992,450.03, within 10,000 分 of MAX_SAFE_INTEGER / 1000
  const nearLimit: [string, Line, LineAmounts][] = [
    [
      '¥999,949.99 × 9,999 (near the schema maximum), 99.99% off',
      part(9_999_000, 99_994_999, 9999),
      amounts(999_849_995_001, 999_750_010_001, 99_985_000),
    ],
    ['a gross near MAX_SAFE_INTEGER / 1000, 33.33% off', part(1000, NEAR_2_53, 3333), amounts(NEAR_2_53, 3_002_099_508_359, 6_005_099_736_644)],
    ['a gross near MAX_SAFE_INTEGER / 1000, 66.67% off', labour(1000, NEAR_2_53 - 6, 6667), amounts(NEAR_2_53 - 6, 6_005_099_736_639, 3_002_099_508_358)],
    ['a gross near MAX_SAFE_INTEGER / 1000, 99.99% off', part(1000, NEAR_2_53 + 12, 9999), amounts(NEAR_2_53 + 12, 9_006_298_525_090, 900_719_925)],
  ];

  it.each(nearLimit)('%s: exact where doubles are not', (_label, line, expected) => {
    expect(lineAmounts(line)).toEqual(expected);
    expect(reference(line)).toEqual(expected);
    // The case is one the float way gets wrong, so it keeps guarding the integer split.
    expect(Math.round((expected.grossFen * line.discountBp) / 10_000)).toBe(expected.discountFen + 1);
    expect(BigInt(expected.grossFen) * BigInt(line.discountBp)).toBeGreaterThan(2n ** 53n);
  });

  it('totals the lines near 2^53 exactly', () => {
    const lines = nearLimit.map(([, line]) => line);
    const sum = (pick: (a: LineAmounts) => number, kind?: Line['kind']) =>
      Number(lines.filter((l) => !kind || l.kind === kind).reduce((total, l) => total + BigInt(pick(reference(l))), 0n));
    expect(estimateTotals(lines)).toEqual({
      labourFen: sum((a) => a.netFen, 'labour'),
      partsFen: sum((a) => a.netFen, 'part'),
      discountFen: sum((a) => a.discountFen),
      totalFen: sum((a) => a.netFen),
    });
  });

  it('matches the BigInt reference on 5,000 pseudo-random lines', () => {
    let seed = 20_261_127;
    const next = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % (max + 1);
    };
    for (let i = 0; i < 5000; i++) {
      const line = part(1 + next(99_999), next(9_999_999), next(5000));
      expect(lineAmounts(line), JSON.stringify(line)).toEqual(reference(line));
    }
  });

  it.each<[string, Line]>([
    ['a negative price', part(1000, -1)],
    ['a fractional quantity in milli', part(1.5, 1)],
    ['a fractional discount', part(1000, 3, 0.5)],
    ['a negative discount', part(1000, 100, -1)],
    ['a non-integer price', part(1, 0.5)],
  ])('refuses %s with a RangeError', (_label, line) => {
    expect(() => lineAmounts(line)).toThrow(RangeError);
  });
});

describe('estimateTotals', () => {
  it('adds up nothing to zero', () => {
    expect(estimateTotals([])).toEqual({ labourFen: 0, partsFen: 0, discountFen: 0, totalFen: 0 });
  });

  it('splits labour and parts net of discount over mixed lines', () => {
    const lines = [
      labour(1500, 12_000, 1000), // 1.5 h × ¥120, 9折: 180.00 - 18.00
      part(1000, 35_650), // ¥356.50
      part(4000, 4500, 1500), // 4 × ¥45, 8.5折: 180.00 - 27.00
      labour(1000, 5000, 10_000), // free labour
    ];
    const totals = estimateTotals(lines);
    expect(totals).toEqual({ labourFen: 16_200, partsFen: 50_950, discountFen: 9500, totalFen: 67_150 });
    expect(totals.totalFen).toBe(totals.labourFen + totals.partsFen);
    const gross = lines.reduce((sum, line) => sum + lineAmounts(line).grossFen, 0);
    expect(totals.totalFen).toBe(gross - totals.discountFen);
  });

  it('rounds each line, so the total is the sum of the amounts printed on the lines', () => {
    // Three lines of 0.333 × ¥1.00 show 0.33 each; the total says 0.99, not the 1.00 of 0.999.
    const lines = [part(333, 100), part(333, 100), part(333, 100)];
    expect(estimateTotals(lines).totalFen).toBe(99);
    expect(estimateTotals(lines).totalFen).toBe(lines.reduce((sum, line) => sum + lineAmounts(line).netFen, 0));
  });

  it('has no float drift: a thousand ¥0.10 items are exactly ¥100.00', () => {
    const lines = Array.from({ length: 1000 }, () => part(1000, 10));
    let yuan = 0;
    for (let i = 0; i < 1000; i++) yuan += 0.1;
    // The float way is off; the 分 way is exact.
    expect(yuan).not.toBe(100);
    expect(estimateTotals(lines)).toEqual({ labourFen: 0, partsFen: 10_000, discountFen: 0, totalFen: 10_000 });
  });

  it('stays exact with lines near the largest values', () => {
    const big = part(9_999_000, MAX_UNIT_PRICE_FEN, 1000);
    const totals = estimateTotals([big, big, labour(9_999_000, MAX_UNIT_PRICE_FEN)]);
    expect(totals).toEqual({
      labourFen: 999_899_990_001,
      partsFen: 2 * 899_909_991_001,
      discountFen: 2 * 99_989_999_000,
      totalFen: 999_899_990_001 + 2 * 899_909_991_001,
    });
    expect(Number.isSafeInteger(totals.totalFen)).toBe(true);
  });

  it('refuses a line it cannot compute with a RangeError', () => {
    expect(() => estimateTotals([part(1000, 100), part(1000, -5)])).toThrow(RangeError);
  });
});
