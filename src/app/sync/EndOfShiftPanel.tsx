import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { errorText } from '../../shared/error-text.ts';
import type { SyncResult } from '../../sync/sync-engine.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useOnline } from '../../ui/online.ts';
import { loadSyncEngine, useSyncStatus } from '../../ui/sync/engine.ts';
import { syncProblemMessage } from '../../ui/sync/failure-text.ts';
import { syncCounts } from '../../ui/sync/shown-state.ts';
import { Icon } from '../../ui/Icon.tsx';
import { SyncProgress } from '../../ui/sync/SyncProgress.tsx';
import { useSyncStateIndex } from '../../ui/sync/use-sync-state.ts';
import { handOver } from '../AppHeader.tsx';

/**
 * 交班: sends everything, with progress over photos and changes, and ends with a plain answer.
 * "Safe to hand in the tablet" only when the run says every change made here is on the
 * server (SyncResult.complete); otherwise what is left and why.
 */
export function EndOfShiftPanel({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const [result, setResult] = useState<SyncResult | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const started = useRef(false);

  const run = useCallback(() => {
    setResult(null);
    setFailed(null);
    loadSyncEngine()
      .then((engine) => engine.syncNow())
      .then(setResult, (e: unknown) => setFailed(errorText(e)));
  }, []);

  // Once per opening (StrictMode runs effects twice in development).
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    run();
  }, [run]);

  return (
    <div className="signing-backdrop">
      <div className="signing-dialog shift-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('shift.title')}</h2>
        {result === null && failed === null ? <Running /> : result?.complete ? <Safe /> : <NotSafe failed={failed} />}
        <div className="pin-actions">
          {((result && !result.complete) || failed !== null) && (
            <button type="button" className="btn btn-large" onClick={run}>
              ⟳ {t('shift.retry')}
            </button>
          )}
          {result?.complete && (
            <button type="button" className="btn btn-large" onClick={() => void handOver()}>
              {t('session.signOut')}
            </button>
          )}
          <button type="button" className="btn btn-primary btn-large" onClick={onClose}>
            {t('shift.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

function Running() {
  const { t } = useI18n();
  const status = useSyncStatus();
  return (
    <div className="shift-running" aria-busy="true">
      <p>{t('shift.intro')}</p>
      <p className="shift-phase">
        <Icon name="sending" /> {status && status.phase !== 'idle' ? t(`sync.phase.${status.phase}`) : t('shift.working')}
      </p>
      {status && <SyncProgress progress={status.progress} phase={status.phase} />}
    </div>
  );
}

function Safe() {
  const { t } = useI18n();
  return (
    <p className="shift-result shift-safe" role="status">
      <span className="shift-mark" aria-hidden="true">
        ✓
      </span>
      {t('shift.safe')}
    </p>
  );
}

function NotSafe({ failed }: { failed: string | null }) {
  const { t } = useI18n();
  const online = useOnline();
  const status = useSyncStatus();
  const index = useSyncStateIndex();
  const counts = index && syncCounts(index);
  const problem = status && syncProblemMessage(status, online);
  return (
    <div className="shift-result shift-not-safe" role="status">
      <p className="shift-headline">
        <Icon name="attention" /> {t('shift.notSafe')}
      </p>
      <ul>
        {counts && counts.pendingCards > 0 && <li>{t('shift.pending', { count: counts.pendingCards })}</li>}
        {counts && counts.attentionCards > 0 && (
          <li>
            {t('shift.attention', { count: counts.attentionCards })}
            <ul>
              {counts.reasons.map((reason) => (
                <li key={reason}>{t(`attention.${reason}`)}</li>
              ))}
            </ul>
          </li>
        )}
        {problem && <li>{t(problem.key, problem.params)}</li>}
        {failed && <li>{t('apiError.other', { message: failed })}</li>}
      </ul>
    </div>
  );
}
