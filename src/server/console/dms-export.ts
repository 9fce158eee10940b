// The DMS export's content (shared/console/export-api.ts): the cards checked in on the days
// asked, each with its lines of work (the estimate's live lines, then the additional lines the
// customer approved), as the JSON the schema documents or as CSV with one row per line and
// the card's fields repeated (a card without lines still has its one row). Every CSV cell goes
// through shared/spreadsheet-cell.ts, which neutralises a formula a customer's name could hide.
import { approvedAdditions } from '../../shared/additions.ts';
import { bill } from '../../shared/bill.ts';
import { CSV_COLUMNS, MAX_EXPORT_CARDS, type ExportCard, type ExportLine, type ExportQuery, type ExportResponse } from '../../shared/console/export-api.ts';
import { lineAmounts, type LineFields } from '../../shared/estimate.ts';
import type { Job } from '../../shared/job.ts';
import { csvFile } from '../../shared/spreadsheet-cell.ts';
import { live } from '../../shared/walkaround.ts';
import { HttpError } from '../api/http-error.ts';
import { inPeriod, instantsAround } from '../reports/period.ts';
import type { Storage } from '../storage/storage.ts';
import { jobFacts } from './job-facts.ts';

type Advisor = { id: string; username: string; name: string };

function exportLine(line: LineFields & { id: string }, source: ExportLine['source']): ExportLine {
  const { kind, code, description, quantityMilli, unitPriceFen, discountBp } = line;
  return { lineId: line.id, source, kind, code, description, quantityMilli, unitPriceFen, discountBp, ...lineAmounts(line) };
}

export function exportCard(job: Job & { checkedInAt: string }, advisors: ReadonlyMap<string, Advisor>): ExportCard {
  const due = bill(job);
  const facts = jobFacts(job);
  const { customer, vehicle } = job.card;
  return {
    jobId: job.id,
    number: job.number,
    status: job.status,
    createdAt: job.createdAt,
    checkedInAt: job.checkedInAt,
    deliveredAt: facts.deliveredAt,
    promisedAt: facts.promisedAt,
    advisor: (facts.advisorId && advisors.get(facts.advisorId)) || null,
    customer: { name: customer.name, phone: customer.phone, company: customer.company },
    vehicle: { plate: vehicle.plate, vin: vehicle.vin, model: vehicle.model, color: vehicle.color, engineNo: vehicle.engineNo },
    odometerKm: job.card.odometerKm,
    serviceTypes: facts.serviceTypes,
    customerRequest: job.card.customerRequest,
    estimateFen: due.estimate.totalFen,
    approvedAdditionsFen: due.additions.totalFen,
    discountFen: due.discountFen,
    dueFen: due.dueFen,
    paidFen: due.paidFen,
    lines: [...live(job.estimate.lines).map((line) => exportLine(line, 'estimate')), ...approvedAdditions(job).map((line) => exportLine(line, 'addition'))],
  };
}

/** The cards checked in on the query's days (the store's clock), oldest first; refused past MAX_EXPORT_CARDS. */
export async function exportCards(storage: Storage, storeId: string, query: ExportQuery): Promise<ExportResponse> {
  const [store, jobs, advisors] = await Promise.all([
    storage.getStore(storeId),
    storage.jobsCheckedIn(storeId, instantsAround(query.from, query.to), MAX_EXPORT_CARDS + 1),
    storage.listAllAdvisors(storeId),
  ]);
  if (!store) throw new HttpError(404, 'not_found', 'The store was not found.');
  const cards = jobs.filter((job): job is Job & { checkedInAt: string } => inPeriod(job.checkedInAt, query.from, query.to));
  if (jobs.length > MAX_EXPORT_CARDS) {
    throw new HttpError(
      400,
      'too_many_cards',
      `More than ${MAX_EXPORT_CARDS} cards were checked in from ${query.from} to ${query.to}: export fewer days at a time.`,
    );
  }
  const byId = new Map(advisors.map((advisor) => [advisor.id, { id: advisor.id, username: advisor.username, name: advisor.name }]));
  return {
    store: { code: store.code, name: store.name },
    from: query.from,
    to: query.to,
    generatedAt: new Date().toISOString(),
    cards: cards.map((job) => exportCard(job, byId)),
  };
}

/** The CSV file: a header row of CSV_COLUMNS, then one row per line of each card. */
export function exportCsv(content: ExportResponse): string {
  const rows = content.cards.flatMap((card) => {
    const head = [
      card.jobId, card.number, card.status, card.checkedInAt, card.deliveredAt, card.promisedAt, card.advisor?.username, card.advisor?.name,
      card.customer.name, card.customer.phone, card.customer.company, card.vehicle.plate, card.vehicle.vin, card.vehicle.model,
      card.vehicle.color, card.vehicle.engineNo, card.odometerKm, card.serviceTypes.join(' '), card.customerRequest, card.estimateFen,
      card.approvedAdditionsFen, card.discountFen, card.dueFen, card.paidFen,
    ];
    const lines = card.lines.map((line) => [
      line.lineId, line.source, line.kind, line.code, line.description, line.quantityMilli, line.unitPriceFen, line.discountBp, line.grossFen,
      line.discountFen, line.netFen,
    ]);
    // A card without lines still has its row, its line cells empty (every row as wide as the header).
    const blank = Array.from({ length: CSV_COLUMNS.length - head.length }, () => null);
    return (lines.length > 0 ? lines : [blank]).map((line) => [...head, ...line]);
  });
  return csvFile([[...CSV_COLUMNS], ...rows]);
}

export const exportFileName = (storeCode: string, query: ExportQuery, format: 'csv' | 'json') =>
  `walkaround-${storeCode}-${query.from}${query.to === query.from ? '' : `_${query.to}`}.${format}`;
