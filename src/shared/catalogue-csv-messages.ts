// The catalogue CSV's error sentences, one per CsvErrorCode, each naming its row, column and
// value. Shared: the tablet's import screen shows them, and the admin command line prints them.
import type { CsvErrorCode } from './catalogue-csv.ts';

const zhCN: Record<CsvErrorCode, string> = {
  'csv.empty': '文件是空的，没有表头和数据',
  'csv.missingColumn': '第 {line} 行（表头）缺少列：{columns}',
  'csv.tooManyRows': '第 {line} 行：文件超过 {max} 行，未导入',
  'csv.unclosedQuote': '第 {line} 行：引号没有闭合，此行及之后的内容未读取',
  'csv.emptyField': '第 {line} 行："{header}"为空',
  'csv.badKind': '第 {line} 行："{header}"应为"工时"或"配件"，实际为"{value}"',
  'csv.badPrice': '第 {line} 行："{header}"的"{value}"不是有效金额，如 45.50',
  'csv.pricePrecision': '第 {line} 行："{header}"的"{value}"最多 2 位小数（到分）',
  'csv.priceRange': '第 {line} 行："{header}"的"{value}"超出范围（0 至 999,999.99 元）',
  'csv.tooLong': '第 {line} 行："{header}"太长（最多 {max} 个字）',
  'csv.duplicateCode': '第 {line} 行：编码"{value}"与第 {firstLine} 行重复，已跳过',
  'csv.badParts': '第 {line} 行："{header}"中的"{value}"应写成 配件编码*数量（数量大于 0，最多 3 位小数），多个用分号隔开，如 P-10001*4;P-20001*1',
  'csv.tooManyParts': '第 {line} 行："{header}"最多 {max} 个配件',
  'csv.duplicatePart': '第 {line} 行："{header}"中配件"{value}"写了两次，请合并为一个数量',
  'csv.partsOnPart': '第 {line} 行：只有工时项目可以带配件，此行是配件，请清空"{header}"',
  'csv.unknownPart': '第 {line} 行："{header}"中的配件编码"{value}"在文件和目录中都找不到（或该行有错误），请核对编码或把这个配件加入文件',
  'csv.notAPart': '第 {line} 行："{header}"中的"{value}"是工时项目，不是配件，请换成配件编码',
};

const en: Record<CsvErrorCode, string> = {
  'csv.empty': 'The file is empty: no header, no rows',
  'csv.missingColumn': 'Row {line} (header) lacks the columns: {columns}',
  'csv.tooManyRows': 'Row {line}: the file has more than {max} rows; nothing imported',
  'csv.unclosedQuote': 'Row {line}: a quote is never closed; this row and the rest were not read',
  'csv.emptyField': 'Row {line}: "{header}" is empty',
  'csv.badKind': 'Row {line}: "{header}" must be labour (工时) or part (配件), not "{value}"',
  'csv.badPrice': 'Row {line}: "{header}" value "{value}" is not a price, like 45.50',
  'csv.pricePrecision': 'Row {line}: "{header}" value "{value}" has more than 2 decimals',
  'csv.priceRange': 'Row {line}: "{header}" value "{value}" is out of range (0 to 999,999.99)',
  'csv.tooLong': 'Row {line}: "{header}" is too long (at most {max} characters)',
  'csv.duplicateCode': 'Row {line}: code "{value}" repeats row {firstLine}; skipped',
  'csv.badParts': 'Row {line}: "{header}" entry "{value}" must read part code*quantity (above 0, at most 3 decimals), several separated by semicolons, e.g. P-10001*4;P-20001*1',
  'csv.tooManyParts': 'Row {line}: "{header}" lists more than {max} parts',
  'csv.duplicatePart': 'Row {line}: "{header}" lists part "{value}" twice; write it once with the total quantity',
  'csv.partsOnPart': 'Row {line}: only a labour item can carry parts and this row is a part; empty "{header}"',
  'csv.unknownPart': 'Row {line}: "{header}" names part code "{value}", which is neither in the file nor in the catalogue (or its row has errors); check the code or add that part to the file',
  'csv.notAPart': 'Row {line}: "{header}" names "{value}", which is labour, not a part; use a part code',
};

export const CSV_ERROR_MESSAGES = { 'zh-CN': zhCN, en } as const;
