// 结算单: what the customer pays at handover, in integer 分. The estimate's live lines plus
// the additional lines the customer approved, less the bill's own discount; declined lines
// are never counted. Every difference from the signed estimate is listed line by line, so the
// advisor can explain the bill and the customer can see why it is not the estimate's total.
import { agreedTotals, approvedAdditions, type Addition, type Approval, type SignatureRef } from './additions.ts';
import { estimateTotals, lineAmounts, type EstimateLine, type EstimateTotals, type PaymentMethod } from './estimate.ts';
import type { Handover } from './handover.ts';

type BillJob = {
  estimate: { lines: Record<string, EstimateLine>; payment: PaymentMethod | null; promisedAt: string | null };
  additions: Record<string, Addition>;
  approvals: Record<string, Approval>;
  signatures: Record<string, SignatureRef>;
  handover: Pick<Handover, 'discountFen' | 'discountReason' | 'paidFen' | 'payment'>;
};

/** One reason the bill differs from the estimate the customer signed. */
export type BillDifference =
  | { kind: 'addition'; lineId: string; description: string; reason: string; netFen: number; via: Approval['via']['kind'] }
  | { kind: 'discount'; reason: string; fen: number };

export type Bill = {
  /** The estimate's own lines, as at check-in (and as edited since). */
  estimate: EstimateTotals;
  /** The approved additional lines. */
  additions: EstimateTotals;
  /** Estimate and approved additions together, before the bill discount. */
  agreed: EstimateTotals;
  discountFen: number;
  /** 应收: never below zero, whatever discount was typed. */
  dueFen: number;
  paidFen: number | null;
  /** 应收 − 实收: positive while the customer still owes. */
  outstandingFen: number | null;
  payment: PaymentMethod | null;
  differences: BillDifference[];
};

export function bill(job: BillJob): Bill {
  const estimate = estimateTotals(Object.values(job.estimate.lines).filter((line) => line.deletedAt === null));
  const approved = approvedAdditions(job);
  const agreed = agreedTotals(job);
  const discountFen = Math.min(job.handover.discountFen, agreed.totalFen);
  const dueFen = agreed.totalFen - discountFen;
  const { paidFen } = job.handover;
  const differences: BillDifference[] = approved.map((line) => ({
    kind: 'addition',
    lineId: line.id,
    description: line.description,
    reason: line.reason,
    netFen: lineAmounts(line).netFen,
    via: line.approval?.via.kind ?? 'signature',
  }));
  if (discountFen > 0) differences.push({ kind: 'discount', reason: job.handover.discountReason, fen: discountFen });
  return {
    estimate,
    additions: estimateTotals(approved),
    agreed,
    discountFen,
    dueFen,
    paidFen,
    outstandingFen: paidFen === null ? null : dueFen - paidFen,
    // The method chosen at check-in stands until the desk records another at payment.
    payment: job.handover.payment ?? job.estimate.payment,
    differences,
  };
}
