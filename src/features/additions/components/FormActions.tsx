import { useI18n } from '../../../ui/i18n.tsx';

/** 取消 and the form's submit button, disabled while it saves. */
export function FormActions({ submitLabel, saving, onCancel }: { submitLabel: string; saving: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="addition-actions">
      <button type="button" className="btn btn-large" onClick={onCancel}>
        {t('addition.cancel')}
      </button>
      <button type="submit" className="btn btn-primary btn-large" disabled={saving}>
        {submitLabel}
      </button>
    </div>
  );
}
