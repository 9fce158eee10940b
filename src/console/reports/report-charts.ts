// Each report's chart as an ECharts option, from the same report the tables read: plain bars
// and lines, the axis labels in the console's language, money in yuan.
import type { EChartsCoreOption } from 'echarts/core';
import type { AdditionsReport, CheckInsReport, CheckInTimeReport, EstimateVsBillReport, FollowUpsReport, OverdueReport } from '../../shared/console/report-api.ts';
import { FOLLOW_UP_RESULTS, FOLLOW_UP_STATES } from '../../shared/console/report-api.ts';
import { SERVICE_TYPES } from '../../shared/job.ts';
import type { Words } from '../language.tsx';
import { LATENESS_WORDS, W } from './messages.ts';
import { advisorKeysOf, advisorName, minutesLabel, photosLabel, resultWord, serviceWord, stateWord, type Speaker } from './report-tables.ts';

const base = { animation: false, tooltip: { trigger: 'axis' }, grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true } };
const yuan = (fen: number) => fen / 100;

export function checkInsChart(report: CheckInsReport, split: 'advisor' | 'service', s: Speaker): EChartsCoreOption {
  const keys = split === 'advisor' ? advisorKeysOf(report) : [...SERVICE_TYPES, 'none'];
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'category', data: report.buckets.map((bucket) => bucket.key) },
    yAxis: { type: 'value', minInterval: 1, name: s.say(W.cars) },
    series: keys.map((key) => ({
      type: 'bar',
      // Service types overlap (a card may have two): side by side, not stacked.
      ...(split === 'advisor' ? { stack: 'cars' } : {}),
      name: split === 'advisor' ? advisorName(report, key, s) : serviceWord(key, s),
      data: report.buckets.map((bucket) => (split === 'advisor' ? bucket.byAdvisor[key] : bucket.byService[key]) ?? 0),
    })),
  };
}

export function checkInTimeChart(report: CheckInTimeReport, s: Speaker): EChartsCoreOption {
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'category', name: s.say(W.minutes), data: report.minutesHistogram.map(minutesLabel) },
    yAxis: { type: 'value', minInterval: 1, name: s.say(W.cards) },
    series: [{ type: 'bar', name: s.say(W.cards), data: report.minutesHistogram.map((b) => b.count) }],
  };
}

export function photosChart(report: CheckInTimeReport, s: Speaker): EChartsCoreOption {
  return {
    ...base,
    xAxis: { type: 'category', name: s.say(W.photos), data: report.photosHistogram.map(photosLabel) },
    yAxis: { type: 'value', minInterval: 1, name: s.say(W.cards) },
    series: [{ type: 'bar', name: s.say(W.cards), data: report.photosHistogram.map((b) => b.count), itemStyle: { color: '#0f766e' } }],
  };
}

/** Two amounts side by side per advisor (offered and approved, estimate and bill), in yuan. */
function amountsPerAdvisor<R extends { advisorId: string }>(
  report: { advisors: { id: string; name: string }[] },
  rows: readonly R[],
  bars: readonly [Words, (row: R) => number][],
  s: Speaker,
): EChartsCoreOption {
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((row) => advisorName(report, row.advisorId, s)) },
    yAxis: { type: 'value', name: '¥' },
    series: bars.map(([words, fen]) => ({ type: 'bar', name: s.say(words), data: rows.map((row) => yuan(fen(row))) })),
  };
}

export const additionsChart = (report: AdditionsReport, s: Speaker) =>
  amountsPerAdvisor(report, report.byAdvisor, [[W.offeredAmount, (row) => row.offeredFen], [W.approvedAmount, (row) => row.approvedFen]], s);

export const estimateVsBillChart = (report: EstimateVsBillReport, s: Speaker) =>
  amountsPerAdvisor(report, report.byAdvisor, [[W.estimate, (row) => row.estimateFen], [W.bill, (row) => row.finalFen]], s);

export function overdueChart(report: OverdueReport, s: Speaker): EChartsCoreOption {
  return {
    ...base,
    xAxis: { type: 'category', name: s.say(W.lateness), data: report.byLateness.map((row) => s.say(LATENESS_WORDS[row.key])) },
    yAxis: { type: 'value', minInterval: 1, name: s.say(W.cars) },
    series: [{ type: 'bar', name: s.say(W.cars), data: report.byLateness.map((row) => row.count), itemStyle: { color: '#b91c1c' } }],
  };
}

export function followUpsChart(report: FollowUpsReport, s: Speaker): EChartsCoreOption {
  const results = FOLLOW_UP_RESULTS.map((result) => resultWord(result, s));
  const states = FOLLOW_UP_STATES.map((state) => stateWord(state, s));
  return {
    ...base,
    grid: [
      { left: 48, right: '55%', top: 40, bottom: 32, containLabel: true },
      { left: '55%', right: 16, top: 40, bottom: 32, containLabel: true },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: results, name: s.say(W.outcome), nameLocation: 'middle', nameGap: 28 },
      { type: 'category', gridIndex: 1, data: states, name: s.say(W.state), nameLocation: 'middle', nameGap: 28 },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1 },
      { type: 'value', gridIndex: 1, minInterval: 1 },
    ],
    series: [
      { type: 'bar', name: s.say(W.outcome), xAxisIndex: 0, yAxisIndex: 0, data: FOLLOW_UP_RESULTS.map((result) => report.outcomes[result]) },
      { type: 'bar', name: s.say(W.state), xAxisIndex: 1, yAxisIndex: 1, data: FOLLOW_UP_STATES.map((state) => report.states[state]), itemStyle: { color: '#b45309' } },
    ],
  };
}
