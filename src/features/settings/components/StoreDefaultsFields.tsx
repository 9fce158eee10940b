import { OLD_PARTS, PAYMENT_METHODS } from '../../../shared/estimate.ts';
import type { StoreDefaults } from '../../../shared/store-profile.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import type { StoreForm } from '../../../ui/store-profile-form.ts';

type StoreDefaultsFieldsProps = {
  form: StoreForm;
  /** What the store server chose: shown beside each choice, since that one is offered. */
  server: Partial<StoreDefaults>;
  hoursError: string | undefined;
  onChange: (patch: Partial<StoreForm>) => void;
};

/** The estimate terms the desk offers first: one tap per choice, 未设置 leaves it to the server or the built-in one. */
export function StoreDefaultsFields({ form, server, hoursError, onChange }: StoreDefaultsFieldsProps) {
  const { t } = useI18n();
  const yesNo = (value: boolean) => t(value ? 'estimate.yes' : 'estimate.no');
  return (
    <fieldset className="store-defaults">
      <legend>{t('store.defaults')}</legend>
      <Choices
        label={t('estimate.oldParts')}
        options={OLD_PARTS.map((value) => ({ value, text: t(`oldParts.${value}`) }))}
        value={form.oldParts}
        serverText={server.oldParts ? t(`oldParts.${server.oldParts}`) : null}
        onChange={(oldParts) => onChange({ oldParts })}
      />
      <Choices
        label={t('estimate.payment')}
        options={PAYMENT_METHODS.map((value) => ({ value, text: t(`payment.${value}`) }))}
        value={form.payment}
        serverText={server.payment ? t(`payment.${server.payment}`) : null}
        onChange={(payment) => onChange({ payment })}
      />
      <Choices
        label={t('estimate.carWash')}
        options={[true, false].map((value) => ({ value, text: yesNo(value) }))}
        value={form.carWash}
        serverText={server.carWash === undefined ? null : yesNo(server.carWash)}
        onChange={(carWash) => onChange({ carWash })}
      />
      <Field
        label={t('store.promisedInHours')}
        error={hoursError}
        hint={server.promisedInHours ? t('store.fromServer', { value: t('store.hours', { hours: server.promisedInHours }) }) : undefined}
      >
        {(props) => (
          <input {...props} className="store-hours" inputMode="numeric" value={form.promisedInHours} onChange={(e) => onChange({ promisedInHours: e.target.value })} />
        )}
      </Field>
    </fieldset>
  );
}

type ChoicesProps<V> = {
  label: string;
  options: { value: V; text: string }[];
  value: V | null;
  serverText: string | null;
  onChange: (value: V | null) => void;
};

function Choices<V>({ label, options, value, serverText, onChange }: ChoicesProps<V>) {
  const { t } = useI18n();
  return (
    <div className="store-choice" role="group" aria-label={label}>
      <span className="store-choice-label">{label}</span>
      <div className="store-choice-buttons">
        {options.map((option) => (
          <button key={String(option.value)} type="button" className="btn" aria-pressed={value === option.value} onClick={() => onChange(option.value)}>
            {option.text}
          </button>
        ))}
        <button type="button" className="btn" aria-pressed={value === null} onClick={() => onChange(null)}>
          {t('store.unset')}
        </button>
      </div>
      {serverText && <div className="field-hint">{t('store.fromServer', { value: serverText })}</div>}
    </div>
  );
}
