// Reads a store's own labour and parts catalogue from CSV (or the tab-separated text Excel and
// WPS also export) into catalogue items, plus one error per problem that a person can find and
// fix: the row number as Excel shows it, the column, and an i18n key. Bad rows are skipped and
// good rows kept. Pure: the caller decodes the file and supplies the pinyin initials function.
// A labour row may name the parts that come with it (含配件 `P-10001*4;P-20001*1`); each must
// be a part of the same file (or of the catalogue the file is merged into).
import { MAX_PARTS_PER_ITEM, catalogueItemSchema, cataloguePartSchema, type CatalogueItem, type CataloguePart } from './catalogue.ts';
import { MAX_UNIT_PRICE_FEN, type LineKind } from './estimate.ts';
import { parseYuan } from './money.ts';

export type CsvColumn = 'code' | 'kind' | 'name' | 'unit' | 'price' | 'initials' | 'parts';

export type CsvErrorCode =
  | 'csv.empty'
  | 'csv.missingColumn'
  | 'csv.tooManyRows'
  | 'csv.unclosedQuote'
  | 'csv.emptyField'
  | 'csv.badKind'
  | 'csv.badPrice'
  | 'csv.pricePrecision'
  | 'csv.priceRange'
  | 'csv.tooLong'
  | 'csv.duplicateCode'
  | 'csv.badParts'
  | 'csv.tooManyParts'
  | 'csv.duplicatePart'
  | 'csv.partsOnPart'
  | 'csv.unknownPart'
  | 'csv.notAPart';

export type CsvRowError = {
  /** 1-based row as Excel or WPS shows it: the header is row 1; a quoted line break stays in its row. */
  line: number;
  column?: CsvColumn;
  code: CsvErrorCode;
  /** `header` is the column's title as written in the file, so the message names it the same way. */
  params?: Record<string, string | number>;
};

export type CatalogueCsvResult = { items: CatalogueItem[]; errors: CsvRowError[] };

/** More rows than any store's price list: a bigger file is the wrong file. */
export const MAX_CSV_ROWS = 50_000;

const shape = catalogueItemSchema.shape;
const MAX_LENGTH = {
  code: shape.code.maxLength ?? 30,
  name: shape.name.maxLength ?? 120,
  unit: shape.unit.maxLength ?? 10,
  initials: shape.initials.maxLength ?? 120,
} as const;

const REQUIRED: readonly CsvColumn[] = ['code', 'kind', 'name', 'unit', 'price'];

/** How the missing-column message names a column, whichever language the file was in. */
const COLUMN_TITLE: Readonly<Record<CsvColumn, string>> = {
  code: '编码/code',
  kind: '类型/kind',
  name: '名称/name',
  unit: '单位/unit',
  price: '单价/price',
  initials: '助记码/initials',
  parts: '含配件/parts',
};

// Header titles as stores and dealer management systems write them, compared after
// normalizeHeader: lower case, no spaces, no "(元)" or "（元）" suffix.
const HEADER_ALIASES: Readonly<Record<CsvColumn, readonly string[]>> = {
  code: ['编码', '代码', '编号', '项目编码', '配件编码', 'code', 'itemcode'],
  kind: ['类型', '类别', 'kind', 'type'],
  name: ['名称', '项目名称', '配件名称', 'name', 'description'],
  unit: ['单位', 'unit'],
  price: ['单价', '价格', '销售价', 'price', 'unitprice'],
  initials: ['助记码', '拼音码', '拼音', 'initials', 'pinyin'],
  parts: ['含配件', '带料', '套餐配件', '配件清单', 'parts', 'includedparts'],
};

const KINDS: Readonly<Record<string, LineKind>> = {
  工时: 'labour',
  配件: 'part',
  备件: 'part',
  labour: 'labour',
  labor: 'labour',
  part: 'part',
  parts: 'part',
};

function normalizeHeader(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, '');
}

const COLUMN_BY_HEADER = new Map<string, CsvColumn>(
  (Object.entries(HEADER_ALIASES) as [CsvColumn, readonly string[]][]).flatMap(([column, titles]) =>
    titles.map((title) => [normalizeHeader(title), column] as const),
  ),
);

type ColumnMap = Partial<Record<CsvColumn, { index: number; header: string }>>;

/**
 * `existing`: the catalogue the file is merged into, whose parts a labour row may also name.
 * Without it (a replace, the server's import) the file must hold every part it names.
 */
