import { useMemo, useState, type ReactNode } from 'react';
import { agreedTotals, type Decision } from '../../../shared/additions.ts';
import type { EstimateTotals } from '../../../shared/estimate.ts';
import type { Job } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { formatFen } from '../../../shared/money.ts';
import type { Photo } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { readProposedPromise } from '../../../ui/proposed-promise.ts';
import { additionalReview, type ReviewLine } from '../additional-review.ts';
import { formatMilli } from '../review-format.ts';
import './additional-decision.css';
import { ReviewPhotos } from './ReviewPhotos.tsx';
import { Section } from './ReviewSection.tsx';
import { SignForm } from './SignForm.tsx';
import { SigningPanes } from './SigningPanes.tsx';

type AdditionalDecisionProps = {
  job: Job;
  photosByHash: ReadonlyMap<string, Photo>;
  /** The document's title and whose car, above the lines. */
  head: ReactNode;
  /** The name signed with on an earlier document of this hand-over. */
  signerName: string | undefined;
};

/**
 * 追加项目 in customer mode: each line waiting for the customer, with its reason and photos,
 * decided with one big tap (同意 / 不需要); the new total and promised time; one signature
 * for all of it. Rendered from additionalReview, the content the signature is of.
 */
export function AdditionalDecision({ job, photosByHash, head, signerName }: AdditionalDecisionProps) {
  const { t, language } = useI18n();
  const [choices, setChoices] = useState<Record<string, Decision>>({});
  // Proposed by the advisor before handing over (proposed-promise.ts); read once, as signed.
  const [promisedAt] = useState(() => readProposedPromise(job.id));
  const review = additionalReview(job, choices, promisedAt);
  const before = useMemo(() => agreedTotals(job).totalFen, [job]);
  const money = (fen: number) => formatFen(fen, language);

  // Customer mode passes a round with nothing left to decide (decided meanwhile on another tablet).
  if (review.lines.length === 0) return <p className="banner banner-info">{t('addition.customer.none')}</p>;
  const sign = (
    <SignForm
      key={`${job.id}:additional`}
      jobId={job.id}
      kind="additional"
      defaultName={signerName ?? job.card.customer.name}
      decisions={review.decisions ? { decisions: review.decisions, promisedAt: review.promisedAt } : undefined}
      notReady={review.missing > 0 ? t('addition.customer.chooseAll', { n: review.missing }) : undefined}
    />
  );
  const lines = (
    <>
      {head}
      <p className="customer-lead">{t('addition.customer.lead')}</p>
      <ol className="additional-lines">
        {review.lines.map((line) => (
          <AdditionalLine
            key={line.id}
            line={line}
            photosByHash={photosByHash}
            onChoose={(decision) => setChoices((c) => ({ ...c, [line.id]: decision }))}
          />
        ))}
      </ol>
      <Section title={t('addition.customer.newTotal')}>
        <NewTotals totals={review.totals} beforeFen={before} money={money} />
        {review.promisedAt && (
          <dl className="review-facts">
            <dt>{t('addition.customer.promisedAt')}</dt>
            <dd className="additional-promised">{formatLocalDateTime(review.promisedAt)}</dd>
          </dl>
        )}
      </Section>
      {review.missing > 0 && (
        <p className="banner banner-info" role="status">
          {t('addition.customer.chooseAll', { n: review.missing })}
        </p>
      )}
    </>
  );
  return <SigningPanes review={lines} sign={sign} />;
}

type AdditionalLineProps = { line: ReviewLine; photosByHash: ReadonlyMap<string, Photo>; onChoose: (decision: Decision) => void };

function AdditionalLine({ line, photosByHash, onChoose }: AdditionalLineProps) {
  const { t, language } = useI18n();
  const money = (fen: number) => formatFen(fen, language);
  return (
    <li className={`additional-line${line.decision ? ` additional-${line.decision}` : ''}`}>
      <h2 className="additional-name">
        <span className={`review-kind review-kind-${line.kind}`}>{t(`review.kind.${line.kind}`)}</span> {line.description}
      </h2>
      <p className="additional-money">
        {formatMilli(line.quantityMilli)} × {money(line.unitPriceFen)} = <strong>{money(line.netFen)}</strong>
      </p>
      <p className="additional-reason">
        <strong>{t('addition.customer.reason')}：</strong>
        {line.reason}
      </p>
      <ReviewPhotos hashes={line.photos} byHash={photosByHash} />
      <div className="additional-choice" role="group" aria-label={`${t('addition.customer.choice')}: ${line.description}`}>
        <button type="button" className="btn btn-large additional-approve" aria-pressed={line.decision === 'approved'} onClick={() => onChoose('approved')}>
          ✓ {t('addition.approve')}
        </button>
        <button type="button" className="btn btn-large additional-decline" aria-pressed={line.decision === 'declined'} onClick={() => onChoose('declined')}>
          ✕ {t('addition.decline')}
        </button>
      </div>
    </li>
  );
}

function NewTotals({ totals, beforeFen, money }: { totals: EstimateTotals; beforeFen: number; money: (fen: number) => string }) {
  const { t } = useI18n();
  return (
    <dl className="review-totals">
      <dt>{t('addition.customer.estimateTotal')}</dt>
      <dd>{money(beforeFen)}</dd>
      <dt>{t('review.labourTotal')}</dt>
      <dd>{money(totals.labourFen)}</dd>
      <dt>{t('review.partsTotal')}</dt>
      <dd>{money(totals.partsFen)}</dd>
      {totals.discountFen > 0 && (
        <>
          <dt>{t('review.discountTotal')}</dt>
          <dd>−{money(totals.discountFen)}</dd>
        </>
      )}
      <dt className="review-total">{t('addition.customer.newTotal')}</dt>
      <dd className="review-total additional-total">{money(totals.totalFen)}</dd>
    </dl>
  );
}
