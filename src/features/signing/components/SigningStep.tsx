import type { Job } from '../../../shared/job.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useSignatureStatuses } from '../hooks/use-signature-statuses.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { HandOver } from './HandOver.tsx';
import { SignatureKindCard } from './SignatureKindCard.tsx';

/** The documents the desk has the customer sign at check-in; 追加项目 and 交车 are signed from their own sections. */
const DESK_KINDS: readonly SignatureKind[] = ['checkin', 'estimate'];

/** The 客户签字 step: each document's signature state, its history, and the hand-over. */
export function SigningStep({ job }: { job: Job }) {
  const { t } = useI18n();
  const statuses = useSignatureStatuses(job);
  return (
    <div className="signing">
      <p className="signing-intro">{t('signing.intro')}</p>
      <button type="button" className="btn btn-large" onClick={() => navigate(`/print/${job.id}`)}>
        🖨 {t('print.open')}
      </button>
      <HandOver jobId={job.id}>
        {(handOver) =>
          DESK_KINDS.map((kind) => (
            <SignatureKindCard key={kind} job={job} kind={kind} statuses={statuses} onHandOver={() => handOver(kind)} />
          ))
        }
      </HandOver>
    </div>
  );
}
