// 估价 against 结算: for the cars delivered in the period, the estimate the customer signed at
// check-in against what the bill asked at handover (approved additions and discounts included).
import type { BillRow, EstimateVsBillReport } from '../../shared/console/report-api.ts';
import type { JobFacts } from '../console/job-facts.ts';
import { base, byAdvisor, selected, type AdvisorName, type ReportParams } from './selection.ts';

function row(advisorId: string, cards: readonly JobFacts[]): BillRow {
  return {
    advisorId,
    cards: cards.length,
    estimateFen: cards.reduce((sum, card) => sum + card.estimateFen, 0),
    finalFen: cards.reduce((sum, card) => sum + (card.finalFen ?? 0), 0),
    cardsOver: cards.filter((card) => (card.finalFen ?? 0) > card.estimateFen).length,
    cardsUnder: cards.filter((card) => (card.finalFen ?? 0) < card.estimateFen).length,
  };
}

export function estimateVsBillReport(facts: readonly JobFacts[], advisors: readonly AdvisorName[], params: ReportParams): EstimateVsBillReport {
  const cards = selected(facts, params, (card) => card.deliveredAt).filter((card) => card.finalFen !== null);
  return { ...base(params, advisors), total: row(params.advisorId ?? 'all', cards), byAdvisor: byAdvisor(cards, advisors, row) };
}
