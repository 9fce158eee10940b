import { OLD_PARTS, PAYMENT_METHODS, type Estimate, type EstimateFields } from '../../../shared/estimate.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { PromisedAtField } from './PromisedAtField.tsx';

type EstimateTermsProps = { estimate: Estimate; onChange: (fields: Partial<EstimateFields>) => void };

const CAR_WASH = [true, false] as const;

/** What the customer agrees besides the money: when, old parts, how to pay, car wash. */
export function EstimateTerms({ estimate, onChange }: EstimateTermsProps) {
  const { t } = useI18n();
  return (
    <div className="estimate-terms">
      <PromisedAtField value={estimate.promisedAt} onChange={(promisedAt) => onChange({ promisedAt })} />
      {/* Chips act as radios: a choice is changed by tapping another, never cleared by accident. */}
      <fieldset className="group">
        <legend>{t('estimate.oldParts')}</legend>
        <div className="chips">
          {OLD_PARTS.map((oldParts) => (
            <Chip key={oldParts} pressed={estimate.oldParts === oldParts} onToggle={() => onChange({ oldParts })}>
              {t(`oldParts.${oldParts}`)}
            </Chip>
          ))}
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>{t('estimate.payment')}</legend>
        <div className="chips">
          {PAYMENT_METHODS.map((payment) => (
            <Chip key={payment} pressed={estimate.payment === payment} onToggle={() => onChange({ payment })}>
              {t(`payment.${payment}`)}
            </Chip>
          ))}
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>{t('estimate.carWash')}</legend>
        <div className="chips">
          {CAR_WASH.map((carWash) => (
            <Chip key={String(carWash)} pressed={estimate.carWash === carWash} onToggle={() => onChange({ carWash })}>
              {t(carWash ? 'estimate.yes' : 'estimate.no')}
            </Chip>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
