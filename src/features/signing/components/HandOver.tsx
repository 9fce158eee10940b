import { useState, type ReactNode } from 'react';
import { db } from '../../../db/instance.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { lockForCustomer } from '../customer-lock.ts';
import { handOverNeedsPin } from '../unlock-pin.ts';
import { PinSetupDialog } from './PinSetupDialog.tsx';

type HandOverProps = { jobId: string; children: (handOver: (kind: SignatureKind) => void) => ReactNode };

/**
 * Hands the tablet to the customer for one document of this card: customer mode, locked until
 * the advisor's PIN. Without a PIN there would be no way back, so one is set first. Other
 * features get `handOver` from the app, which composes them with this one.
 */
export function HandOver({ jobId, children }: HandOverProps) {
  const { t } = useI18n();
  const [pinFor, setPinFor] = useState<SignatureKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  function handOver(kind: SignatureKind) {
    setError(null);
    handOverNeedsPin(db).then(
      (needsPin) => (needsPin ? setPinFor(kind) : lockForCustomer(jobId, kind)),
      (e: unknown) => setError(t('pin.failed', { reason: errorText(e) })),
    );
  }

  return (
    <>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {children(handOver)}
      {pinFor && (
        <PinSetupDialog
          onCancel={() => setPinFor(null)}
          onDone={() => {
            setPinFor(null);
            lockForCustomer(jobId, pinFor);
          }}
        />
      )}
    </>
  );
}
