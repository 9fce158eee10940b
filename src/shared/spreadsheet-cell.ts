// Cells of the files the console exports (CSV, XLSX) for a spreadsheet to open. A text that
// starts with =, +, -, @ (or a tab or carriage return, which some spreadsheets skip before
// reading one) would be run as a formula: a customer named "=HYPERLINK(...)" could make the
// manager's Excel fetch or show anything. Such a text gets an apostrophe in front, which the
// spreadsheet shows as plain text (OWASP, "CSV injection"). Numbers stay numbers.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet must receive it: numbers as they are, a formula-like text neutralised. */
export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180: a field with a comma, quote or line break is quoted), cells neutralised. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells
    .map((cell) => {
      const safe = String(safeCell(cell));
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}

/** A whole CSV file: a BOM so Excel opens the UTF-8 as Chinese, CRLF line ends. */
export function csvFile(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
}
