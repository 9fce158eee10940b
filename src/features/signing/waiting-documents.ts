// Which documents a hand-over to the customer holds. Everything waiting for the customer is
// signed in one visit to customer mode, one document after another, so the advisor enters the
// PIN once: at the desk the check-in condition and the estimate, later a round of 追加项目
// and the 交车确认. A document with nothing to sign (an estimate without lines) is left out.
import { undecidedAdditions } from '../../shared/additions.ts';
import type { Job } from '../../shared/job.ts';
import type { SignatureKind } from '../../shared/signature.ts';
import { documentNeedsSignature, signedContent, type SignatureStatus } from '../../shared/signed-content.ts';

/** The order the customer goes through them: as the paper forms come at the desk. */
export const DOCUMENT_ORDER: readonly SignatureKind[] = ['checkin', 'estimate', 'additional', 'delivery'];
/** Signed at the desk, from the form's 客户签字 step. */
export const DESK_DOCUMENTS: readonly SignatureKind[] = ['checkin', 'estimate'];
/** Signed after check-in, from the card's sections. */
export const WORK_DOCUMENTS: readonly SignatureKind[] = ['additional', 'delivery'];

type Statuses = Readonly<Record<string, SignatureStatus | undefined>>;

/** Whether the document has anything for the customer to sign now. */
export function hasSomethingToSign(job: Job, kind: SignatureKind): boolean {
  switch (kind) {
    case 'checkin':
      return true;
    case 'estimate':
      return signedContent(job, 'estimate').lines.length > 0;
    case 'additional':
      return undecidedAdditions(job).length > 0;
    case 'delivery':
      // The customer accepts the car once it is ready for collection (or again, if stale).
      return job.status === 'ready' || job.status === 'delivered';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * The documents of `among` waiting for the customer: something to sign and no valid signature
 * (a round of 追加项目 waits while a line is undecided). While a signature's status is still
 * being hashed its document does not count as waiting, so nothing is re-signed by accident.
 */
export function waitingDocuments(job: Job, among: readonly SignatureKind[], statuses: Statuses): SignatureKind[] {
  return DOCUMENT_ORDER.filter(
    (kind) => among.includes(kind) && hasSomethingToSign(job, kind) && (kind === 'additional' || documentNeedsSignature(job, kind, statuses)),
  );
}

/** A hand-over asked for `kind` from the card after check-in: it and whatever else waits. */
export function handOverDocuments(job: Job, kind: SignatureKind, statuses: Statuses): SignatureKind[] {
  const waiting = waitingDocuments(job, WORK_DOCUMENTS, statuses);
  return DOCUMENT_ORDER.filter((k) => k === kind || waiting.includes(k));
}
