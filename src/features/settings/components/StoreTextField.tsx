import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';

type StoreTextFieldProps = {
  label: string;
  value: string;
  maxLength: number;
  inputMode?: 'tel' | undefined;
  /** The store server's value for this field, '' when it has none. */
  serverValue: string;
  error: string | undefined;
  onChange: (value: string) => void;
};

/** One line of the store's profile, with the server's value beside it when that one is printed. */
export function StoreTextField({ label, value, maxLength, inputMode, serverValue, error, onChange }: StoreTextFieldProps) {
  const { t } = useI18n();
  return (
    <Field label={label} error={error} hint={serverValue ? t('store.fromServer', { value: serverValue }) : undefined}>
      {(props) => (
        // A little room over the limit, so a pasted text too long is said, not silently cut.
        <input {...props} value={value} maxLength={maxLength + 20} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
