// A store's own catalogue from CSV: the files Excel and WPS write (Chinese or English headers,
// quotes, BOM, CRLF, tabs), and for every bad row an error at the row number Excel shows.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInitials } from '../../src/shared/catalogue-initials.ts';
import { catalogueItemSchema, type CatalogueItem } from '../../src/shared/catalogue.ts';
import { MAX_CSV_ROWS, parseCatalogueCsv, type CsvRowError } from '../../src/shared/catalogue-csv.ts';

let initialsOf: (name: string) => string;
beforeAll(async () => {
  initialsOf = await loadInitials();
});

const parse = (text: string) => parseCatalogueCsv(text, initialsOf);
const lines = (...rows: string[]) => rows.join('\n');

const ZH_HEADER = '编码,类型,名称,单位,单价';
const GOOD_ROW = 'P-20001,配件,机油滤清器,个,48.50';
const OIL_FILTER: CatalogueItem = { code: 'P-20001', kind: 'part', name: '机油滤清器', initials: 'jylqq', unit: '个', unitPriceFen: 4850 };
const OIL_CHANGE: CatalogueItem = { code: 'L-0101', kind: 'labour', name: '更换机油机滤', initials: 'ghjyjl', unit: '工时', unitPriceFen: 12000 };

describe('parseCatalogueCsv: files that import cleanly', () => {
  it.each<[string, string, CatalogueItem[]]>([
    ['Chinese headers', lines(ZH_HEADER, 'L-0101,工时,更换机油机滤,工时,120', GOOD_ROW), [OIL_CHANGE, OIL_FILTER]],
    [
      'English headers in another order, any case, extra columns ignored',
      lines('Name,Code,Unit Price,KIND,Unit,Note', '机油滤清器,P-20001,48.5,part,个,OEM', '更换机油机滤,L-0101,120.00,Labour,工时,'),
      [OIL_FILTER, OIL_CHANGE],
    ],
    ['price header with its currency: 单价(元), 单价（元）', lines('编码,类型,名称,单位,单价（元）', GOOD_ROW), [OIL_FILTER]],
    ['a UTF-8 BOM before the header', `\uFEFF${lines(ZH_HEADER, GOOD_ROW)}`, [OIL_FILTER]],
    ['CRLF line ends and a final CRLF', `${ZH_HEADER}\r\n${GOOD_ROW}\r\n`, [OIL_FILTER]],
    ['old Mac Excel: a lone CR', `${ZH_HEADER}\r${GOOD_ROW}\r`, [OIL_FILTER]],
    [
      'tab-separated, where a comma is just a character',
      lines('编码\t类型\t名称\t单位\t单价', 'P-70001\t配件\t前雨刮片, 一对\t套\t168'),
      [{ code: 'P-70001', kind: 'part', name: '前雨刮片, 一对', initials: 'qygpyd', unit: '套', unitPriceFen: 16800 }],
    ],
    ['tab-separated after blank lines', `\r\n\r\n编码\t类型\t名称\t单位\t单价\r\n${GOOD_ROW.replaceAll(',', '\t')}`, [OIL_FILTER]],
    [
      'quoted commas, doubled quotes, a grouped price',
      lines(ZH_HEADER, '"P-50011","配件","前大灯总成, 左","个","2,980.00"', 'P-50005,配件,"灯泡 ""H7""",只,45'),
      [
        { code: 'P-50011', kind: 'part', name: '前大灯总成, 左', initials: 'qddzcz', unit: '个', unitPriceFen: 298000 },
        { code: 'P-50005', kind: 'part', name: '灯泡 "H7"', initials: 'dph7', unit: '只', unitPriceFen: 4500 },
      ],
    ],
    [
      'a line break inside a quoted name becomes one space',
      lines(ZH_HEADER, 'P-30001,配件,"前刹车片\n（陶瓷）",套,780'),
      [{ code: 'P-30001', kind: 'part', name: '前刹车片 （陶瓷）', initials: 'qscptc', unit: '套', unitPriceFen: 78000 }],
    ],
    [
      'spaces around cells, blank rows and Excel ",,,," rows skipped',
      lines(ZH_HEADER, '', '  P-20001 , 配件 , 机油滤清器 , 个 , ¥48.50 ', ',,,,', ''),
      [OIL_FILTER],
    ],
    [
      'other kind words: 备件, labor, PARTS; empty labour unit is 工时',
      lines(ZH_HEADER, 'P-1,备件,火花塞,只,95', 'L-1,labor,四轮定位,,300', 'P-2,PARTS,水泵,个,980'),
      [
        { code: 'P-1', kind: 'part', name: '火花塞', initials: 'hhs', unit: '只', unitPriceFen: 9500 },
        { code: 'L-1', kind: 'labour', name: '四轮定位', initials: 'sldw', unit: '工时', unitPriceFen: 30000 },
        { code: 'P-2', kind: 'part', name: '水泵', initials: 'sb', unit: '个', unitPriceFen: 98000 },
      ],
    ],
    [
      "a dealer system's 助记码 column is used when filled",
      lines('编码,类型,名称,单位,单价,助记码', 'P-20001,配件,机油滤清器,个,48.50,JYLQ', 'L-0101,工时,更换机油机滤,工时,120,'),
      [{ ...OIL_FILTER, initials: 'jylq' }, OIL_CHANGE],
    ],
    ['price 0 is a free item', lines(ZH_HEADER, 'L-0416,工时,保养灯归零,工时,0'), [{ code: 'L-0416', kind: 'labour', name: '保养灯归零', initials: 'bydgl', unit: '工时', unitPriceFen: 0 }]],
  ])('%s', (_name, text, expected) => {
    const { items, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(items).toEqual(expected);
    for (const item of items) expect(catalogueItemSchema.parse(item)).toEqual(item);
  });
});

const header = (column: string) => ({ header: column });

describe('parseCatalogueCsv: bad rows are skipped with the row number Excel shows', () => {
  it.each<[string, string, CsvRowError[]]>([
    ['unknown kind', '材料', [{ line: 2, column: 'kind', code: 'csv.badKind', params: { header: '类型', value: '材料' } }]],
    ['empty kind', '', [{ line: 2, column: 'kind', code: 'csv.emptyField', params: header('类型') }]],
  ])('%s', (_name, kind, expected) => {
    const { items, errors } = parse(lines(ZH_HEADER, `P-1,${kind},机油滤清器,个,48`, GOOD_ROW));
    expect(errors).toEqual(expected);
    expect(items).toEqual([OIL_FILTER]);
  });

  it.each<[string, string, CsvRowError['code']]>([
    ['three decimals', '12.345', 'csv.pricePrecision'],
    ['negative', '-5', 'csv.priceRange'],
    ['above ¥999,999.99', '1000000', 'csv.priceRange'],
    ['text', '面议', 'csv.badPrice'],
    ['a wrongly grouped number', '1,23', 'csv.badPrice'],
  ])('price: %s (%s)', (_name, price, code) => {
    const { items, errors } = parse(lines(ZH_HEADER, GOOD_ROW, `P-2,配件,空气滤清器,个,"${price}"`));
    expect(errors).toEqual([{ line: 3, column: 'price', code, params: { header: '单价', value: price } }]);
    expect(items).toEqual([OIL_FILTER]);
  });

  it.each<[string, string, CsvRowError[]]>([
    ['empty price', 'P-2,配件,空气滤清器,个,', [{ line: 2, column: 'price', code: 'csv.emptyField', params: header('单价') }]],
    ['empty name', 'P-2,配件, ,个,85', [{ line: 2, column: 'name', code: 'csv.emptyField', params: header('名称') }]],
    ['empty code', ',配件,空气滤清器,个,85', [{ line: 2, column: 'code', code: 'csv.emptyField', params: header('编码') }]],
    ['a short row', 'P-2,配件', [
      { line: 2, column: 'name', code: 'csv.emptyField', params: header('名称') },
      { line: 2, column: 'price', code: 'csv.emptyField', params: header('单价') },
    ]],
    ['code over 30 characters', `${'P'.repeat(31)},配件,空气滤清器,个,85`, [{ line: 2, column: 'code', code: 'csv.tooLong', params: { header: '编码', max: 30 } }]],
    ['name over 120 characters', `P-2,配件,${'滤'.repeat(121)},个,85`, [{ line: 2, column: 'name', code: 'csv.tooLong', params: { header: '名称', max: 120 } }]],
    ['unit over 10 characters', 'P-2,配件,空气滤清器,每个每个每个每个每个每,85', [{ line: 2, column: 'unit', code: 'csv.tooLong', params: { header: '单位', max: 10 } }]],
    ['every problem of a row, in column order', ',材料,,个,abc', [
      { line: 2, column: 'code', code: 'csv.emptyField', params: header('编码') },
      { line: 2, column: 'kind', code: 'csv.badKind', params: { header: '类型', value: '材料' } },
      { line: 2, column: 'name', code: 'csv.emptyField', params: header('名称') },
      { line: 2, column: 'price', code: 'csv.badPrice', params: { header: '单价', value: 'abc' } },
    ]],
  ])('%s', (_name, row, expected) => {
    const { items, errors } = parse(lines(ZH_HEADER, row, GOOD_ROW));
    expect(errors).toEqual(expected);
    expect(items).toEqual([OIL_FILTER]);
  });

  it('exactly 120 characters of name and 30 of code are fine', () => {
    const { items, errors } = parse(lines(ZH_HEADER, `${'P'.repeat(30)},配件,${'滤'.repeat(120)},个,85`));
    expect(errors).toEqual([]);
    expect(items).toHaveLength(1);
  });

  it('a duplicate code: the later row is the error, and a bad first row does not count', () => {
    const { items, errors } = parse(
      lines(ZH_HEADER, GOOD_ROW, 'L-1,工时,四轮定位,工时,abc', 'P-20001,配件,机油格,个,50', 'L-1,工时,四轮定位,工时,300'),
    );
    expect(errors).toEqual([
      { line: 3, column: 'price', code: 'csv.badPrice', params: { header: '单价', value: 'abc' } },
      { line: 4, column: 'code', code: 'csv.duplicateCode', params: { header: '编码', value: 'P-20001', firstLine: 2 } },
    ]);
    expect(items.map((item) => item.code)).toEqual(['P-20001', 'L-1']);
    expect(items[0]).toEqual(OIL_FILTER);
  });

  it('counts rows as Excel does: a quoted line break stays in its row, a blank line is a row', () => {
    const text = lines(ZH_HEADER, 'P-1,配件,"前刹车片\n（陶瓷）\n（原厂）",套,780', '', 'P-2,配件,后刹车片,套,x');
    expect(parse(text).errors).toEqual([{ line: 4, column: 'price', code: 'csv.badPrice', params: { header: '单价', value: 'x' } }]);
  });

  it('an unclosed quote: rows before it stand, the error is where it opened, the rest is not read', () => {
    const { items, errors } = parse(lines(ZH_HEADER, GOOD_ROW, 'P-2,配件,"空气滤清器,个,85', 'P-3,配件,空调滤清器,个,98'));
    expect(errors).toEqual([{ line: 3, code: 'csv.unclosedQuote' }]);
    expect(items).toEqual([OIL_FILTER]);
  });

  it('a quote inside an unquoted cell is a character, as Excel reads it', () => {
    const { items, errors } = parse(lines(ZH_HEADER, 'P-1,配件,轮毂 17" 铝合金,个,1200'));
    expect(errors).toEqual([]);
    expect(items[0]?.name).toBe('轮毂 17" 铝合金');
  });
});

describe('parseCatalogueCsv: errors for the whole file, with no items', () => {
  it.each<[string, string, CsvRowError]>([
    [
      'a required column missing',
      lines('编码,类型,名称,单位', 'P-1,配件,机油滤清器,个'),
      { line: 1, column: 'price', code: 'csv.missingColumn', params: { columns: '单价/price' } },
    ],
    [
      'no header: the first row is data',
      lines(GOOD_ROW, GOOD_ROW),
      { line: 1, column: 'code', code: 'csv.missingColumn', params: { columns: '编码/code, 类型/kind, 名称/name, 单位/unit, 单价/price' } },
    ],
    ['the header after blank rows keeps its Excel row', lines('', ',,', 'code,kind,name'), {
      line: 3,
      column: 'unit',
      code: 'csv.missingColumn',
      params: { columns: '单位/unit, 单价/price' },
    }],
    ['an empty file', '', { line: 1, code: 'csv.empty' }],
    ['only a BOM and blank lines', '\uFEFF\r\n\r\n', { line: 1, code: 'csv.empty' }],
    ['an unclosed quote in the header', '编码,"类型,名称,单位,单价\nP-1,配件,x,个,1', { line: 1, code: 'csv.unclosedQuote' }],
  ])('%s', (_name, text, expected) => {
    expect(parse(text)).toEqual({ items: [], errors: [expected] });
  });
});

describe('parseCatalogueCsv: the row limit', () => {
  const file = (rows: number) => {
    const out = [ZH_HEADER];
    for (let i = 1; i <= rows; i++) out.push(`P-${i},配件,机油滤清器,个,48`);
    return lines(...out);
  };
  // A stub keeps 50,000 rows quick; the pinyin is not what is tested here.
  const stub = () => 'x';

  it(`reads ${MAX_CSV_ROWS} rows`, () => {
    const { items, errors } = parseCatalogueCsv(file(MAX_CSV_ROWS), stub);
    expect(errors).toEqual([]);
    expect(items).toHaveLength(MAX_CSV_ROWS);
  });

  it(`refuses a file of ${MAX_CSV_ROWS + 1} rows, naming the first row over`, () => {
    expect(parseCatalogueCsv(file(MAX_CSV_ROWS + 1), stub)).toEqual({
      items: [],
      errors: [{ line: MAX_CSV_ROWS + 2, code: 'csv.tooManyRows', params: { max: MAX_CSV_ROWS } }],
    });
  });
});
