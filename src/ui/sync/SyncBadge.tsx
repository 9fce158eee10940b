import { useState } from 'react';
import { resolveAttention } from '../../db/attention-repo.ts';
import { errorText } from '../../shared/error-text.ts';
import type { JobSyncState } from '../../sync/job-sync-state.ts';
import { useI18n } from '../i18n.tsx';
import { Icon } from '../Icon.tsx';
import { loadDb } from './deferred-db.ts';

/** Where a card's changes are: 仅在本机 / 正在上传 / 已同步 / 需要处理, as icon and words. */
export function SyncBadge({ state }: { state: JobSyncState }) {
  const { t } = useI18n();
  return (
    <span className={`sync-badge sync-${state.kind}`}>
      <Icon name={state.kind} />
      {t(`syncState.${state.kind}`)}
    </span>
  );
}

/**
 * Why the server refused a card's changes, each reason as what to do about it, and the way to
 * say it has been done (the notice, and the end of shift's "not safe", then go).
 */
export function AttentionNotice({ jobId, state }: { jobId: string; state: JobSyncState }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  if (state.kind !== 'attention') return null;
  return (
    <div className="banner banner-error attention-notice" role="alert">
      <strong>
        <Icon name="attention" /> {t('attention.title')}
      </strong>
      <ul>
        {[...new Set(state.reasons)].map((reason) => (
          <li key={reason}>{t(`attention.${reason}`)}</li>
        ))}
      </ul>
      <button
        type="button"
        className="btn"
        onClick={() => loadDb().then(({ db }) => resolveAttention(db, jobId)).catch((e: unknown) => setError(t('save.failed', { reason: errorText(e) })))}
      >
        ✓ {t('attention.resolve')}
      </button>
      {error && <p>{error}</p>}
    </div>
  );
}
