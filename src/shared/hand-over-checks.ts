// What to flag before the customer signs: marks whose severity nobody chose, and the terms of
// an estimate with lines (交车时间, 旧件, 结账方式, 洗车) still empty. Pure, so the walk-around,
// the estimate step and the hand-over all ask the same question and get the same answer.
import type { Job } from './job.ts';
import { checkinDamages } from './signed-content.ts';
import { live } from './walkaround.ts';

export type EstimateTerm = 'promisedAt' | 'oldParts' | 'payment' | 'carWash';
export const ESTIMATE_TERMS = ['promisedAt', 'oldParts', 'payment', 'carWash'] as const satisfies readonly EstimateTerm[];

export type HandOverFlag =
  | { kind: 'severityUnset'; damageId: string }
  | { kind: 'estimateTermUnset'; term: EstimateTerm };

/** The estimate's terms still empty; none while it has no live line (nothing to agree yet). */
export function unsetEstimateTerms(estimate: Job['estimate']): EstimateTerm[] {
  if (live(estimate.lines).length === 0) return [];
  return ESTIMATE_TERMS.filter((term) => estimate[term] === null);
}

/** What to flag before the customer signs, in the order the form asks for it. */
export function handOverFlags(job: Pick<Job, 'damages' | 'estimate'>): HandOverFlag[] {
  const flags: HandOverFlag[] = checkinDamages(job)
    .filter((damage) => damage.severity === null)
    .map((damage) => ({ kind: 'severityUnset', damageId: damage.id }));
  for (const term of unsetEstimateTerms(job.estimate)) flags.push({ kind: 'estimateTermUnset', term });
  return flags;
}
