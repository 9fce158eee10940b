import { useState, type ReactNode } from 'react';
import { db } from '../../../db/instance.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { Job } from '../../../shared/job.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { lockForCustomer } from '../customer-lock.ts';
import { useSignatureStatuses } from '../hooks/use-signature-statuses.ts';
import { handOverNeedsPin } from '../unlock-pin.ts';
import { handOverDocuments } from '../waiting-documents.ts';
import { PinSetupDialog } from './PinSetupDialog.tsx';

/** Hands the tablet over for `kind`; `documents` (in order) when the caller chose them. */
export type HandOverTo = (kind: SignatureKind, documents?: readonly SignatureKind[]) => void;
type HandOverProps = { job: Job; children: (handOver: HandOverTo) => ReactNode };
type Pending = { kind: SignatureKind; documents: readonly SignatureKind[] };

/**
 * Hands the tablet to the customer: customer mode, locked until the advisor's PIN, with the
 * document asked for and everything else waiting for the customer (waiting-documents.ts), so
 * the customer signs them all in one visit. Without a PIN there would be no way back, so one
 * is set first. Other features get `handOver` from the app, which composes them with this one.
 */
export function HandOver({ job, children }: HandOverProps) {
  const { t } = useI18n();
  const statuses = useSignatureStatuses(job);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);

  const handOver: HandOverTo = (kind, documents = handOverDocuments(job, kind, statuses)) => {
    setError(null);
    handOverNeedsPin(db).then(
      (needsPin) => (needsPin ? setPending({ kind, documents }) : lockForCustomer(job.id, kind, documents)),
      (e: unknown) => setError(t('pin.failed', { reason: errorText(e) })),
    );
  };

  return (
    <>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {children(handOver)}
      {pending && (
        <PinSetupDialog
          onCancel={() => setPending(null)}
          onDone={() => {
            setPending(null);
            lockForCustomer(job.id, pending.kind, pending.documents);
          }}
        />
      )}
    </>
  );
}
