import { lazy, Suspense, useEffect, useState } from 'react';
import type { WalkaroundDb } from '../../db/database.ts';
import { getSyncRow } from '../../db/meta-repo.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import type { JobSyncState } from '../../sync/job-sync-state.ts';
import type { SyncPhase, SyncStatus } from '../../sync/sync-status.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useOnline } from '../../ui/online.ts';
import { loadSyncEngine, useSyncStatus } from '../../ui/sync/engine.ts';
import { syncProblemMessage } from '../../ui/sync/failure-text.ts';
import { syncCounts } from '../../ui/sync/shown-state.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useDeferredLiveQuery } from '../../ui/sync/use-deferred-live-query.ts';
import { useSyncStateIndex } from '../../ui/sync/use-sync-state.ts';
import { applyUpdate, checkForUpdate } from '../pwa/register-service-worker.ts';
import { withScreenStyles } from '../screen-styles.ts';
import { SyncProgress } from '../../ui/sync/SyncProgress.tsx';

const EndOfShiftPanel = lazy(withScreenStyles(() => import('./EndOfShiftPanel.tsx').then((m) => ({ default: m.EndOfShiftPanel }))));

type SyncBarProps = { updateRefused: () => boolean };

const lastCompleteAt = async (db: WalkaroundDb) => (await getSyncRow(db)).lastCompleteAt;

/**
 * Under the top bar of a tablet connected to a store: when everything was last sent, what is
 * happening now or what went wrong (and what to do), Sync now, and End of shift.
 */
export function SyncBar({ updateRefused }: SyncBarProps) {
  const { t } = useI18n();
  const online = useOnline();
  const status = useSyncStatus();
  const index = useSyncStateIndex();
  const savedLastComplete = useDeferredLiveQuery(lastCompleteAt);
  const [shiftOpen, setShiftOpen] = useState(false);
  const [updateBlocked, setUpdateBlocked] = useState(false);

  const running = status !== null && status.phase !== 'idle';
  const problem = status && syncProblemMessage(status, online);
  const problemKind = status?.problem?.kind;
  const counts = index && syncCounts(index);
  const lastComplete = status?.lastCompleteAt ?? savedLastComplete ?? null;
  const icon: JobSyncState['kind'] = running ? 'sending' : problemKind && problemKind !== 'retry' ? 'attention' : problem || counts?.pendingCards ? 'local' : 'synced';

  // The server says this build is too old: look for the new one now rather than within the hour.
  useEffect(() => {
    if (problemKind === 'app-outdated') checkForUpdate();
  }, [problemKind]);

  return (
    <section className={`sync-bar sync-bar-${icon}`} aria-label={t('sync.bar')}>
      <div className="sync-bar-state" role="status">
        <Icon name={icon} />
        <div className="sync-bar-text">
          <span className="sync-bar-line">
            {status && status.phase !== 'idle' ? <PhaseLine phase={status.phase} progress={status.progress} /> : problem ? t(problem.key, problem.params) : lastComplete ? t('sync.lastComplete', { time: formatLocalDateTime(lastComplete) }) : t('sync.never')}
          </span>
          {counts && (counts.pendingCards > 0 || counts.attentionCards > 0) && (
            <span className="sync-bar-counts">
              {counts.pendingCards > 0 && t('sync.pendingCards', { count: counts.pendingCards })}
              {counts.pendingCards > 0 && counts.attentionCards > 0 && ' · '}
              {counts.attentionCards > 0 && t('sync.attentionCards', { count: counts.attentionCards })}
            </span>
          )}
          {updateBlocked && <span className="sync-bar-counts">{t('sync.updateBlocked')}</span>}
        </div>
      </div>
      {problemKind === 'app-outdated' && (
        <button type="button" className="btn btn-primary" onClick={() => setUpdateBlocked(applyUpdate(updateRefused) === 'blocked')}>
          {t('sync.update')}
        </button>
      )}
      <button type="button" className="btn" disabled={running} onClick={() => void loadSyncEngine().then((engine) => engine.syncNow())}>
        ⟳ {t('sync.now')}
      </button>
      <button type="button" className="btn" onClick={() => setShiftOpen(true)}>
        {t('sync.endShift')}
      </button>
      {shiftOpen && (
        <Suspense fallback={null}>
          <EndOfShiftPanel onClose={() => setShiftOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}

// Shown only while a run is on: idle has no phase line (and no message).
function PhaseLine({ phase, progress }: { phase: Exclude<SyncPhase, 'idle'>; progress: SyncStatus['progress'] }) {
  const { t } = useI18n();
  return (
    <>
      {t(`sync.phase.${phase}`)}
      <SyncProgress progress={progress} phase={phase} compact />
    </>
  );
}
