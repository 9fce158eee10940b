// How a report's cell reads on screen: counts as digits, money as ¥1,234.50, shares as 12.5%,
// times on the store's clock (2026-11-27 14:30), nothing as "—".
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { formatFen } from '../../shared/money.ts';
import type { Cell, Column } from './report-tables.ts';

export function formatCell(value: Cell, column: Column): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return column.kind === 'time' ? formatLocalDateTime(value) : value;
  switch (column.kind) {
    case 'fen':
      return formatFen(value);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'decimal':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    default:
      return String(value);
  }
}
