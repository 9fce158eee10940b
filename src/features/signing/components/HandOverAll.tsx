import type { Job } from '../../../shared/job.ts';
import { documentSignatureState } from '../../../shared/signed-content.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useSignatureStatuses } from '../hooks/use-signature-statuses.ts';
import { DESK_DOCUMENTS, hasSomethingToSign, waitingDocuments } from '../waiting-documents.ts';
import { HandOver } from './HandOver.tsx';
import { HandOverFlags } from './HandOverFlags.tsx';

/**
 * What to look at before the hand-over, then the one hand-over for every document waiting
 * for the customer (the check-in condition and the estimate, one PIN at the end). Ends the
 * 客户签字 step, and the estimate step too (the app puts it there), so the hand-over is not
 * a step away from the last thing the advisor filled in.
 */
export function HandOverAll({ job }: { job: Job }) {
  const { t } = useI18n();
  const statuses = useSignatureStatuses(job);
  const waiting = waitingDocuments(job, DESK_DOCUMENTS, statuses);
  // With every document validly signed the customer may still sign them again (a signature
  // they want to redo): offered as such, once the signatures' status is known.
  const again = waiting.length === 0;
  const documents = again ? DESK_DOCUMENTS.filter((kind) => hasSomethingToSign(job, kind)) : waiting;
  const checking = again && DESK_DOCUMENTS.some((kind) => documentSignatureState(job, kind, statuses) === 'checking');
  const first = checking ? undefined : documents[0];
  return (
    <>
      <HandOverFlags job={job} />
      <HandOver job={job}>
        {(handOver) => (
          <section className="sign-hand-over-all" aria-label={t('signing.handToCustomer')}>
            <p className="field-hint">
              {again ? t('signing.nothingWaiting') : t('signing.waiting', { list: waiting.map((kind) => t(`signing.kind.${kind}`)).join('、') })}
            </p>
            <button
              type="button"
              className={`btn btn-large sign-hand-over${again ? '' : ' btn-primary'}`}
              disabled={!first}
              onClick={() => first && handOver(first, documents)}
            >
              ✍ {t(again ? 'signing.signAgain' : 'signing.handOverAll', { count: documents.length })}
            </button>
          </section>
        )}
      </HandOver>
    </>
  );
}
