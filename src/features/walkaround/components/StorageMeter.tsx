import { formatBytes } from '../../../shared/storage-floor.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useStorage } from '../hooks/use-storage.ts';

/**
 * How much of the tablet the app uses and how much is left, shown before any photo is taken;
 * below the floor it says clearly that no new photos can be taken. One per screen: the
 * pickers only refuse, they do not repeat this.
 */
export function StorageMeter() {
  const { t } = useI18n();
  const { estimate, persisted, verdict } = useStorage();
  if (!estimate) return null;
  const free = Math.max(0, estimate.quota - estimate.usage);
  return (
    <div className="storage-meter">
      <progress max={estimate.quota} value={estimate.usage} aria-label={t('storage.usage', { used: formatBytes(estimate.usage), free: formatBytes(free) })} />
      <span>
        {t('storage.usage', { used: formatBytes(estimate.usage), free: formatBytes(free) })} ·{' '}
        {persisted ? t('storage.persisted') : t('storage.notPersisted')}
      </span>
      {!verdict.ok && (
        <p className="banner banner-error" role="alert">
          {t('photos.lowStorage', { free: formatBytes(verdict.freeBytes) })}
        </p>
      )}
    </div>
  );
}
