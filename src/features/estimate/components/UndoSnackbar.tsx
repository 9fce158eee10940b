import { useI18n } from '../../../ui/i18n.tsx';

type UndoSnackbarProps = { description: string; onUndo: () => void; onDismiss: () => void };

/** "已删除…  撤销": the few seconds in which a mistaken delete costs one tap. */
export function UndoSnackbar({ description, onUndo, onDismiss }: UndoSnackbarProps) {
  const { t } = useI18n();
  return (
    <div className="estimate-snackbar" role="status">
      <span className="estimate-snackbar-text">{t('line.removed', { description })}</span>
      <button type="button" className="btn btn-large" onClick={onUndo}>
        {t('line.undo')}
      </button>
      <button type="button" className="btn estimate-snackbar-close" aria-label={t('line.dismiss')} onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
