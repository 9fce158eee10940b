import { useFormContext, useWatch } from 'react-hook-form';
import { SERVICE_TYPES, type Card } from '../../../shared/job.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { useFieldError } from '../hooks/use-field-error.ts';
import { TextField } from './TextField.tsx';

export function ServiceStep() {
  const { t } = useI18n();
  const { setValue, trigger } = useFormContext<Card>();
  const types = useWatch<Card, 'serviceTypes'>({ name: 'serviceTypes' }) ?? {};
  const error = useFieldError('serviceTypes');
  return (
    <>
      <fieldset className={`group${error ? ' field-invalid' : ''}`}>
        <legend>{t('serviceTypes')}</legend>
        <div className="chips">
          {SERVICE_TYPES.map((type) => (
            <Chip
              key={type}
              pressed={Boolean(types[type])}
              onToggle={() => {
                setValue(`serviceTypes.${type}`, !types[type]);
                // The rule is on the set as a whole ("at least one"), so validate the set.
                void trigger('serviceTypes');
              }}
            >
              {t(`service.${type}`)}
            </Chip>
          ))}
        </div>
        {error && <div className="field-error" role="alert">{error}</div>}
      </fieldset>
      <TextField path="customerRequest" label="customerRequest" multiline />
    </>
  );
}
