// Which cards each report reads and how: a report of check-ins reads the cards created in the
// period (and a month before it, for a draft checked in later), one of deliveries the cards
// delivered in it (the follow-ups also those delivered lately, for the calls to make now), the
// overdue cars the cards still open; each asks the records a little wider
// than the period (period.ts) and keeps exactly its local days.
import type { ReportName, ReportOf, ReportQuery } from '../../shared/console/report-api.ts';
import type { FactsQuery, Storage } from '../storage/storage.ts';
import { additionsReport } from './additions.ts';
import { checkInTimeReport } from './check-in-time.ts';
import { checkInsReport } from './check-ins.ts';
import { damageMapReport } from './damage-map.ts';
import { estimateVsBillReport } from './estimate-vs-bill.ts';
import { FOLLOW_UP_LIST_DAYS, followUpsReport } from './follow-ups.ts';
import { overdueReport } from './overdue.ts';
import { addDays, instantsAround } from './period.ts';

/** A card opened up to this many days before its check-in still counts on its check-in day. */
export const DRAFT_DAYS_BEFORE_CHECK_IN = 31;

function factsQueryOf(name: ReportName, query: ReportQuery): FactsQuery {
  switch (name) {
    case 'check-ins':
    case 'check-in-time':
    case 'additions':
    case 'damage-map':
      return { kind: 'created', ...instantsAround(addDays(query.from, -DRAFT_DAYS_BEFORE_CHECK_IN), query.to) };
    case 'estimate-vs-bill':
    case 'follow-ups':
      return { kind: 'delivered', ...instantsAround(query.from, query.to) };
    case 'overdue':
      return { kind: 'open' };
    default: {
      const never: never = name;
      throw new Error(`Unknown report ${String(never)}`);
    }
  }
}

/** The cards delivered in the last FOLLOW_UP_LIST_DAYS, for the calls to make now (a little wider; the report narrows it). */
function recentDeliveries(now: Date): FactsQuery {
  return { kind: 'delivered', from: new Date(now.getTime() - (FOLLOW_UP_LIST_DAYS + 1) * 86_400_000).toISOString(), to: new Date(now.getTime() + 60_000).toISOString() };
}

export async function runReport<N extends ReportName>(name: N, storage: Storage, storeId: string, query: ReportQuery, now: Date): Promise<ReportOf[N]> {
  const [facts, advisors, recent] = await Promise.all([
    storage.consoleFacts(storeId, factsQueryOf(name, query)),
    storage.listAllAdvisors(storeId),
    name === 'follow-ups' ? storage.consoleFacts(storeId, recentDeliveries(now)) : Promise.resolve([]),
  ]);
  const params = { from: query.from, to: query.to, advisorId: query.advisor ?? null };
  const reports: { [K in ReportName]: () => ReportOf[K] } = {
    'check-ins': () => checkInsReport(facts, advisors, { ...params, by: query.by }),
    'check-in-time': () => checkInTimeReport(facts, advisors, params),
    additions: () => additionsReport(facts, advisors, params),
    'estimate-vs-bill': () => estimateVsBillReport(facts, advisors, params),
    overdue: () => overdueReport(facts, advisors, params, now),
    'follow-ups': () => followUpsReport(facts, recent, advisors, params, now),
    'damage-map': () => damageMapReport(facts, advisors, params),
  };
  return reports[name]();
}
