import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { db } from '../../../db/instance.ts';
import { getJob } from '../../../db/job-queries.ts';
import type { Job } from '../../../shared/job.ts';
import type { Signature, SignatureKind } from '../../../shared/signature.ts';
import { signedContent } from '../../../shared/signed-content.ts';
import { LanguageButton } from '../../../ui/AppBarParts.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { markDocumentSigned, type CustomerLock } from '../customer-lock.ts';
import { hasSomethingToSign } from '../waiting-documents.ts';
import '../customer-mode.css';
import { AdditionalDecision } from './AdditionalDecision.tsx';
import { AllSigned } from './AllSigned.tsx';
import { CheckinReview } from './CheckinReview.tsx';
import { DeliveryReview } from './DeliveryReview.tsx';
import { EstimateReview } from './EstimateReview.tsx';
import { IdentityReview } from './IdentityReview.tsx';
import { PinUnlockDialog } from './PinUnlockDialog.tsx';
import { SignForm } from './SignForm.tsx';
import { SigningPanes } from './SigningPanes.tsx';

type CustomerModeProps = {
  lock: Pick<CustomerLock, 'jobId' | 'kind' | 'documents' | 'done' | 'since'>;
  /** The car's diagram with its check-in marks, drawn by the walk-around (the app passes it in). */
  diagram?: (job: Job) => ReactNode;
};

/**
 * 客户模式: the one screen the customer can reach. The documents of the hand-over come one
 * after another, each reviewed and signed on its own; then the tablet goes back to the advisor
 * and one PIN ends it. Each review is rendered from signedContent(job, kind), the very data
 * hashed into its signature, so what the customer reads is by construction what they sign.
 */
export function CustomerMode({ lock, diagram }: CustomerModeProps) {
  const { t } = useI18n();
  const job = useLiveQuery(async () => (await getJob(db, lock.jobId)) ?? null, [lock.jobId]);
  const [unlocking, setUnlocking] = useState(false);
  // Read from the card, not only the lock, so a reload right after a signature moves on too.
  const signed = useMemo(() => (job ? signedSince(job, lock.documents, lock.since) : new Map<SignatureKind, Signature>()), [job, lock.documents, lock.since]);
  useEffect(() => {
    for (const kind of signed.keys()) markDocumentSigned(kind);
  }, [signed]);
  // A document with nothing left to sign (a round decided meanwhile on another tablet) is passed.
  const current = job ? lock.documents.find((kind) => !lock.done.includes(kind) && !signed.has(kind) && hasSomethingToSign(job, kind)) : undefined;

  return (
    <div className={`customer-mode${job && current ? ' customer-mode-signing' : ''}`}>
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
      ) : current ? (
        <>
          <DocumentProgress documents={lock.documents} current={current} signed={signed} />
          <CustomerDocument key={current} job={job} kind={current} signerName={lastSignerName(signed)} diagram={diagram} />
        </>
      ) : (
        <AllSigned jobId={job.id} returnTo={lock.kind} documents={lock.documents} signed={signed} />
      )}
      {unlocking && <PinUnlockDialog jobId={lock.jobId} kind={lock.kind} onCancel={() => setUnlocking(false)} />}
    </div>
  );
}

type DocumentProgressProps = { documents: readonly SignatureKind[]; current: SignatureKind; signed: ReadonlyMap<SignatureKind, Signature> };

/** 第 1 份，共 2 份, and each document of the hand-over: signed, this one, still to come. */
function DocumentProgress({ documents, current, signed }: DocumentProgressProps) {
  const { t } = useI18n();
  return (
    <nav className="customer-progress" aria-label={t('customer.progressLabel')}>
      <strong className="customer-progress-count">{t('customer.progress', { n: documents.indexOf(current) + 1, count: documents.length })}</strong>
      <ol>
        {documents.map((kind) => (
          <li key={kind} className={kind === current ? 'customer-progress-current' : signed.has(kind) ? 'customer-progress-done' : undefined} aria-current={kind === current ? 'step' : undefined}>
            {signed.has(kind) ? '✓ ' : ''}
            {t(`signing.kind.${kind}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}

type CustomerDocumentProps = { job: Job; kind: SignatureKind; signerName: string | undefined; diagram: CustomerModeProps['diagram'] };

function CustomerDocument({ job, kind, signerName, diagram }: CustomerDocumentProps) {
  const { t } = useI18n();
  const content = signedContent(job, kind);
  // Signed content names photos by hash; their thumbnails are found through the job's photos.
  const photosByHash = useMemo(() => new Map(Object.values(job.photos).map((p) => [p.sha256, p])), [job.photos]);
  const head = (
    <>
      <h1>{t(`signing.kind.${kind}`)}</h1>
      <p className="customer-lead">{t('signing.review')}</p>
      <IdentityReview content={content} />
    </>
  );
  // 追加项目 signs with the customer's decisions, so it lays out its own SignForm.
  if (content.kind === 'additional') return <AdditionalDecision job={job} photosByHash={photosByHash} head={head} signerName={signerName} />;
  return (
    <SigningPanes
      review={
        <>
          {head}
          {content.kind === 'checkin' ? (
            <CheckinReview content={content} photosByHash={photosByHash} diagram={diagram?.(job)} />
          ) : content.kind === 'estimate' ? (
            <EstimateReview content={content} />
          ) : (
            <DeliveryReview content={content} photosByHash={photosByHash} />
          )}
        </>
      }
      sign={<SignForm jobId={job.id} kind={kind} defaultName={signerName ?? content.customer.name} />}
    />
  );
}

/** The signature of each listed kind given since the tablet was handed over. */
function signedSince(job: Job, documents: readonly SignatureKind[], since: string): Map<SignatureKind, Signature> {
  const from = Date.parse(since);
  const found = new Map<SignatureKind, Signature>();
  for (const s of Object.values(job.signatures)) {
    if (documents.includes(s.kind) && Date.parse(s.signedAt) >= from && !found.has(s.kind)) found.set(s.kind, s);
  }
  return found;
}

/** The name the customer signed the previous document with: not typed again for the next. */
function lastSignerName(signed: ReadonlyMap<SignatureKind, Signature>): string | undefined {
  return [...signed.values()].sort((a, b) => Date.parse(a.signedAt) - Date.parse(b.signedAt)).at(-1)?.signerName;
}
