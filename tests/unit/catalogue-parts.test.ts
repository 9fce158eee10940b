// 带料工时: a labour item of the catalogue carries its usual parts. The schema keeps them (and
// only on labour), the CSV's 含配件 column reads `P-10001*4;P-20001*1`, and every problem is an
// error a store administrator can act on: the row, the code, and a message in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadInitials } from '../../src/shared/catalogue-initials.ts';
import { catalogueItemSchema, type CatalogueItem } from '../../src/shared/catalogue.ts';
import { parseCatalogueCsv, type CsvRowError } from '../../src/shared/catalogue-csv.ts';
import { SAMPLE_CATALOGUE } from '../../src/shared/catalogue-sample.ts';
import { ESTIMATE_MESSAGES } from '../../src/ui/messages/estimate.ts';

let initialsOf: (name: string) => string;
beforeAll(async () => {
  initialsOf = await loadInitials();
});

const lines = (...rows: string[]) => rows.join('\n');
const HEADER = '编码,类型,名称,单位,单价,含配件';
const OIL = 'P-10001,配件,全合成机油 5W-30,升,98';
const FILTER = 'P-20001,配件,机油滤清器,个,48';
const OIL_CHANGE: CatalogueItem = { code: 'L-0101', kind: 'labour', name: '更换机油机滤', initials: 'ghjyjl', unit: '工时', unitPriceFen: 12000 };

/** The message a person reads for an error, as the import preview shows it. */
function message(error: CsvRowError, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  const template = ESTIMATE_MESSAGES[language][error.code];
  return template.replace(/\{(\w+)\}/g, (_all, name: string) => String(name === 'line' ? error.line : (error.params?.[name] ?? `{${name}}`)));
}

describe('catalogueItemSchema: parts', () => {
  it('keeps the parts of a labour item and still reads an item without them', () => {
    const withParts = { ...OIL_CHANGE, parts: [{ code: 'P-10001', quantityMilli: 4000 }] };
    expect(catalogueItemSchema.parse(withParts)).toEqual(withParts);
    expect(catalogueItemSchema.parse(OIL_CHANGE)).toEqual(OIL_CHANGE);
  });

  it.each<[string, unknown, string]>([
    ['parts on a part', { ...OIL_CHANGE, kind: 'part', parts: [{ code: 'P-1', quantityMilli: 1000 }] }, 'Only a labour item carries parts'],
    ['the same part twice', { ...OIL_CHANGE, parts: [{ code: 'P-1', quantityMilli: 1000 }, { code: 'P-1', quantityMilli: 2000 }] }, 'Part P-1 is listed twice'],
    ['the item itself', { ...OIL_CHANGE, parts: [{ code: 'L-0101', quantityMilli: 1000 }] }, 'Part L-0101 is listed twice or is the item itself'],
    ['a zero quantity', { ...OIL_CHANGE, parts: [{ code: 'P-1', quantityMilli: 0 }] }, 'quantity.positive'],
    ['an empty code', { ...OIL_CHANGE, parts: [{ code: '', quantityMilli: 1000 }] }, 'Too small'],
  ])('refuses %s', (_name, item, problem) => {
    const result = catalogueItemSchema.safeParse(item);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(' | ')).toContain(problem);
  });

  it('an old build reads a catalogue with parts without breaking: zod strips the key it does not know', () => {
    const oldSchema = z.object(catalogueItemSchema.shape).omit({ parts: true });
    expect(oldSchema.parse({ ...OIL_CHANGE, parts: [{ code: 'P-10001', quantityMilli: 4000 }] })).toEqual(OIL_CHANGE);
  });
});

