// One report on the page: its title and what it counts, the chart with the table of the same
// numbers beside it, and the CSV and Excel downloads of those tables.
import { useState, type ReactNode } from 'react';
import { useSay } from '../language.tsx';
import { downloadCsv, downloadXlsx } from './export-files.ts';
import { W } from './messages.ts';
import type { Table } from './report-tables.ts';
import { ReportTable } from './ReportTable.tsx';

type ReportSectionProps = {
  id: string;
  title: string;
  hint: string;
  /** "2026-11-01 – 2026-11-30", written at the top of the files. */
  period: string;
  state: { loading: boolean; error: string | null };
  tables: Table[] | null;
  chart: ReactNode;
  tools?: ReactNode;
};

export function ReportSection({ id, title, hint, period, state, tables, chart, tools }: ReportSectionProps) {
  const say = useSay();
  const [exportError, setExportError] = useState<string | null>(null);
  const fileName = `${id}-${period.replace(/[^0-9-]+/g, '_')}`;
  const run = (work: () => void | Promise<void>) => {
    setExportError(null);
    Promise.resolve()
      .then(work)
      .catch((error: unknown) => setExportError(say(W.exportFailed, { message: error instanceof Error ? error.message : String(error) })));
  };
  return (
    <section className="console-card report-section" aria-labelledby={`${id}-title`} data-report={id}>
      <header className="report-head">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          <p className="console-hint">{hint}</p>
        </div>
        <div className="report-tools">
          {tools}
          <button type="button" className="console-button" disabled={!tables} onClick={() => tables && run(() => downloadCsv(fileName, title, period, tables))}>
            {say(W.csv)}
          </button>
          <button type="button" className="console-button" disabled={!tables} onClick={() => tables && run(() => downloadXlsx(fileName, title, period, tables))}>
            {say(W.xlsx)}
          </button>
        </div>
      </header>
      {exportError && <p className="console-error" role="alert">{exportError}</p>}
      {state.error && <p className="console-error" role="alert">{state.error}</p>}
      {state.loading && !tables && <p className="console-loading" role="status">{say(W.loading)}</p>}
      {tables && (
        <div className="report-body" aria-busy={state.loading}>
          <div className="report-charts">{chart}</div>
          <div className="report-tables">
            {tables.map((table, i) => (
              <ReportTable key={i} table={table} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
