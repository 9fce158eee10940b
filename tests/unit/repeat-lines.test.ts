// 按上次项目: the last visit's lines come back at today's catalogue prices, and every line
// that cannot (code gone from the catalogue, typed by hand, already on the estimate) says why.
import { describe, expect, it } from 'vitest';
import { repeatLastLines } from '../../src/features/estimate/repeat-lines.ts';
import type { CatalogueItem } from '../../src/shared/catalogue.ts';

const item = (code: string, name: string, unitPriceFen: number, kind: CatalogueItem['kind'] = 'part'): CatalogueItem => ({
  code,
  kind,
  name,
  initials: '',
  unit: '个',
  unitPriceFen,
});
const catalogue = new Map([
  ['P-0001', item('P-0001', '机油 5W-30 4L（新包装）', 42_000)],
  ['L-0001', item('L-0001', '更换机油工时', 13_000, 'labour')],
]);
const line = (code: string, description: string, quantityMilli = 1000) => ({ code, description, quantityMilli });

describe('按上次项目 (repeatLastLines)', () => {
  it("adds last time's catalogue lines at today's name and price, with last time's quantity and no discount", () => {
    const { add, skipped } = repeatLastLines([line('P-0001', '机油 5W-30 4L', 2000), line('L-0001', '更换机油工时', 500)], catalogue, new Set());
    expect(add).toEqual([
      { kind: 'part', code: 'P-0001', description: '机油 5W-30 4L（新包装）', quantityMilli: 2000, unitPriceFen: 42_000, discountBp: 0 },
      { kind: 'labour', code: 'L-0001', description: '更换机油工时', quantityMilli: 500, unitPriceFen: 13_000, discountBp: 0 },
    ]);
    expect(skipped).toEqual([]);
  });

  it('lists a code no longer in the catalogue, a typed line and a code already on the estimate as skipped, with why', () => {
    const { add, skipped } = repeatLastLines(
      [line('P-9999', '旧款空调滤芯'), line('', '检查异响'), line('L-0001', '更换机油工时'), line('P-0001', '机油')],
      catalogue,
      new Set(['L-0001']),
    );
    expect(add.map((l) => l.code)).toEqual(['P-0001']);
    expect(skipped).toEqual([
      { code: 'P-9999', description: '旧款空调滤芯', reason: 'notInCatalogue' },
      { code: '', description: '检查异响', reason: 'typed' },
      { code: 'L-0001', description: '更换机油工时', reason: 'onEstimate' },
    ]);
  });

  it('brings a code that was twice on the last estimate back once', () => {
    const { add, skipped } = repeatLastLines([line('P-0001', '机油'), line('P-0001', '机油')], catalogue, new Set());
    expect(add).toHaveLength(1);
    expect(skipped).toEqual([{ code: 'P-0001', description: '机油', reason: 'onEstimate' }]);
  });
});