describe('parseCatalogueCsv: the 含配件 column', () => {
  it.each<[string, string, CatalogueItem['parts']]>([
    ['code*quantity; several split by semicolons', 'P-10001*4;P-20001*1', [{ code: 'P-10001', quantityMilli: 4000 }, { code: 'P-20001', quantityMilli: 1000 }]],
    ['full-width ＊ and ；, spaces, a trailing semicolon', ' P-10001 ＊ 4.5 ； P-20001 ；', [{ code: 'P-10001', quantityMilli: 4500 }, { code: 'P-20001', quantityMilli: 1000 }]],
    ['× and 、 as Excel users type them', 'P-10001×0.25、P-20001×2', [{ code: 'P-10001', quantityMilli: 250 }, { code: 'P-20001', quantityMilli: 2000 }]],
    ['no quantity is one', 'P-20001', [{ code: 'P-20001', quantityMilli: 1000 }]],
    ['a part later in the file than its labour', 'P-10001*4', [{ code: 'P-10001', quantityMilli: 4000 }]],
  ])('%s', (_name, cell, parts) => {
    const { items, errors } = parseCatalogueCsv(lines(HEADER, OIL, `L-0101,工时,更换机油机滤,工时,120,"${cell}"`, FILTER), initialsOf);
    expect(errors).toEqual([]);
    expect(items.find((item) => item.code === 'L-0101')).toEqual({ ...OIL_CHANGE, parts });
    for (const item of items) expect(catalogueItemSchema.parse(item)).toEqual(item);
  });

  it('an empty cell is no parts, and a file without the column reads as before; English header "parts" works', () => {
    const { items } = parseCatalogueCsv(lines(HEADER, OIL, 'L-0101,工时,更换机油机滤,工时,120,'), initialsOf);
    expect(items[1]).toEqual(OIL_CHANGE);
    const english = parseCatalogueCsv(lines('code,kind,name,unit,price,Parts', OIL, 'L-0101,labour,更换机油机滤,工时,120,P-10001*4'), initialsOf);
    expect(english.errors).toEqual([]);
    expect(english.items[1]?.parts).toEqual([{ code: 'P-10001', quantityMilli: 4000 }]);
  });

  it('a merge may name a part of the catalogue it goes into; without it that code is unknown', () => {
    const file = lines(HEADER, 'L-0101,工时,更换机油机滤,工时,120,P-10001*4');
    const existing = new Map([['P-10001', { kind: 'part' as const }]]);
    expect(parseCatalogueCsv(file, initialsOf, existing).items[0]?.parts).toEqual([{ code: 'P-10001', quantityMilli: 4000 }]);
    expect(parseCatalogueCsv(file, initialsOf).errors.map((e) => e.code)).toEqual(['csv.unknownPart']);
  });

  it.each<[string, string, Omit<CsvRowError, 'line' | 'column'>, string]>([
    ['an unknown code', 'P-99999*1', { code: 'csv.unknownPart', params: { header: '含配件', value: 'P-99999' } },
      '第 3 行："含配件"中的配件编码"P-99999"在文件和目录中都找不到（或该行有错误），请核对编码或把这个配件加入文件'],
    ['a labour code', 'L-0102*1', { code: 'csv.notAPart', params: { header: '含配件', value: 'L-0102' } },
      '第 3 行："含配件"中的"L-0102"是工时项目，不是配件，请换成配件编码'],
    ['the row itself', 'L-0101', { code: 'csv.notAPart', params: { header: '含配件', value: 'L-0101' } },
      '第 3 行："含配件"中的"L-0101"是工时项目，不是配件，请换成配件编码'],
    ['a quantity of 0', 'P-10001*0', { code: 'csv.badParts', params: { header: '含配件', value: 'P-10001*0' } },
      '第 3 行："含配件"中的"P-10001*0"应写成 配件编码*数量（数量大于 0，最多 3 位小数），多个用分号隔开，如 P-10001*4;P-20001*1'],
    ['a quantity in words', 'P-10001*四', { code: 'csv.badParts', params: { header: '含配件', value: 'P-10001*四' } },
      '第 3 行："含配件"中的"P-10001*四"应写成 配件编码*数量（数量大于 0，最多 3 位小数），多个用分号隔开，如 P-10001*4;P-20001*1'],
    ['four decimals', 'P-10001*1.2345', { code: 'csv.badParts', params: { header: '含配件', value: 'P-10001*1.2345' } },
      '第 3 行："含配件"中的"P-10001*1.2345"应写成 配件编码*数量（数量大于 0，最多 3 位小数），多个用分号隔开，如 P-10001*4;P-20001*1'],
    ['commas inside a quoted cell instead of semicolons', 'P-10001*4,P-20001*1', { code: 'csv.badParts', params: { header: '含配件', value: 'P-10001*4,P-20001*1' } },
      '第 3 行："含配件"中的"P-10001*4,P-20001*1"应写成 配件编码*数量（数量大于 0，最多 3 位小数），多个用分号隔开，如 P-10001*4;P-20001*1'],
    ['the same part twice', 'P-10001*4;P-10001*1', { code: 'csv.duplicatePart', params: { header: '含配件', value: 'P-10001' } },
      '第 3 行："含配件"中配件"P-10001"写了两次，请合并为一个数量'],
    ['21 parts', Array.from({ length: 21 }, (_v, i) => `P-${i}`).join(';'), { code: 'csv.tooManyParts', params: { header: '含配件', max: 20 } },
      '第 3 行："含配件"最多 20 个配件'],
  ])('%s: the row is skipped with its message', (_name, cell, error, text) => {
    const file = lines(HEADER, OIL, `L-0101,工时,更换机油机滤,工时,120,"${cell}"`, FILTER, 'L-0102,工时,更换空气滤芯,工时,80');
    const { items, errors } = parseCatalogueCsv(file, initialsOf);
    expect(errors).toEqual([{ line: 3, column: 'parts', ...error }]);
    expect(message(errors[0] as CsvRowError)).toBe(text);
    expect(message(errors[0] as CsvRowError, 'en')).not.toMatch(/\{\w+\}/);
    expect(items.map((item) => item.code)).toEqual(['P-10001', 'P-20001', 'L-0102']);
  });

  it('parts on a part row: that row is the error', () => {
    const { items, errors } = parseCatalogueCsv(lines(HEADER, `${OIL},P-20001`, FILTER), initialsOf);
    expect(errors).toEqual([{ line: 2, column: 'parts', code: 'csv.partsOnPart', params: { header: '含配件' } }]);
    expect(message(errors[0] as CsvRowError)).toBe('第 2 行：只有工时项目可以带配件，此行是配件，请清空"含配件"');
    expect(items.map((item) => item.code)).toEqual(['P-20001']);
  });

  it('errors stay in row order when a part error is found after later rows were read', () => {
    const { errors } = parseCatalogueCsv(lines(HEADER, 'L-0101,工时,更换机油机滤,工时,120,P-404', 'P-2,配件,空气滤清器,个,abc'), initialsOf);
    expect(errors.map((e) => [e.line, e.code])).toEqual([[2, 'csv.unknownPart'], [3, 'csv.badPrice']]);
  });
});

describe('SAMPLE_CATALOGUE: labour with its parts', () => {
  const byCode = new Map(SAMPLE_CATALOGUE.map((item) => [item.code, item]));

  it('更换机油机滤 comes with 4 升 of oil and the oil filter; 更换前刹车片 with one set of pads', () => {
    expect(byCode.get('L-0101')?.parts).toEqual([{ code: 'P-10001', quantityMilli: 4000 }, { code: 'P-20001', quantityMilli: 1000 }]);
    expect(byCode.get('L-0201')?.parts).toEqual([{ code: 'P-30001', quantityMilli: 1000 }]);
  });

  it('every part a sample item names is a part of the sample', () => {
    for (const item of SAMPLE_CATALOGUE) for (const part of item.parts ?? []) expect(byCode.get(part.code)?.kind, `${item.code} → ${part.code}`).toBe('part');
  });
});
