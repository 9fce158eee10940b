import type { Job } from '../../../shared/job.ts';
import { useSignatureStatuses } from '../hooks/use-signature-statuses.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { DESK_DOCUMENTS } from '../waiting-documents.ts';
import { HandOverAll } from './HandOverAll.tsx';
import { SignatureKindCard } from './SignatureKindCard.tsx';

/**
 * The 客户签字 step: the customer's copy printed in one tap (where the advisor lands after the
 * PIN), what to look at before the hand-over and the one hand-over for every document waiting
 * (HandOverAll), and each document's signature state and history.
 */
export function SigningStep({ job }: { job: Job }) {
  const { t } = useI18n();
  const statuses = useSignatureStatuses(job);
  return (
    <div className="signing">
      <p className="signing-intro">{t('signing.intro')}</p>
      {/* The print view opens the print dialog at once; cancelled, its own button is there. */}
      <button type="button" className="btn btn-large" onClick={() => navigate(`/print/${job.id}?print=1`)}>
        🖨 {t('print.open')}
      </button>
      <HandOverAll job={job} />
      {DESK_DOCUMENTS.map((kind) => (
        <SignatureKindCard key={kind} job={job} kind={kind} statuses={statuses} />
      ))}
    </div>
  );
}
