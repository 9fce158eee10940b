// 追加项目: work the workshop finds after check-in. Each additional line is offered with a
// reason (and photos of the worn part), and the customer decides line by line, either on the
// tablet with a signature or by phone (电话确认, recorded by the advisor and labelled as such,
// never as a signature). A decision round is an `Approval`; a line's decision is the one of
// the newest round that names it. Approved lines join the work and the bill; declined ones
// form the 建议项目表 (advised work declined, with the price quoted and the reason).
import { z } from 'zod';
import { estimateTotals, lineFieldsSchema, type EstimateLine, type EstimateTotals } from './estimate.ts';
import { isoDateTime, text } from './primitives.ts';

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

/** What the rounds need of a signature: its kind and the round it is of (roundCounts). */
export type SignatureRef = { kind: string; subjectId?: string | undefined };

type WithAdditions = {
  additions: Record<string, Addition>;
  approvals: Record<string, Approval>;
  signatures: Record<string, SignatureRef>;
};

/** Rounds oldest first: by decision time, then id (UUIDv7, so the later-made one). */
export function approvalsInOrder(job: Pick<WithAdditions, 'approvals'>): Approval[] {
  return Object.values(job.approvals).sort((a, b) => {
    const ta = Date.parse(a.decidedAt);
    const tb = Date.parse(b.decidedAt);
    return ta !== tb ? ta - tb : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export type DecidedAddition = Addition & { decision: Decision | null; approval: Approval | null };

/**
 * Whether a round decides anything: a phone confirmation does; a round decided on the tablet
 * does once its signature is on the card. The tablet writes both in one transaction, but the
 * server may refuse the signature (given on content another tablet changed meanwhile): the
 * round then stays in the history and decides nothing, so no line is approved unsigned.
 */
export function roundCounts(job: Pick<WithAdditions, 'signatures'>, approval: Approval): boolean {
  if (approval.via.kind === 'phone') return true;
  return Object.values(job.signatures).some((s) => s.kind === 'additional' && s.subjectId === approval.id);
}

/** The rounds that decide, oldest first (see roundCounts). */
export function countedApprovals(job: Pick<WithAdditions, 'approvals' | 'signatures'>): Approval[] {
  return approvalsInOrder(job).filter((approval) => roundCounts(job, approval));
}

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

/** 交车时间 as it stands: the newest counted round that moved it, else the estimate's. */
export function promisedAt(job: WithEstimate): string | null {
  const moved = countedApprovals(job).filter((a) => a.promisedAt !== null);
  return moved.at(-1)?.promisedAt ?? job.estimate.promisedAt;
}
