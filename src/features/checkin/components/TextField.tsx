import type { HTMLAttributes } from 'react';
import { useFormContext } from 'react-hook-form';
import type { Card } from '../../../shared/job.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import type { MessageKey } from '../../../ui/messages.ts';
import { normalisedValue } from '../hooks/use-autosave.ts';
import { useFieldError } from '../hooks/use-field-error.ts';

type TextFieldProps = {
  path: string;
  label: MessageKey;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  multiline?: boolean;
  autoCapitalize?: string;
  hint?: React.ReactNode;
  onCommitted?: () => void;
};

/** A labelled text input bound to one card field; normalises on blur (plate, VIN, phone). */
export function TextField({ path, label, inputMode, multiline, autoCapitalize, hint, onCommitted }: TextFieldProps) {
  const { t } = useI18n();
  const { register, getValues, setValue } = useFormContext<Card>();
  const error = useFieldError(path);
  const name = path as 'customer.name';
  const registration = register(name, {
    onBlur: () => {
      const value = getValues(name);
      const normalised = normalisedValue(path, value);
      if (normalised !== value) setValue(name, normalised as string, { shouldValidate: true });
      onCommitted?.();
    },
  });
  return (
    <Field label={t(label)} error={error} hint={hint}>
      {(a11y) =>
        multiline ? (
          <textarea {...a11y} {...registration} rows={4} />
        ) : (
          <input {...a11y} {...registration} inputMode={inputMode} autoCapitalize={autoCapitalize} autoComplete="off" />
        )
      }
    </Field>
  );
}
