import type { JobSyncState } from '../../sync/job-sync-state.ts';
import { useI18n } from '../i18n.tsx';
import { Icon } from '../Icon.tsx';

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

/** Why the server refused a card's changes, each reason as what to do about it. */
export function AttentionNotice({ state }: { state: JobSyncState }) {
  const { t } = useI18n();
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
    </div>
  );
}
