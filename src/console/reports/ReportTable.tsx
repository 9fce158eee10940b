// A report's numbers as a table, readable without the chart: a caption, a header row and the
// rows as the files export them (format-cell.ts says how each kind reads).
import { formatCell } from './format-cell.ts';
import type { Table } from './report-tables.ts';

export function ReportTable({ table }: { table: Table }) {
  const numeric = (kind: string) => kind !== 'text' && kind !== 'time';
  return (
    <div className="report-table-box">
      <table className="console-table report-table">
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={i} scope="col" className={numeric(column.kind) ? 'number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((value, i) => {
                const column = table.columns[i] ?? { label: '', kind: 'text' as const };
                return i === 0 ? (
                  <th key={i} scope="row">
                    {formatCell(value, column)}
                  </th>
                ) : (
                  <td key={i} className={numeric(column.kind) ? 'number' : undefined}>
                    {formatCell(value, column)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
