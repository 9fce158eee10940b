import type { Job } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { latestSignatures, type DocumentSignatureState } from '../../../shared/signed-content.ts';
import { useI18n } from '../../../ui/i18n.tsx';

type BillDeliveryProps = { job: Job; state: DocumentSignatureState; onHandOver: () => void };

// The customer accepts the car at the car, once it is ready for collection (or again, after a
// change made the first acceptance stale).
const SIGNABLE = new Set<Job['status']>(['ready', 'delivered']);

/**
 * 交车确认: whether the customer has accepted the delivery, and the hand-over to customer mode
 * where they review exactly what they sign (work, 建议项目表, bill, condition against check-in,
 * covers, belongings, 旧件, next service) and sign it.
 */
export function BillDelivery({ job, state, onHandOver }: BillDeliveryProps) {
  const { t } = useI18n();
  const latest = latestSignatures(job).delivery;
  const signable = SIGNABLE.has(job.status);
  const badge = {
    valid: `✓ ${t('signing.valid')}`,
    stale: `⚠ ${t('signing.staleShort')}`,
    unsigned: t('signing.none'),
    checking: t('signing.checking'),
  }[state];
  return (
    <section className={`bill-section sign-kind sign-kind-${state}`} aria-labelledby="bill-delivery-heading">
      <div className="sign-kind-head">
        <h2 id="bill-delivery-heading">{t('signing.kind.delivery')}</h2>
        <span className={`sign-state sign-state-${state}`}>{badge}</span>
      </div>
      {latest && <p>{t('signing.signedBy', { name: latest.signerName, time: formatLocalDateTime(latest.signedAt) })}</p>}
      {state === 'stale' && (
        <p className="banner sign-stale" role="alert">
          ⚠ {t('signing.stale')}
        </p>
      )}
      <p className="field-hint">{t(signable ? 'bill.delivery.open' : 'bill.delivery.notReady')}</p>
      <button type="button" className="btn btn-primary btn-large" disabled={!signable} onClick={onHandOver}>
        ✍ {t('bill.delivery.handOver')}
      </button>
    </section>
  );
}
