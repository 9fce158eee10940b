// A report's tables as the manager's files: CSV (UTF-8 with BOM, opens in Excel as Chinese) and
// XLSX (exceljs, loaded only when asked for). Every cell goes through safeCell, so a customer
// named "=HYPERLINK(…)" stays text; money goes as yuan numbers, shares as fractions.
import type * as ExcelJS from 'exceljs';
import { csvFile, safeCell } from '../../shared/spreadsheet-cell.ts';
import { saveBlob } from '../console-api.ts';
import { formatCell } from './format-cell.ts';
import type { Cell, Column, Table } from './report-tables.ts';

/** A cell as the file holds it: a number where the spreadsheet should count, text otherwise. */
function fileCell(value: Cell, column: Column): string | number {
  if (value === null) return '';
  switch (column.kind) {
    case 'fen':
      return typeof value === 'number' ? value / 100 : safeCell(value);
    case 'percent':
      return typeof value === 'number' ? Math.round(value * 1000) / 1000 : safeCell(value);
    case 'time':
      return typeof value === 'string' ? safeCell(formatCell(value, column)) : value;
    default:
      return safeCell(value);
  }
}

const fileRows = (table: Table) => [table.columns.map((column) => column.label), ...table.rows.map((row) => row.map((value, i) => fileCell(value, table.columns[i] ?? { label: '', kind: 'text' })))];

/** One CSV: each table under its title, a blank line between them. */
export function reportCsv(title: string, period: string, tables: readonly Table[]): string {
  const rows: (string | number)[][] = [[title, period]];
  for (const table of tables) rows.push([], [table.title], ...fileRows(table));
  return csvFile(rows);
}

export function downloadCsv(fileName: string, title: string, period: string, tables: readonly Table[]): void {
  saveBlob(new Blob([reportCsv(title, period, tables)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

type ExcelModule = typeof ExcelJS;

/** One sheet per table (Excel sheet names: at most 31 characters, none of []:*?/\ and unique). */
export async function reportXlsx(title: string, period: string, tables: readonly Table[]): Promise<ArrayBuffer> {
  const loaded = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  const excel = loaded.default ?? loaded;
  const book = new excel.Workbook();
  book.creator = 'Walkaround';
  const used = new Set<string>();
  for (const table of tables) {
    let name = table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
    for (let n = 2; used.has(name); n++) name = `${name.slice(0, 26)} ${n}`;
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow([safeCell(title), safeCell(period)]).font = { bold: true };
    const header = sheet.addRow(table.columns.map((column) => safeCell(column.label)));
    header.font = { bold: true };
    for (const row of fileRows(table).slice(1)) sheet.addRow(row);
    table.columns.forEach((column, i) => {
      const sheetColumn = sheet.getColumn(i + 1);
      sheetColumn.width = Math.max(10, Math.min(40, column.label.length * 2 + 4));
      if (column.kind === 'fen') sheetColumn.numFmt = '¥#,##0.00';
      if (column.kind === 'percent') sheetColumn.numFmt = '0.0%';
    });
  }
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

export async function downloadXlsx(fileName: string, title: string, period: string, tables: readonly Table[]): Promise<void> {
  const bytes = await reportXlsx(title, period, tables);
  saveBlob(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${fileName}.xlsx`);
}
