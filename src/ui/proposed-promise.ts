// The new 交车时间 the advisor proposes with additional work, until the customer decides. It
// is a proposal, not a fact of the card: it lives on this tablet only (localStorage, keyed by
// job) and becomes part of the card when a decision round is recorded with it, signed on the
// tablet or confirmed by phone. The additional-work panel writes it before the hand-over, the
// locked customer screen reads it (a reload in customer mode keeps it, as the lock is kept).
import { isoDateTime } from '../shared/primitives.ts';

const PREFIX = 'walkaround.proposedPromise.';

/** The proposed time for this job, or null (none, or storage unreadable). */
export function readProposedPromise(jobId: string): string | null {
  try {
    const value = globalThis.localStorage?.getItem(PREFIX + jobId) ?? null;
    return value !== null && isoDateTime.safeParse(value).success ? value : null;
  } catch {
    return null;
  }
}

/** Sets (or, with null, clears) the proposed time for this job. */
export function writeProposedPromise(jobId: string, promisedAt: string | null): void {
  try {
    if (promisedAt === null) localStorage.removeItem(PREFIX + jobId);
    else localStorage.setItem(PREFIX + jobId, promisedAt);
  } catch {
    // Storage refused (private mode, full): the customer then sees no new time and none is
    // signed, which is what they are shown; the advisor can record it by phone instead.
  }
}
