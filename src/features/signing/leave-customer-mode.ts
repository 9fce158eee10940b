// The way back from customer mode, once the advisor's PIN is verified: to the section of the
// card the tablet was handed over from, whichever way back was taken (顾问解锁 in the header,
// or the PIN under the thanks for 追加项目). One mapping serves both, so they never disagree.
import type { SignatureKind } from '../../shared/signature.ts';
import { navigate } from '../../ui/navigation.ts';
import { unlock } from './customer-lock.ts';

/** The card's step or section each document is handed over from. */
const HANDED_OVER_FROM: Record<SignatureKind, string> = {
  checkin: 'signing',
  estimate: 'signing',
  additional: 'additions',
  delivery: 'bill',
};

/** Where the advisor lands after the customer signed (or did not) a document of this kind. */
export function returnPath(jobId: string, kind: SignatureKind): string {
  return `/jobs/${jobId}/${HANDED_OVER_FROM[kind]}`;
}

/** Ends customer mode; only after the advisor's PIN was verified. */
export function leaveCustomerMode(jobId: string, kind: SignatureKind): void {
  // The address first, then the lock: the first unlocked frame is already the card.
  navigate(returnPath(jobId, kind), { replace: true });
  unlock();
}
