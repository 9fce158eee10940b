import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/job.ts';
import { signatureStatuses, type SignatureStatus } from '../../../shared/signed-content.ts';

type Statuses = Readonly<Record<string, SignatureStatus | undefined>>;
const NONE: Statuses = {};

/**
 * Whether each signature on the job still matches what the job says now (hashing is async).
 * Answers belong to the job they were computed for: after any change the old answers are not
 * shown, so a signature is never called valid for content it did not sign, even for a frame.
 */
export function useSignatureStatuses(job: Job): Statuses {
  const [result, setResult] = useState<{ job: Job; statuses: Statuses } | null>(null);
  useEffect(() => {
    let current = true;
    signatureStatuses(job).then(
      (statuses) => {
        if (current) setResult({ job, statuses });
      },
      // Web Crypto missing (an insecure origin) leaves every status "checking": the app could
      // not have hashed the photos either, and guessing "valid" would be worse.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [job]);
  return result?.job === job ? result.statuses : NONE;
}
