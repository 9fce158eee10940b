import { BODY_STYLES, type BodyStyle } from '../../../shared/job.ts';
import { ChoiceRow } from '../../../ui/ChoiceRow.tsx';
import { useI18n } from '../../../ui/i18n.tsx';

type BodyStyleToggleProps = { value: BodyStyle; onChange: (body: BodyStyle) => void };

/** Which outline the diagram shows. Marks keep their place: both outlines share each view's box. */
export function BodyStyleToggle({ value, onChange }: BodyStyleToggleProps) {
  const { t } = useI18n();
  return (
    <div className="body-style">
      <span className="body-style-label">{t('walkaround.bodyStyle')}</span>
      <ChoiceRow
        label={t('walkaround.bodyStyle')}
        options={BODY_STYLES}
        value={value}
        onChoose={(body) => body !== value && onChange(body)}
        optionLabel={(body) => t(`body.${body}`)}
      />
    </div>
  );
}
