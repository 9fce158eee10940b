import { BODY_STYLES, type BodyStyle } from '../../../shared/job.ts';
import { useI18n } from '../../../ui/i18n.tsx';

type BodyStyleToggleProps = { value: BodyStyle; onChange: (body: BodyStyle) => void };

/** Which outline the diagram shows. Marks keep their place: both outlines share each view's box. */
export function BodyStyleToggle({ value, onChange }: BodyStyleToggleProps) {
  const { t } = useI18n();
  return (
    <div className="body-style">
      <span className="body-style-label">{t('walkaround.bodyStyle')}</span>
      <div className="segmented" role="radiogroup" aria-label={t('walkaround.bodyStyle')}>
        {BODY_STYLES.map((body) => (
          <button
            key={body}
            type="button"
            role="radio"
            aria-checked={value === body}
            className="btn"
            onClick={() => value !== body && onChange(body)}
          >
            {t(`body.${body}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
