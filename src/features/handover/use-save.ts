import { useCallback, useState } from 'react';
import { errorText } from '../../shared/error-text.ts';
import { useI18n } from '../../ui/i18n.tsx';

/**
 * Runs a write and keeps its failure to show: the screen follows the stored card, so a write
 * that failed simply leaves the old value on screen, with the reason above it.
 */
export function useSave(): { failure: string | null; save: (work: Promise<unknown>) => void } {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useCallback(
    (work: Promise<unknown>) =>
      void work.then(
        () => setFailure(null),
        (e: unknown) => setFailure(t('save.failed', { reason: errorText(e) })),
      ),
    [t],
  );
  return { failure, save };
}
