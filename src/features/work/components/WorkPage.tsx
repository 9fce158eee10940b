import type { ReactNode } from 'react';
import { promisedAt } from '../../../shared/additions.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { Job } from '../../../shared/job.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { CardHeader } from '../../../ui/CardHeader.tsx';
import { AttentionNotice } from '../../../ui/sync/SyncBadge.tsx';
import { useJobSyncState } from '../../../ui/sync/use-sync-state.ts';
import { WORK_SECTIONS, type WorkSection } from '../sections.ts';
import { useHandoverPrefetch } from '../use-handover-prefetch.ts';
import { FollowUpPanel } from './FollowUpPanel.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import '../work.css';

/** Sections other features render, given the live job and the hand-over to customer mode. */
export type ExternalSections = Partial<Record<WorkSection, (job: Job, handOver: (kind: SignatureKind) => void) => ReactNode>>;

type WorkPageProps = { job: Job; section: WorkSection; sections: ExternalSections; handOver: (kind: SignatureKind) => void };

// The check-in sheet stays one tap away: its steps, and the customer's printed copy.
const CHECK_IN_LINKS = [
  { path: 'customer', label: 'work.openCheckIn' },
  { path: 'walkaround', label: 'step.walkaround' },
  { path: 'estimate', label: 'step.estimate' },
  { path: 'signing', label: 'step.signing' },
] as const;

/** A card after check-in: who and which car, where the work stands, one section at a time. */
export function WorkPage({ job, section, sections, handOver }: WorkPageProps) {
  const { t } = useI18n();
  const syncState = useJobSyncState(job.id);
  useHandoverPrefetch(job);
  const promised = promisedAt(job);
  const { customer, vehicle } = job.card;
  const render = sections[section];

  return (
    <main className="page work-page">
      <CardHeader job={job} syncState={syncState} onBack={() => navigate('/')} />
      <div className="work-summary">
        <span className="job-plate">{vehicle.plate || t('jobs.noPlate')}</span>
        <span className="work-customer">
          {customer.name || t('jobs.noName')}
          {customer.phone && ` · ${customer.phone}`}
          {vehicle.model && ` · ${vehicle.model}`}
        </span>
        <span className="work-promised">{promised ? t('work.promisedAt', { time: formatLocalDateTime(promised) }) : t('work.noPromise')}</span>
      </div>
      {syncState && <AttentionNotice jobId={job.id} state={syncState} />}
      <nav className="work-links" aria-label={t('work.checkInSheet')}>
        {CHECK_IN_LINKS.map(({ path, label }) => (
          <button key={path} type="button" className="btn" onClick={() => navigate(`/jobs/${job.id}/${path}`)}>
            {t(label)}
          </button>
        ))}
        <button type="button" className="btn" onClick={() => navigate(`/print/${job.id}`)}>
          🖨 {t('print.open')}
        </button>
      </nav>
      <nav className="work-tabs" aria-label={t('work.sections')}>
        {WORK_SECTIONS.map((s) => (
          <button
            key={s}
            type="button"
            className="btn work-tab"
            aria-current={s === section ? 'page' : undefined}
            onClick={() => navigate(`/jobs/${job.id}/${s}`, { replace: true })}
          >
            {t(`work.section.${s}`)}
          </button>
        ))}
      </nav>
      <div className="work-section">
        {section === 'status' ? (
          <StatusPanel job={job} />
        ) : section === 'followup' ? (
          <FollowUpPanel job={job} />
        ) : render ? (
          render(job, handOver)
        ) : (
          <p className="banner banner-info">{t(`work.section.${section}`)}</p>
        )}
      </div>
    </main>
  );
}
