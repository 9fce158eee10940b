// 报表: the figures a service manager asks for each morning and at the end of the month, for a
// period and optionally one advisor, each with a chart, a table of the same numbers beside it,
// and CSV and Excel downloads. The charts' library loads with this page, never before.
import { useState } from 'react';
import { useSay } from '../language.tsx';
import { W } from './messages.ts';
import { PeriodPicker, thisMonth } from './PeriodPicker.tsx';
import { ReportSections } from './ReportSections.tsx';
import type { ReportFilter } from './use-report.ts';
import './reports.css';

export default function ReportsPage() {
  const say = useSay();
  const [filter, setFilter] = useState<ReportFilter>(() => ({ ...thisMonth(), advisor: '' }));
  // The store's advisors (their names come with every report) for the advisor picker.
  const [advisors, setAdvisors] = useState<{ id: string; name: string }[]>([]);
  const period = `${filter.from} – ${filter.to}`;
  return (
    <div className="reports-page">
      <h1>{say(W.title)}</h1>
      <PeriodPicker filter={filter} advisors={advisors} onChange={setFilter} />
      <ReportSections filter={filter} period={period} onAdvisors={setAdvisors} />
    </div>
  );
}