export function parseCatalogueCsv(
  text: string,
  initialsOf: (name: string) => string,
  existing: ReadonlyMap<string, Pick<CatalogueItem, 'kind'>> = new Map(),
): CatalogueCsvResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Excel's "Unicode text" and WPS exports are tab-separated; a tab in the header (the first
  // line with anything on it) decides.
  const headerLine = /[^\r\n]*[^\s,][^\r\n]*/.exec(source)?.[0] ?? '';
  const delimiter = headerLine.includes('\t') ? TAB : COMMA;

  const items: CatalogueItem[] = [];
  const errors: CsvRowError[] = [];
  const firstLineOfCode = new Map<string, number>();
  // Parts are checked once every row is read: a labour row may come before its parts.
  const partsOf: { item: CatalogueItem; line: number }[] = [];
  let columns: ColumnMap | null = null;
  let rows = 0;

  for (const record of readRecords(source, delimiter)) {
    if (record.unclosedQuote) {
      // Everything after an unclosed quote was read as one field, as Excel does; the rows
      // before it stand, and the message says the rest of the file was not read.
      errors.push({ line: record.line, code: 'csv.unclosedQuote' });
      break;
    }
    const { fields, line } = record;
    if (fields.every((field) => field.trim() === '')) continue; // Excel leaves ",,,," rows
    if (!columns) {
      columns = mapHeader(fields);
      const missing = REQUIRED.filter((column) => !columns?.[column]);
      if (!missing.length) continue;
      const params = { columns: missing.map((column) => COLUMN_TITLE[column]).join(', ') };
      return { items: [], errors: [{ line, column: missing[0], code: 'csv.missingColumn', params }] };
    }
    if (++rows > MAX_CSV_ROWS) {
      return { items: [], errors: [{ line, code: 'csv.tooManyRows', params: { max: MAX_CSV_ROWS } }] };
    }
    const item = readRow({ fields, line, columns, errors }, initialsOf);
    if (!item) continue;
    const firstLine = firstLineOfCode.get(item.code);
    if (firstLine !== undefined) {
      const params = { header: columns.code?.header ?? '', value: item.code, firstLine };
      errors.push({ line, column: 'code', code: 'csv.duplicateCode', params });
      continue;
    }
    firstLineOfCode.set(item.code, line);
    items.push(item);
    if (item.parts) partsOf.push({ item, line });
  }

  if (!columns && !errors.length) return { items: [], errors: [{ line: 1, code: 'csv.empty' }] };
  if (!columns?.parts || partsOf.length === 0) return { items, errors };
  const bad = checkPartCodes(partsOf, items, existing, columns.parts.header, errors);
  // A part error is found after later rows' errors: the list stays in row order (the sort is stable).
  errors.sort((a, b) => a.line - b.line);
  return { items: bad.size > 0 ? items.filter((item) => !bad.has(item)) : items, errors };
}

/** Each part named must be a part of the file or of `existing`; returns the labour rows that are not. */
function checkPartCodes(
  partsOf: readonly { item: CatalogueItem; line: number }[],
  items: readonly CatalogueItem[],
  existing: ReadonlyMap<string, Pick<CatalogueItem, 'kind'>>,
  header: string,
  errors: CsvRowError[],
): Set<CatalogueItem> {
  const kindOf = new Map<string, LineKind>();
  for (const [code, item] of existing) kindOf.set(code, item.kind);
  for (const item of items) kindOf.set(item.code, item.kind);
  const bad = new Set<CatalogueItem>();
  for (const { item, line } of partsOf) {
    for (const part of item.parts ?? []) {
      const kind = kindOf.get(part.code);
      if (kind === 'part') continue;
      errors.push({ line, column: 'parts', code: kind ? 'csv.notAPart' : 'csv.unknownPart', params: { header, value: part.code } });
      bad.add(item);
    }
  }
  return bad;
}

function mapHeader(fields: readonly string[]): ColumnMap {
  const found: ColumnMap = {};
  fields.forEach((title, index) => {
    const column = COLUMN_BY_HEADER.get(normalizeHeader(title));
    // The first column of a kind wins; a second "名称" is some other sheet's leftover.
    if (column && !found[column]) found[column] = { index, header: title.trim() };
  });
  return found;
}

const PRICE_ERROR = { empty: 'csv.emptyField', format: 'csv.badPrice', precision: 'csv.pricePrecision', range: 'csv.priceRange' } as const;

// Plain functions rather than closures per row: a 50,000-row file should not make 200,000
// short-lived functions for the garbage collector.
type Row = { fields: readonly string[]; line: number; columns: ColumnMap; errors: CsvRowError[] };

const cellOf = (row: Row, column: CsvColumn) => {
  const at = row.columns[column];
  return at ? (row.fields[at.index] ?? '').trim() : '';
};

function problem(row: Row, column: CsvColumn, code: CsvErrorCode, params?: Record<string, string | number>): void {
  row.errors.push({ line: row.line, column, code, params: { header: row.columns[column]?.header ?? '', ...params } });
}

/** Thousandths of a quantity written with up to 3 decimals (4, 4.5, 0.25), or null. */
function quantityMilli(written: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,3}))?$/.exec(written);
  if (!match) return null;
  const milli = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return cataloguePartSchema.shape.quantityMilli.safeParse(milli).success ? milli : null;
}

/**
 * The 含配件 cell: `code*quantity` entries split by semicolons (or 、 or line breaks), the
 * quantity in the part's own unit and 1 when left out. Full-width ＊ and ； are read as * and ;.
 */
