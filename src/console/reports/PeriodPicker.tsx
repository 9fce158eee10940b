// The period and advisor the reports are for: two dates of the store's calendar, quick choices
// (this month, last month, the last 30 days, this year) and one advisor or all. A period the
// server would refuse is explained here and not asked for.
import { useState } from 'react';
import { reportQuerySchema } from '../../shared/console/report-api.ts';
import { storeDayOf } from '../../shared/console/store-day.ts';
import { useSay } from '../language.tsx';
import { W } from './messages.ts';
import type { ReportFilter } from './use-report.ts';

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function today(): string {
  return storeDayOf(new Date());
}

export function thisMonth(): Pick<ReportFilter, 'from' | 'to'> {
  const day = today();
  return { from: `${day.slice(0, 7)}-01`, to: day };
}

function quickRanges(): { key: 'thisMonth' | 'lastMonth' | 'last30' | 'thisYear'; from: string; to: string }[] {
  const day = today();
  const firstOfMonth = `${day.slice(0, 7)}-01`;
  const endOfLast = shift(firstOfMonth, -1);
  return [
    { key: 'thisMonth', from: firstOfMonth, to: day },
    { key: 'lastMonth', from: `${endOfLast.slice(0, 7)}-01`, to: endOfLast },
    { key: 'last30', from: shift(day, -29), to: day },
    { key: 'thisYear', from: `${day.slice(0, 4)}-01-01`, to: day },
  ];
}

type PeriodPickerProps = {
  filter: ReportFilter;
  advisors: { id: string; name: string }[];
  onChange: (filter: ReportFilter) => void;
};

export function PeriodPicker({ filter, advisors, onChange }: PeriodPickerProps) {
  const say = useSay();
  const [draft, setDraft] = useState({ from: filter.from, to: filter.to });
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (next: { from: string; to: string }) => {
    setDraft(next);
    const checked = reportQuerySchema.safeParse({ ...next, ...(filter.advisor ? { advisor: filter.advisor } : {}) });
    if (!checked.success) {
      setProblem(say(W.badPeriod, { message: checked.error.issues.map((issue) => issue.message).join('; ') }));
      return;
    }
    setProblem(null);
    onChange({ ...filter, ...next });
  };

  return (
    <form className="console-card report-filter" onSubmit={(event) => event.preventDefault()}>
      <label className="console-field">
        {say(W.from)}
        <input type="date" value={draft.from} max={draft.to} onChange={(event) => apply({ ...draft, from: event.target.value })} />
      </label>
      <label className="console-field">
        {say(W.to)}
        <input type="date" value={draft.to} min={draft.from} onChange={(event) => apply({ ...draft, to: event.target.value })} />
      </label>
      <label className="console-field">
        {say(W.advisor)}
        <select value={filter.advisor} onChange={(event) => onChange({ ...filter, advisor: event.target.value })}>
          <option value="">{say(W.allAdvisors)}</option>
          {advisors.map((advisor) => (
            <option key={advisor.id} value={advisor.id}>
              {advisor.name}
            </option>
          ))}
        </select>
      </label>
      <div className="report-quick">
        {quickRanges().map((range) => (
          <button key={range.key} type="button" className="console-button" aria-pressed={draft.from === range.from && draft.to === range.to} onClick={() => apply(range)}>
            {say(W[range.key])}
          </button>
        ))}
      </div>
      {problem && (
        <p className="console-error report-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
