import type { Signature, SignatureKind } from '../../../shared/signature.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { ReturnTabletPin } from './ReturnTabletPin.tsx';
import { SignatureImage } from './SignatureImage.tsx';

type AllSignedProps = {
  jobId: string;
  /** The document the tablet was handed over for: the PIN returns to where it is asked for. */
  returnTo: SignatureKind;
  documents: readonly SignatureKind[];
  signed: ReadonlyMap<SignatureKind, Signature>;
};

/**
 * The end of the hand-over: the customer's thanks, what they signed, and the advisor's PIN
 * right on the screen handed back (no button to open it), the one PIN of the whole hand-over.
 */
export function AllSigned({ jobId, returnTo, documents, signed }: AllSignedProps) {
  const { t } = useI18n();
  return (
    <main className="customer-page customer-thanks" role="status">
      <p className="customer-thanks-mark" aria-hidden="true">
        ✓
      </p>
      <h1>{t('signing.thanks')}</h1>
      <ul className="customer-signed-list">
        {documents.map((kind) => {
          const signature = signed.get(kind);
          return (
            <li key={kind}>
              <strong>{t(`signing.kind.${kind}`)}</strong>
              {signature ? (
                <>
                  <SignatureImage signature={signature} size="small" />
                  <span>{t('signing.signedBy', { name: signature.signerName, time: formatLocalDateTime(signature.signedAt) })}</span>
                </>
              ) : (
                <span>{t('customer.nothingToSign')}</span>
              )}
            </li>
          );
        })}
      </ul>
      <ReturnTabletPin jobId={jobId} kind={returnTo} />
    </main>
  );
}
