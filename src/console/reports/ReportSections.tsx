// The seven reports, each a section that reads its report for the page's filter and shows its
// chart beside its tables (report-charts.ts, report-tables.ts).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ReportName, ReportOf } from '../../shared/console/report-api.ts';
import { useLanguage, useSay, type Words } from '../language.tsx';
import { DamageHeatMap } from './DamageHeatMap.tsx';
import { EChart } from './EChart.tsx';
import { W } from './messages.ts';
import { additionsChart, checkInsChart, checkInTimeChart, estimateVsBillChart, followUpsChart, overdueChart, photosChart } from './report-charts.ts';
import { additionsTables, checkInsTables, checkInTimeTables, damageMapTables, estimateVsBillTables, followUpsTables, overdueTables, type Speaker, type Table } from './report-tables.ts';
import { ReportSection } from './ReportSection.tsx';
import { useReport, type Granularity, type ReportFilter } from './use-report.ts';

type SectionProps = { filter: ReportFilter; period: string };
type Advisors = { id: string; name: string }[];

function useSpeaker(): Speaker {
  const say = useSay();
  const { language } = useLanguage();
  return useMemo(() => ({ say, language }), [say, language]);
}

type ReportProps<N extends ReportName> = SectionProps & {
  name: N;
  title: Words;
  hint: Words;
  tables: (report: ReportOf[N], s: Speaker) => Table[];
  chart: (report: ReportOf[N], s: Speaker) => ReactNode;
  tools?: ReactNode;
  by?: Granularity;
  onAdvisors?: (advisors: Advisors) => void;
};

function Report<N extends ReportName>({ name, title, hint, filter, period, tables, chart, tools, by, onAdvisors }: ReportProps<N>) {
  const s = useSpeaker();
  const state = useReport(name, filter, by);
  const report = state.data;
  useEffect(() => {
    if (report && onAdvisors) onAdvisors(report.advisors);
  }, [report, onAdvisors]);
  const made = useMemo(() => (report ? { tables: tables(report, s), chart: chart(report, s) } : null), [report, s, tables, chart]);
  return (
    <ReportSection id={name} title={s.say(title)} hint={s.say(hint)} period={period} state={state} tables={made?.tables ?? null} chart={made?.chart} tools={tools} />
  );
}

function CheckIns(props: SectionProps & { onAdvisors: (advisors: Advisors) => void }) {
  const say = useSay();
  const [split, setSplit] = useState<'advisor' | 'service'>('advisor');
  const [by, setBy] = useState<Granularity>('day');
  const chart = useMemo(
    () => (report: ReportOf['check-ins'], s: Speaker) => <EChart option={checkInsChart(report, split, s)} label={s.say(W.checkIns)} height={320} />,
    [split],
  );
  const tools = (
    <>
      <div className="report-by" role="group" aria-label={say(W.by)}>
        {(['day', 'week', 'month'] as const).map((choice) => (
          <button key={choice} type="button" className="console-button" aria-pressed={by === choice} onClick={() => setBy(choice)}>
            {say(W[choice])}
          </button>
        ))}
      </div>
      <label className="console-field report-inline">
      {say(W.splitBy)}
      <select value={split} onChange={(event) => setSplit(event.target.value === 'service' ? 'service' : 'advisor')}>
        <option value="advisor">{say(W.byAdvisor)}</option>
        <option value="service">{say(W.byService)}</option>
        </select>
      </label>
    </>
  );
  return <Report {...props} name="check-ins" title={W.checkIns} hint={W.checkInsHint} tables={checkInsTables} chart={chart} tools={tools} by={by} />;
}

const timeCharts = (report: ReportOf['check-in-time'], s: Speaker) => (
  <>
    <EChart option={checkInTimeChart(report, s)} label={s.say(W.minutes)} />
    <EChart option={photosChart(report, s)} label={s.say(W.photos)} />
  </>
);
const additionsChartOf = (report: ReportOf['additions'], s: Speaker) => <EChart option={additionsChart(report, s)} label={s.say(W.additions)} />;
const billChartOf = (report: ReportOf['estimate-vs-bill'], s: Speaker) => <EChart option={estimateVsBillChart(report, s)} label={s.say(W.estimateVsBill)} />;
const overdueChartOf = (report: ReportOf['overdue'], s: Speaker) => <EChart option={overdueChart(report, s)} label={s.say(W.overdue)} />;
const followUpsChartOf = (report: ReportOf['follow-ups'], s: Speaker) => <EChart option={followUpsChart(report, s)} label={s.say(W.followUps)} />;
const heatMapOf = (report: ReportOf['damage-map']) => <DamageHeatMap report={report} />;

export function ReportSections({ onAdvisors, ...props }: SectionProps & { onAdvisors: (advisors: Advisors) => void }) {
  return (
    <>
      <CheckIns {...props} onAdvisors={onAdvisors} />
      <Report {...props} name="check-in-time" title={W.checkInTime} hint={W.checkInTimeHint} tables={checkInTimeTables} chart={timeCharts} />
      <Report {...props} name="additions" title={W.additions} hint={W.additionsHint} tables={additionsTables} chart={additionsChartOf} />
      <Report {...props} name="estimate-vs-bill" title={W.estimateVsBill} hint={W.estimateVsBillHint} tables={estimateVsBillTables} chart={billChartOf} />
      <Report {...props} name="overdue" title={W.overdue} hint={W.overdueHint} tables={overdueTables} chart={overdueChartOf} />
      <Report {...props} name="follow-ups" title={W.followUps} hint={W.followUpsHint} tables={followUpsTables} chart={followUpsChartOf} />
      <Report {...props} name="damage-map" title={W.damageMap} hint={W.damageMapHint} tables={damageMapTables} chart={heatMapOf} />
    </>
  );
}
