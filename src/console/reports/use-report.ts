// Reads one report for the page's period and advisor, again whenever they change; an older
// answer arriving after a newer question is dropped.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { REPORT_SCHEMAS, type ReportName, type ReportOf } from '../../shared/console/report-api.ts';
import { consoleApi } from '../console-api.ts';

export type ReportFilter = { from: string; to: string; advisor: string };
export type Granularity = 'day' | 'week' | 'month';
export type ReportState<N extends ReportName> = { data: ReportOf[N] | null; loading: boolean; error: string | null };

/** The report's address; `by` only where it matters (进厂台次), so another choice of it asks nothing else again. */
export function reportPath(name: ReportName, filter: ReportFilter, by?: Granularity): string {
  const query = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.advisor) query.set('advisor', filter.advisor);
  if (by) query.set('by', by);
  return `/api/v1/console/reports/${name}?${query.toString()}`;
}

export function useReport<N extends ReportName>(name: N, filter: ReportFilter, by?: Granularity): ReportState<N> {
  const path = reportPath(name, filter, by);
  const [state, setState] = useState<ReportState<N>>({ data: null, loading: true, error: null });
  useEffect(() => {
    let current = true;
    setState((before) => ({ ...before, loading: true, error: null }));
    consoleApi<unknown>(path, { schema: REPORT_SCHEMAS[name] as z.ZodType<unknown> }).then(
      (data) => current && setState({ data: data as ReportOf[N], loading: false, error: null }),
      (error: unknown) => current && setState((before) => ({ ...before, loading: false, error: error instanceof Error ? error.message : String(error) })),
    );
    return () => {
      current = false;
    };
  }, [name, path]);
  return state;
}
