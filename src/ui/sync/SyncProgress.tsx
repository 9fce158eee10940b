import type { SyncPhase, SyncProgress as Progress } from '../../sync/sync-status.ts';
import { useI18n } from '../i18n.tsx';

type SyncProgressProps = { progress: Progress; phase: SyncPhase; compact?: boolean };

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * How far a sync run is: photo bytes sent and changes acknowledged (or blobs downloaded), as
 * bars. Compact: one bar and a count, for the sync bar.
 */
export function SyncProgress({ progress, phase, compact = false }: SyncProgressProps) {
  const { t } = useI18n();
  const { itemsDone, itemsTotal, bytesDone, bytesTotal } = progress;
  const downloading = phase === 'downloading';
  const bars = [
    bytesTotal > 0 && { key: 'bytes', label: t('shift.bytes', { done: megabytes(bytesDone), total: megabytes(bytesTotal) }), value: bytesDone, max: bytesTotal },
    itemsTotal > 0 && { key: 'items', label: t(downloading ? 'shift.downloads' : 'shift.items', { done: itemsDone, total: itemsTotal }), value: itemsDone, max: itemsTotal },
  ].filter((bar) => bar !== false);
  if (compact) {
    const bar = bars[0];
    return bar ? <progress className="sync-progress-compact" value={bar.value} max={bar.max} aria-label={bar.label} /> : null;
  }
  return (
    <div className="sync-progress">
      {bars.map((bar) => (
        <label key={bar.key} className="sync-progress-row">
          <span>{bar.label}</span>
          <progress value={bar.value} max={bar.max} />
        </label>
      ))}
    </div>
  );
}
