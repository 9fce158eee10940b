// Where the two documents the bill depends on stand: the estimate the customer signed (the
// bill explains every difference from it) and the 交车确认 signed at the car. Hashing is async;
// an answer belongs to the job it was computed for, so a changed card never shows an old "valid".
import { useEffect, useState } from 'react';
import type { Job } from '../../shared/job.ts';
import { documentSignatureState, signatureStatuses, type DocumentSignatureState } from '../../shared/signed-content.ts';

export type BillSignatureStates = { estimate: DocumentSignatureState; delivery: DocumentSignatureState };

export function useBillSignatureStates(job: Job): BillSignatureStates {
  const [result, setResult] = useState<{ job: Job; states: BillSignatureStates } | null>(null);
  useEffect(() => {
    let current = true;
    signatureStatuses(job).then(
      (statuses) => {
        if (current) setResult({ job, states: { estimate: documentSignatureState(job, 'estimate', statuses), delivery: documentSignatureState(job, 'delivery', statuses) } });
      },
      // No Web Crypto (an insecure origin): stay "checking" rather than guess.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [job]);
  if (result?.job === job) return result.states;
  // Before the answer: unsigned documents are known without hashing.
  return { estimate: documentSignatureState(job, 'estimate', {}), delivery: documentSignatureState(job, 'delivery', {}) };
}
