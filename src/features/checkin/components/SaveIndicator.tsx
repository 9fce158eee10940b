import { useI18n } from '../../../ui/i18n.tsx';
import type { SaveState } from '../hooks/use-autosave.ts';

/** Says, always, whether what is on screen is safely on the tablet. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useI18n();
  const text =
    state.status === 'failed'
      ? t('save.failed', { reason: state.reason })
      : state.status === 'saved'
        ? `✓ ${t('save.saved')}`
        : t('save.saving');
  return (
    <span className={`save-state save-${state.status}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
