// 追加项目: additional work offered after check-in against what the customers approved, in
// lines and in 分, for the cars checked in in the period, per advisor and in total.
import { NO_ADVISOR, type AdditionsReport, type AdditionsRow } from '../../shared/console/report-api.ts';
import type { JobFacts } from '../console/job-facts.ts';
import { base, byAdvisor, selected, type AdvisorName, type ReportParams } from './selection.ts';

function row(advisorId: string, cards: readonly JobFacts[]): AdditionsRow {
  const sum = (pick: (card: JobFacts) => number) => cards.reduce((total, card) => total + pick(card), 0);
  return {
    advisorId,
    cards: cards.length,
    cardsWithAdditions: cards.filter((card) => card.additionsOffered > 0).length,
    offered: sum((card) => card.additionsOffered),
    offeredFen: sum((card) => card.additionsOfferedFen),
    approved: sum((card) => card.additionsApproved),
    approvedFen: sum((card) => card.additionsApprovedFen),
  };
}

export function additionsReport(facts: readonly JobFacts[], advisors: readonly AdvisorName[], params: ReportParams): AdditionsReport {
  const cards = selected(facts, params, (card) => card.checkedInAt);
  return { ...base(params, advisors), total: row(params.advisorId ?? 'all', cards), byAdvisor: byAdvisor(cards, advisors, row) };
}

export { NO_ADVISOR };
