// 追加项目: work the workshop finds after check-in. Each additional line is offered with a
// reason (and photos of the worn part), and the customer decides line by line, either on the
// tablet with a signature or by phone (电话确认, recorded by the advisor and labelled as such,
// never as a signature). A decision round is an `Approval`; a line's decision is the one of
// the newest round that names it. Approved lines join the work and the bill; declined ones
// form the 建议项目表 (advised work declined, with the price quoted and the reason).
import { z } from 'zod';
import { estimateTotals, lineFieldsSchema, type EstimateLine, type EstimateTotals } from './estimate.ts';
import { isoDateTime, text } from './primitives.ts';
import { approvalsInOrder, roundCounts, type SignatureRef } from './addition-rounds.ts';

// The rounds' plain functions are in addition-rounds.ts, so the job list loads them without
// this module's schemas; importers of additions.ts keep finding them here.
export { approvalsInOrder, countedApprovals, promisedAt, roundCounts } from './addition-rounds.ts';
export type { SignatureRef } from './addition-rounds.ts';

export const DECISIONS = ['approved', 'declined'] as const;
export type Decision = (typeof DECISIONS)[number];

export const additionFieldsSchema = lineFieldsSchema.extend({
  /** Why the workshop advises it: what they found. */
  reason: text(200).min(1, { message: 'required' }),
});
export type AdditionFields = z.infer<typeof additionFieldsSchema>;

export const additionSchema = additionFieldsSchema.extend({
  id: z.uuid(),
  createdAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type Addition = z.infer<typeof additionSchema>;

/** How the customer decided: on this tablet with a signature, or by phone. */
export const approvalViaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signature') }).strict(),
  z
    .object({
      kind: z.literal('phone'),
      /** When the call was made. */
      calledAt: isoDateTime,
      /** The number called. */
      phone: text(30).min(1, { message: 'required' }),
      /** Who agreed on the phone (the customer, or who they named). */
      agreedBy: text(50).min(1, { message: 'required' }),
    })
    .strict(),
]);
export type ApprovalVia = z.infer<typeof approvalViaSchema>;

export const approvalFieldsSchema = z.object({
  id: z.uuid(),
  /** Each line decided in this round: additional line id → decision. */
  decisions: z.record(z.uuid(), z.enum(DECISIONS)).refine((d) => Object.keys(d).length > 0, { message: 'required' }),
  /** The promised time agreed with the additions, if it moved. */
  promisedAt: isoDateTime.nullable(),
  via: approvalViaSchema,
});
export const approvalSchema = approvalFieldsSchema.extend({
  decidedAt: isoDateTime,
  advisorId: z.uuid().nullable(),
});
export type Approval = z.infer<typeof approvalSchema>;
export type ApprovalFields = z.infer<typeof approvalFieldsSchema>;

type WithAdditions = {
  additions: Record<string, Addition>;
  approvals: Record<string, Approval>;
  signatures: Record<string, SignatureRef>;
};

export type DecidedAddition = Addition & { decision: Decision | null; approval: Approval | null };

/**
 * Every live additional line with its decision: that of the newest counted round naming it
 * (up to and including round `upTo`, when given, which counts as signed: it is the round being
 * signed), or null while the customer has not decided.
 */
export function decidedAdditions(job: WithAdditions, upTo?: string): DecidedAddition[] {
  const latest = new Map<string, Approval>();
  for (const approval of approvalsInOrder(job)) {
    if (approval.id !== upTo && !roundCounts(job, approval)) continue;
    for (const lineId of Object.keys(approval.decisions)) latest.set(lineId, approval);
    if (approval.id === upTo) break;
  }
  return Object.values(job.additions)
    .filter((line) => line.deletedAt === null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((line) => {
      const approval = latest.get(line.id) ?? null;
      return { ...line, decision: approval?.decisions[line.id] ?? null, approval };
    });
}

/** Lines still waiting for the customer. */
export function undecidedAdditions(job: WithAdditions): DecidedAddition[] {
  return decidedAdditions(job).filter((line) => line.decision === null);
}

/** 建议项目表: what the customer declined, with the price quoted and the reason. */
export function declinedAdditions(job: WithAdditions, upTo?: string): DecidedAddition[] {
  return decidedAdditions(job, upTo).filter((line) => line.decision === 'declined');
}

export function approvedAdditions(job: WithAdditions, upTo?: string): DecidedAddition[] {
  return decidedAdditions(job, upTo).filter((line) => line.decision === 'approved');
}

type WithEstimate = WithAdditions & { estimate: { lines: Record<string, EstimateLine>; promisedAt: string | null } };

/** The work as agreed: the estimate's live lines and the approved additions (up to a round). */
export function agreedTotals(job: WithEstimate, upTo?: string): EstimateTotals {
  const estimateLines = Object.values(job.estimate.lines).filter((line) => line.deletedAt === null);
  return estimateTotals([...estimateLines, ...approvedAdditions(job, upTo)]);
}
