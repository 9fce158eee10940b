// The decision rounds of 追加项目 as plain functions: which rounds count, in what order, and
// the 交车时间 they moved. The job list reads promisedAt at start, so these load without the
// schemas of additions.ts (whose zod would otherwise be built before the first screen).
import type { Approval } from './additions.ts';

/** What the rounds need of a signature: its kind and the round it is of (roundCounts). */
export type SignatureRef = { kind: string; subjectId?: string | undefined };

type WithRounds = {
  approvals: Record<string, Approval>;
  signatures: Record<string, SignatureRef>;
};

/** Rounds oldest first: by decision time, then id (UUIDv7, so the later-made one). */
export function approvalsInOrder(job: Pick<WithRounds, 'approvals'>): Approval[] {
  return Object.values(job.approvals).sort((a, b) => {
    const ta = Date.parse(a.decidedAt);
    const tb = Date.parse(b.decidedAt);
    return ta !== tb ? ta - tb : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * Whether a round decides anything: a phone confirmation does; a round decided on the tablet
 * does once its signature is on the card. The tablet writes both in one transaction, but the
 * server may refuse the signature (given on content another tablet changed meanwhile): the
 * round then stays in the history and decides nothing, so no line is approved unsigned.
 */
export function roundCounts(job: Pick<WithRounds, 'signatures'>, approval: Approval): boolean {
  if (approval.via.kind === 'phone') return true;
  return Object.values(job.signatures).some((s) => s.kind === 'additional' && s.subjectId === approval.id);
}

/** The rounds that decide, oldest first (see roundCounts). */
export function countedApprovals(job: WithRounds): Approval[] {
  return approvalsInOrder(job).filter((approval) => roundCounts(job, approval));
}

/** 交车时间 as it stands: the newest counted round that moved it, else the estimate's. */
export function promisedAt(job: WithRounds & { estimate: { promisedAt: string | null } }): string | null {
  const moved = countedApprovals(job).filter((a) => a.promisedAt !== null);
  return moved.at(-1)?.promisedAt ?? job.estimate.promisedAt;
}
