// What the customer is shown when deciding additional work on the tablet: the lines still
// waiting for them, each with the choice made so far, the new total and the new promised
// time. It is computed the way addSignature computes what it hashes (the decision round
// applied by the shared reducer, then signedContent), so once every line is chosen the
// screen shows exactly the content the signature is of (only the round's id, never shown,
// is made at the signature).
import { undecidedAdditions, type Decision } from '../../shared/additions.ts';
import { applyMutation } from '../../shared/apply-mutation.ts';
import type { Job } from '../../shared/job.ts';
import { nowIso } from '../../shared/local-time.ts';
import { signedContent, type AdditionalContent, type SignedAddition } from '../../shared/signed-content.ts';

/** A placeholder round id: the real one is made by addSignature and only names the round. */
const PREVIEW_ROUND = '00000000-0000-7000-8000-000000000000';

export type ReviewLine = SignedAddition & { id: string; decision: Decision | null };

export type AdditionalReview = {
  lines: ReviewLine[];
  /** Totals once the choices made so far stand: a line not chosen yet counts as not approved. */
  totals: AdditionalContent['totals'];
  promisedAt: string | null;
  /** Every shown line chosen: the decisions to sign, else null. */
  decisions: Record<string, Decision> | null;
  /** Lines not chosen yet. */
  missing: number;
};

export function additionalReview(job: Job, choices: Readonly<Record<string, Decision>>, promisedAt: string | null, now = new Date()): AdditionalReview {
  const pending = undecidedAdditions(job);
  // A line not chosen yet is included as declined: it is then shown (signedContent shows the
  // lines a round names) and adds nothing to the total, as it would not until approved.
  const provisional = Object.fromEntries(pending.map((line) => [line.id, choices[line.id] ?? 'declined'] as const));
  const decided =
    pending.length === 0
      ? job
      : (applyMutation(job, {
          op: 'addition.decide',
          payload: { id: PREVIEW_ROUND, decisions: provisional, promisedAt, via: { kind: 'signature' } },
          mutationId: PREVIEW_ROUND,
          clientId: PREVIEW_ROUND,
          seq: 1,
          jobId: job.id,
          createdAt: nowIso(now),
        }) ?? job);
  const content = signedContent(decided, 'additional', pending.length === 0 ? undefined : PREVIEW_ROUND);
  // signedContent lists the round's lines in the order of decidedAdditions, as `pending` is.
  const lines = content.lines.map((line, i) => {
    const id = pending[i]?.id ?? '';
    return { ...line, id, decision: choices[id] ?? null };
  });
  const missing = lines.filter((line) => line.decision === null).length;
  const decisions = missing === 0 && lines.length > 0 ? Object.fromEntries(lines.map((l) => [l.id, l.decision as Decision])) : null;
  return { lines, totals: content.totals, promisedAt: content.promisedAt, decisions, missing };
}
