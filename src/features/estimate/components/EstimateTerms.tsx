import type { StoreDefaults } from '../../../db/store-profile.ts';
import { OLD_PARTS, PAYMENT_METHODS, type Estimate, type EstimateFields } from '../../../shared/estimate.ts';
import { unsetEstimateTerms, type EstimateTerm } from '../../../shared/hand-over-checks.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n, type Translate } from '../../../ui/i18n.tsx';
import { PromisedAtField } from './PromisedAtField.tsx';
import { TermLegend } from './TermLegend.tsx';
import '../estimate-terms.css';

type EstimateTermsProps = {
  estimate: Estimate;
  onChange: (fields: Partial<EstimateFields>) => void;
};

const CAR_WASH = [true, false] as const;

/**
 * What the customer agrees besides the money: when, old parts, how to pay, car wash. A term
 * still empty on an estimate with lines is flagged (the customer would sign a blank); the
 * store's defaults are one tap away in UnsetTerms, which the step shows under the search.
 */
export function EstimateTerms({ estimate, onChange }: EstimateTermsProps) {
  const { t } = useI18n();
  const unset = unsetEstimateTerms(estimate);
  const flag = (term: EstimateTerm) => unset.includes(term);
  return (
    <div className="estimate-terms">
      <PromisedAtField value={estimate.promisedAt} flagged={flag('promisedAt')} onChange={(promisedAt) => onChange({ promisedAt })} />
      {/* Chips act as radios: a choice is changed by tapping another, never cleared by accident. */}
      <fieldset className={flag('oldParts') ? 'group term-unset' : 'group'}>
        <TermLegend label={t('estimate.oldParts')} flagged={flag('oldParts')} />
        <div className="chips">
          {OLD_PARTS.map((oldParts) => (
            <Chip key={oldParts} pressed={estimate.oldParts === oldParts} onToggle={() => onChange({ oldParts })}>
              {t(`oldParts.${oldParts}`)}
            </Chip>
          ))}
        </div>
      </fieldset>
      <fieldset className={flag('payment') ? 'group term-unset' : 'group'}>
        <TermLegend label={t('estimate.payment')} flagged={flag('payment')} />
        <div className="chips">
          {PAYMENT_METHODS.map((payment) => (
            <Chip key={payment} pressed={estimate.payment === payment} onToggle={() => onChange({ payment })}>
              {t(`payment.${payment}`)}
            </Chip>
          ))}
        </div>
      </fieldset>
      <fieldset className={flag('carWash') ? 'group term-unset' : 'group'}>
        <TermLegend label={t('estimate.carWash')} flagged={flag('carWash')} />
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

const TERM_LABEL = {
  promisedAt: 'estimate.promisedAt',
  oldParts: 'estimate.oldParts',
  payment: 'estimate.payment',
  carWash: 'estimate.carWash',
} as const satisfies Record<EstimateTerm, string>;

type UnsetTermsProps = { unset: EstimateTerm[]; defaults: StoreDefaults | undefined; onUseDefaults: () => void };

/** Which terms are empty, and the one tap that fills them with the store's defaults (no term is ever filled without it). */
export function UnsetTerms({ unset, defaults, onUseDefaults }: UnsetTermsProps) {
  const { t } = useI18n();
  return (
    <div className="banner terms-unset" role="status">
      <p>{t('estimate.termsUnset', { terms: unset.map((term) => t(TERM_LABEL[term])).join('、') })}</p>
      <button type="button" className="btn btn-large" disabled={defaults === undefined} onClick={onUseDefaults}>
        {t('estimate.useStoreDefaults')}
      </button>
      {defaults && <p className="terms-defaults">{t('estimate.storeDefaults', { defaults: defaultsText(t, unset, defaults) })}</p>}
    </div>
  );
}

/** "带走 · 微信 · 4 小时后交车": only the defaults the tap would fill. */
function defaultsText(t: Translate, unset: EstimateTerm[], defaults: StoreDefaults): string {
  const parts: Record<EstimateTerm, string> = {
    promisedAt: t('estimate.storeDefaults.hours', { hours: defaults.promisedInHours }),
    oldParts: t(`oldParts.${defaults.oldParts}`),
    payment: t(`payment.${defaults.payment}`),
    carWash: t(defaults.carWash ? 'estimate.storeDefaults.carWash' : 'estimate.storeDefaults.noCarWash'),
  };
  return unset.map((term) => parts[term]).join(' · ');
}
