import '../save-indicator.css';
import { useI18n } from '../../../ui/i18n.tsx';
import type { SaveState } from '../../../ui/unsaved-input.ts';

/**
 * Says, always, whether what is on screen is safely on the tablet: "saved" only once the write
 * committed to IndexedDB, never while a value sits only in the box (see ui/unsaved-input).
 */
export function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useI18n();
  const text = (() => {
    switch (state.status) {
      case 'failed':
        return t('save.failed', { reason: state.reason });
      case 'pending':
        return t('save.pending');
      case 'saving':
        return t('save.saving');
      case 'saved':
        return `✓ ${t('save.saved')}`;
      default:
        return state satisfies never;
    }
  })();
  return (
    <span className={`save-state save-${state.status}`} role="status" aria-live="polite" data-save-state={state.status}>
      {text}
    </span>
  );
}