function partsCell(row: Row, kind: LineKind | undefined): CataloguePart[] | undefined {
  const cell = cellOf(row, 'parts').normalize('NFKC');
  if (cell === '') return undefined;
  if (kind === 'part') {
    problem(row, 'parts', 'csv.partsOnPart');
    return undefined;
  }
  const parts: CataloguePart[] = [];
  for (const entry of cell.split(/[;、\r\n]/)) {
    const written = entry.trim();
    if (written === '') continue; // a trailing semicolon
    const match = /^([^*×]+?)\s*(?:[*×]\s*(\S+))?$/.exec(written);
    const code = match?.[1] ?? '';
    const quantity = match ? quantityMilli(match[2] ?? '1') : null;
    if (!match || quantity === null || code.length > MAX_LENGTH.code || /\s/.test(code)) {
      problem(row, 'parts', 'csv.badParts', { value: written });
      return undefined;
    }
    if (parts.some((part) => part.code === code)) {
      problem(row, 'parts', 'csv.duplicatePart', { value: code });
      return undefined;
    }
    parts.push({ code, quantityMilli: quantity });
  }
  if (parts.length > MAX_PARTS_PER_ITEM) {
    problem(row, 'parts', 'csv.tooManyParts', { max: MAX_PARTS_PER_ITEM });
    return undefined;
  }
  return parts.length > 0 ? parts : undefined;
}

function textCell(row: Row, column: 'code' | 'name' | 'unit', required: boolean): string {
  const raw = cellOf(row, column);
  // A line break typed into an Excel cell (Alt+Enter) is one space on an estimate line.
  const value = column === 'code' ? raw : raw.replace(/\s+/g, ' ');
  if (required && value === '') problem(row, column, 'csv.emptyField');
  else if (value.length > MAX_LENGTH[column]) problem(row, column, 'csv.tooLong', { max: MAX_LENGTH[column] });
  return value;
}

/** One data row as an item, or null with its problems, in column order, added to `row.errors`. */
function readRow(row: Row, initialsOf: (name: string) => string): CatalogueItem | null {
  const errorsBefore = row.errors.length;
  const code = textCell(row, 'code', true);

  const kindText = cellOf(row, 'kind');
  const kind = KINDS[kindText.toLowerCase()];
  if (kindText === '') problem(row, 'kind', 'csv.emptyField');
  else if (!kind) problem(row, 'kind', 'csv.badKind', { value: kindText });

  const name = textCell(row, 'name', true);
  // Labour is sold by the 工时 by definition, so an empty unit there is not worth a rejected row.
  const unit = textCell(row, 'unit', false) || (kind === 'labour' ? '工时' : '');

  const priceText = cellOf(row, 'price');
  const price = parseYuan(priceText);
  let unitPriceFen = 0;
  if (!price.ok) problem(row, 'price', PRICE_ERROR[price.reason], price.reason === 'empty' ? {} : { value: priceText });
  else if (price.fen > MAX_UNIT_PRICE_FEN) problem(row, 'price', 'csv.priceRange', { value: priceText });
  else unitPriceFen = price.fen;

  // A dealer system's own 助记码 wins over computed initials: it is what the staff already type.
  const given = cellOf(row, 'initials');
  const initials = given ? given.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '') : name ? initialsOf(name) : '';
  if (initials.length > MAX_LENGTH.initials) problem(row, 'initials', 'csv.tooLong', { max: MAX_LENGTH.initials });

  // A labour row naming itself is caught with the other codes that are not parts (csv.notAPart).
  const parts = partsCell(row, kind);

  if (row.errors.length > errorsBefore || !kind) return null;
  return { code, kind, name, initials, unit, unitPriceFen, ...(parts ? { parts } : {}) };
}

const COMMA = 0x2c;
const TAB = 0x09;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

type CsvRecord = { unclosedQuote: false; fields: string[]; line: number } | { unclosedQuote: true; line: number };

/**
 * RFC 4180 records with their row numbers: quoted fields with doubled quotes, delimiters and
 * line breaks inside; CRLF, LF or a lone CR (old Mac Excel) between records. Like Excel, a
 * quote inside an unquoted field, or after a closing quote, is kept as a character. A quote
 * left open ends the file with an `unclosedQuote` record at the row where it opened.
 */
function* readRecords(text: string, delimiter: number): Generator<CsvRecord> {
  const length = text.length;
  let pos = 0;
  for (let line = 1; pos < length; line++) {
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text.charCodeAt(pos) === QUOTE) {
        pos++;
        for (;;) {
          const quote = text.indexOf('"', pos);
          if (quote === -1) {
            yield { unclosedQuote: true, line };
            return;
          }
          value += text.slice(pos, quote);
          pos = quote + 1;
          if (text.charCodeAt(pos) !== QUOTE) break;
          value += '"';
          pos++;
        }
      }
      let end = pos;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === delimiter || c === LF || c === CR) break;
        end++;
      }
      fields.push(value + text.slice(pos, end));
      pos = end;
      if (pos === length) break;
      const c = text.charCodeAt(pos);
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      if (c !== delimiter) break;
    }
    yield { unclosedQuote: false, fields, line };
  }
}
