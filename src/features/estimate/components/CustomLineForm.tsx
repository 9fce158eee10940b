import { zodResolver } from '@hookform/resolvers/zod';
import type { KeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { LINE_KINDS, lineFieldsSchema, type LineFields } from '../../../shared/estimate.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { isMessageKey } from '../../../ui/messages.ts';
import { parseQuantity, parseUnitPrice, type Parsed } from '../line-input.ts';

// The line's own schema for kind, code and description; quantity and price are the text
// typed, checked by the same parses as the line rows so both refuse the same things.
const typed = (parse: (text: string) => Parsed) =>
  z.string().superRefine((text, ctx) => {
    const parsed = parse(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  });

const customLineSchema = lineFieldsSchema.pick({ kind: true, code: true }).extend({
  description: lineFieldsSchema.shape.description.refine((text) => text.trim() !== '', { message: 'required' }),
  quantity: typed(parseQuantity),
  unitPrice: typed(parseUnitPrice),
});
type CustomLine = z.infer<typeof customLineSchema>;

const EMPTY: CustomLine = { kind: 'labour', code: '', description: '', quantity: '1', unitPrice: '' };

type CustomLineFormProps = { onAdd: (fields: LineFields) => Promise<boolean>; onClose: () => void };

/** 自定义项目: a line typed free, for work or parts the catalogue does not list. */
export function CustomLineForm({ onAdd, onClose }: CustomLineFormProps) {
  const { t } = useI18n();
  const form = useForm<CustomLine>({ resolver: zodResolver(customLineSchema), defaultValues: EMPTY, mode: 'onTouched' });
  const { register, handleSubmit, setValue, reset, formState } = form;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const message = (name: keyof CustomLine) => {
    // The schema's messages are keys, but the form library keeps them as plain strings.
    const key = formState.errors[name]?.message;
    return key ? t(isMessageKey(key) ? key : 'field.invalid') : undefined;
  };

  const submit = handleSubmit(async (values) => {
    const quantity = parseQuantity(values.quantity);
    const price = parseUnitPrice(values.unitPrice);
    if (!quantity.ok || !price.ok) return; // the resolver has already refused these
    const fields = lineFieldsSchema.parse({
      kind: values.kind,
      code: values.code.trim(),
      description: values.description.trim(),
      quantityMilli: quantity.value,
      unitPriceFen: price.value,
      discountBp: 0,
    });
    // Kept on screen if the save fails, so nothing typed is lost.
    if (await onAdd(fields)) reset({ ...EMPTY, kind: values.kind });
  });

  // This sits inside the check-in <form>, and forms do not nest: Enter submits this one here.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <div className="custom-line" role="group" aria-label={t('custom.title')} onKeyDown={onKeyDown}>
      <h4>{t('custom.title')}</h4>
      <div className="chips-compact" role="group" aria-label={t('custom.kind')}>
        {LINE_KINDS.map((k) => (
          <Chip key={k} pressed={kind === k} onToggle={() => setValue('kind', k)}>
            {t(k === 'labour' ? 'estimate.labour' : 'estimate.parts')}
          </Chip>
        ))}
      </div>
      <div className="custom-line-fields">
        <Field label={t('custom.description')} error={message('description')}>
          {(a11y) => <input {...a11y} {...register('description')} autoComplete="off" className="custom-description" />}
        </Field>
        <Field label={t('custom.code')} error={message('code')}>
          {(a11y) => <input {...a11y} {...register('code')} autoComplete="off" autoCapitalize="characters" />}
        </Field>
        <Field label={t('line.quantity')} error={message('quantity')}>
          {(a11y) => <input {...a11y} {...register('quantity')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field label={t('line.unitPrice')} error={message('unitPrice')}>
          {(a11y) => (
            <span className="affix">
              <span className="affix-text" aria-hidden="true">
                ¥
              </span>
              <input {...a11y} {...register('unitPrice')} inputMode="decimal" autoComplete="off" placeholder="0.00" />
            </span>
          )}
        </Field>
      </div>
      <div className="toolbar">
        <button type="button" className="btn btn-primary btn-large" disabled={formState.isSubmitting} onClick={() => void submit()}>
          {t('custom.add')}
        </button>
        <button type="button" className="btn btn-large" onClick={onClose}>
          {t('custom.cancel')}
        </button>
      </div>
    </div>
  );
}
