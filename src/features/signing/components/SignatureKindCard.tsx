import { useId } from 'react';
import type { Job } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { Signature, SignatureKind } from '../../../shared/signature.ts';
import { documentSignatureState, latestSignatures, type SignatureStatus } from '../../../shared/signed-content.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { hasSomethingToSign } from '../waiting-documents.ts';
import { SignatureImage } from './SignatureImage.tsx';
import { SignatureState } from './SignatureState.tsx';

type SignatureKindCardProps = {
  job: Job;
  kind: SignatureKind;
  statuses: Readonly<Record<string, SignatureStatus | undefined>>;
};

/** One document to sign: its newest signature and state, and the history (one hand-over signs them all). */
export function SignatureKindCard({ job, kind, statuses }: SignatureKindCardProps) {
  const { t } = useI18n();
  const headingId = useId();
  const latest = latestSignatures(job)[kind];
  const state = documentSignatureState(job, kind, statuses);
  // An estimate without lines asks the customer to approve nothing at all: not handed over.
  const nothingToSign = !hasSomethingToSign(job, kind);
  const history = Object.values(job.signatures)
    .filter((s) => s.kind === kind)
    .sort(newestFirst);

  return (
    <section className={`sign-kind sign-kind-${state}`} aria-labelledby={headingId}>
      <div className="sign-kind-head">
        <h3 id={headingId}>{t(`signing.kind.${kind}`)}</h3>
        <SignatureState state={state} />
      </div>
      {latest && (
        <figure className="sign-latest">
          <SignatureImage signature={latest} />
          <figcaption>{t('signing.signedBy', { name: latest.signerName, time: formatLocalDateTime(latest.signedAt) })}</figcaption>
        </figure>
      )}
      {state === 'stale' && (
        <p className="banner sign-stale" role="alert">
          ⚠ {t('signing.stale')}
        </p>
      )}
      {nothingToSign && <p className="field-hint">{t('signing.noLines')}</p>}
      {history.length > 0 && <SignatureHistory signatures={history} statuses={statuses} />}
    </section>
  );
}

type SignatureHistoryProps = { signatures: Signature[]; statuses: SignatureKindCardProps['statuses'] };

/** Every signature of the document, newest first; stale ones stay for the audit trail. */
function SignatureHistory({ signatures, statuses }: SignatureHistoryProps) {
  const { t } = useI18n();
  return (
    <div className="sign-history">
      <h4>{t('signing.history', { count: signatures.length })}</h4>
      <ol>
        {signatures.map((signature, i) => (
          <li key={signature.id}>
            <SignatureImage signature={signature} size="small" />
            <span className="sign-history-who">
              {t('signing.signedBy', { name: signature.signerName, time: formatLocalDateTime(signature.signedAt) })}
              {i === 0 && <span className="sign-history-latest">{t('signing.latest')}</span>}
            </span>
            <SignatureState state={statuses[signature.id] ?? 'checking'} />
          </li>
        ))}
      </ol>
    </div>
  );
}

// The order latestSignatures uses: by instant (offsets differ), then by id (UUIDv7).
function newestFirst(a: Signature, b: Signature): number {
  return Date.parse(b.signedAt) - Date.parse(a.signedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
