import { useState } from 'react';
import { db } from '../../../db/instance.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { Job } from '../../../shared/job.ts';
import { SIGNATURE_KINDS, type SignatureKind } from '../../../shared/signature.ts';
import { lockForCustomer } from '../customer-lock.ts';
import { useSignatureStatuses } from '../hooks/use-signature-statuses.ts';
import { handOverNeedsPin } from '../unlock-pin.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { PinSetupDialog } from './PinSetupDialog.tsx';
import { SignatureKindCard } from './SignatureKindCard.tsx';

/** The documents the desk has the customer sign at check-in; the others appear once signed. */
const DESK_KINDS: readonly SignatureKind[] = ['checkin', 'estimate'];

/** The 客户签字 step: each document's signature state, its history, and the hand-over. */
export function SigningStep({ job }: { job: Job }) {
  const { t } = useI18n();
  const statuses = useSignatureStatuses(job);
  const [pinFor, setPinFor] = useState<SignatureKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signed = new Set(Object.values(job.signatures).map((s) => s.kind));
  const kinds = SIGNATURE_KINDS.filter((kind) => DESK_KINDS.includes(kind) || signed.has(kind));

  // Without a PIN there would be no way back from customer mode: set one first.
  async function handOver(kind: SignatureKind) {
    try {
      if (await handOverNeedsPin(db)) setPinFor(kind);
      else lockForCustomer(job.id, kind);
    } catch (e) {
      setError(t('pin.failed', { reason: errorText(e) }));
    }
  }

  return (
    <div className="signing">
      <p className="signing-intro">{t('signing.intro')}</p>
      <button type="button" className="btn btn-large" onClick={() => navigate(`/print/${job.id}`)}>
        🖨 {t('print.open')}
      </button>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {kinds.map((kind) => (
        <SignatureKindCard key={kind} job={job} kind={kind} statuses={statuses} onHandOver={() => void handOver(kind)} />
      ))}
      {pinFor && (
        <PinSetupDialog
          onCancel={() => setPinFor(null)}
          onDone={() => {
            setPinFor(null);
            lockForCustomer(job.id, pinFor);
          }}
        />
      )}
    </div>
  );
}
