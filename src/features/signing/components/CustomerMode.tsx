import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { db } from '../../../db/instance.ts';
import { getJob } from '../../../db/job-queries.ts';
import type { Job } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { Signature, SignatureKind } from '../../../shared/signature.ts';
import { signedContent } from '../../../shared/signed-content.ts';
import { LanguageButton } from '../../../ui/AppBarParts.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { AdditionalDecision } from './AdditionalDecision.tsx';
import { CheckinReview } from './CheckinReview.tsx';
import { DeliveryReview } from './DeliveryReview.tsx';
import { EstimateReview } from './EstimateReview.tsx';
import { IdentityReview } from './IdentityReview.tsx';
import { PinUnlockDialog } from './PinUnlockDialog.tsx';
import { ReturnTabletPin } from './ReturnTabletPin.tsx';
import { SignatureImage } from './SignatureImage.tsx';
import { SignForm } from './SignForm.tsx';

type CustomerModeProps = { jobId: string; kind: SignatureKind; since: string };

/**
 * 客户模式: the one screen the customer can reach. The review is rendered from
 * signedContent(job, kind), the very data that is hashed into the signature, so what the
 * customer reads is by construction what they sign. Once signed it thanks them and stays
 * locked until the advisor's PIN.
 */
export function CustomerMode({ jobId, kind, since }: CustomerModeProps) {
  const { t } = useI18n();
  const job = useLiveQuery(async () => (await getJob(db, jobId)) ?? null, [jobId]);
  const [unlocking, setUnlocking] = useState(false);
  // Read from the card, not from component state, so a reload after signing still thanks.
  const signed = job ? signedSince(job, kind, since) : undefined;

  return (
    <div className="customer-mode">
      <header className="customer-bar">
        <span className="customer-locked">{t('customer.locked')}</span>
        <LanguageButton className="btn btn-quiet customer-language" />
        <button type="button" className="btn btn-quiet customer-unlock" onClick={() => setUnlocking(true)}>
          {t('customer.unlock')}
        </button>
      </header>
      {job === undefined ? (
        <main className="customer-page" aria-busy="true" />
      ) : job === null ? (
        <main className="customer-page">
          <p className="banner banner-error">{t('customer.notFound')}</p>
        </main>
      ) : signed ? (
        // Additional work is decided while the car is in the workshop: the advisor's PIN is
        // right here, so approving two lines stays within 8 taps.
        <Thanks signature={signed}>{kind === 'additional' && <ReturnTabletPin jobId={jobId} />}</Thanks>
      ) : (
        <CustomerDocument job={job} kind={kind} />
      )}
      {unlocking && <PinUnlockDialog jobId={jobId} kind={kind} onCancel={() => setUnlocking(false)} />}
    </div>
  );
}

function CustomerDocument({ job, kind }: { job: Job; kind: SignatureKind }) {
  const { t } = useI18n();
  const content = signedContent(job, kind);
  // Signed content names photos by hash; their thumbnails are found through the job's photos.
  const photosByHash = useMemo(() => new Map(Object.values(job.photos).map((p) => [p.sha256, p])), [job.photos]);
  return (
    <main className="customer-page">
      <h1>{t(`signing.kind.${kind}`)}</h1>
      <p className="customer-lead">{t('signing.review')}</p>
      <IdentityReview content={content} />
      {content.kind === 'checkin' ? (
        <CheckinReview content={content} photosByHash={photosByHash} />
      ) : content.kind === 'estimate' ? (
        <EstimateReview content={content} />
      ) : content.kind === 'delivery' ? (
        <DeliveryReview content={content} photosByHash={photosByHash} />
      ) : (
        // It signs with the customer's decisions, so it holds its own SignForm.
        <AdditionalDecision job={job} photosByHash={photosByHash} />
      )}
      {content.kind !== 'additional' && <SignForm key={`${job.id}:${kind}`} jobId={job.id} kind={kind} defaultName={content.customer.name} />}
    </main>
  );
}

function Thanks({ signature, children }: { signature: Signature; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="customer-page customer-thanks" role="status">
      <p className="customer-thanks-mark" aria-hidden="true">
        ✓
      </p>
      <h1>{t('signing.thanks')}</h1>
      <SignatureImage signature={signature} />
      <p>{t('signing.signedBy', { name: signature.signerName, time: formatLocalDateTime(signature.signedAt) })}</p>
      <p className="customer-lead">{t('signing.returnTablet')}</p>
      {children}
    </main>
  );
}

/** The signature of this kind given since the tablet was handed over, if any. */
function signedSince(job: Job, kind: SignatureKind, since: string): Signature | undefined {
  const from = Date.parse(since);
  return Object.values(job.signatures).find((s) => s.kind === kind && Date.parse(s.signedAt) >= from);
}
