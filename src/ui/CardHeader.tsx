import type { ReactNode } from 'react';
import type { JobStatus } from '../shared/job-status.ts';
import { useI18n } from './i18n.tsx';
import { SyncBadge } from './sync/SyncBadge.tsx';
import type { JobSyncState } from '../sync/job-sync-state.ts';

type CardHeaderProps = {
  job: { number: string; status: JobStatus };
  syncState: JobSyncState | undefined;
  onBack: () => void;
  /** What the screen adds at the end of the bar (the check-in form's save indicator). */
  children?: ReactNode;
};

/** The bar over every screen of one card: back, the card's number, its status and sync state. */
export function CardHeader({ job, syncState, onBack, children }: CardHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="card-header">
      <button type="button" className="btn" onClick={onBack}>
        ‹ {t('app.back')}
      </button>
      <div className="card-title">
        <strong>{job.number}</strong>
        <span className={`badge badge-${job.status}`}>{t(`status.${job.status}`)}</span>
        {syncState && <SyncBadge state={syncState} />}
      </div>
      {children}
    </header>
  );
}
