import { useState, type FormEvent } from 'react';
import { LINE_KINDS, lineAmounts, type LineFields } from '../../../shared/estimate.ts';
import { formatFen } from '../../../shared/money.ts';
import type { AdditionFields } from '../../../shared/additions.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { quantityMilliOf, quantityText, unitPriceFenOf } from '../addition-input.ts';
import { FormActions } from './FormActions.tsx';

type AdditionFormProps = {
  title: string;
  /** The line as picked from the catalogue, typed, or as saved (when editing). */
  initial: LineFields & { reason?: string };
  /**
   * Parts the picked labour item carries (带料工时): each offered as its own line with the same
   * reason, ticked to begin with; the advisor unticks one the car does not need.
   */
  parts?: LineFields[];
  /** The line, and the ticked parts as lines of their own with the line's reason. */
  onSave: (fields: AdditionFields, parts: AdditionFields[]) => Promise<boolean>;
  onCancel: () => void;
};

type Problems = Partial<Record<'description' | 'quantity' | 'unitPrice' | 'reason', string>>;

/** One additional line: what, how many, at what price, and the reason (required). */
export function AdditionForm({ title, initial, parts = [], onSave, onCancel }: AdditionFormProps) {
  const { t, language } = useI18n();
  const [partsLeftOut, setPartsLeftOut] = useState<ReadonlySet<number>>(new Set());
  const [kind, setKind] = useState(initial.kind);
  const [description, setDescription] = useState(initial.description);
  const [quantity, setQuantity] = useState(quantityText(initial.quantityMilli));
  const [unitPrice, setUnitPrice] = useState((initial.unitPriceFen / 100).toFixed(2));
  const [reason, setReason] = useState(initial.reason ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const quantityMilli = quantityMilliOf(quantity);
    const unitPriceFen = unitPriceFenOf(unitPrice);
    const found: Problems = {
      ...(description.trim() === '' && { description: t('addition.descriptionRequired') }),
      ...(quantityMilli === null && { quantity: t('addition.quantityInvalid') }),
      ...(unitPriceFen === null && { unitPrice: t('addition.priceInvalid') }),
      ...(reason.trim() === '' && { reason: t('addition.reasonRequired') }),
    };
    setProblems(found);
    if (quantityMilli === null || unitPriceFen === null || Object.keys(found).length > 0) return;
    setSaving(true);
    const because = reason.trim();
    const saved = await onSave(
      { kind, code: initial.code, description: description.trim(), quantityMilli, unitPriceFen, discountBp: initial.discountBp, reason: because },
      parts.filter((_, index) => !partsLeftOut.has(index)).map((part) => ({ ...part, reason: because })),
    );
    if (!saved) setSaving(false);
  }

  return (
    <form className="addition-form group" noValidate onSubmit={(e) => void submit(e)} aria-label={title}>
      <h3>{title}</h3>
      <div className="chips-compact" role="group" aria-label={t('addition.title')}>
        {LINE_KINDS.map((k) => (
          <Chip key={k} pressed={kind === k} onToggle={() => setKind(k)}>
            {t(`addition.kind.${k}`)}
          </Chip>
        ))}
      </div>
      <Field label={t('addition.description')} error={problems.description}>
        {(a11y) => <input {...a11y} value={description} maxLength={200} autoComplete="off" onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="addition-form-numbers">
        <Field label={t('addition.quantity')} error={problems.quantity}>
          {(a11y) => <input {...a11y} value={quantity} inputMode="decimal" autoComplete="off" onChange={(e) => setQuantity(e.target.value)} />}
        </Field>
        <Field label={t('addition.unitPrice')} error={problems.unitPrice}>
          {(a11y) => <input {...a11y} value={unitPrice} inputMode="decimal" autoComplete="off" onChange={(e) => setUnitPrice(e.target.value)} />}
        </Field>
      </div>
      {parts.length > 0 && (
        <div className="chips-compact addition-parts" role="group" aria-label={t('addition.withParts')}>
          <p className="addition-parts-title">{t('addition.withParts')}</p>
          {parts.map((part, index) => (
            <Chip
              key={`${part.code}:${index}`}
              pressed={!partsLeftOut.has(index)}
              onToggle={() => setPartsLeftOut((left) => toggled(left, index))}
            >
              {t('addition.partLine', {
                name: part.description,
                quantity: quantityText(part.quantityMilli),
                amount: formatFen(lineAmounts(part).netFen, language),
              })}
            </Chip>
          ))}
        </div>
      )}
      <Field label={t('addition.reason')} error={problems.reason}>
        {(a11y) => <textarea {...a11y} value={reason} rows={2} maxLength={200} autoFocus onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormActions submitLabel={t('addition.save')} saving={saving} onCancel={onCancel} />
    </form>
  );
}

function toggled(set: ReadonlySet<number>, index: number): Set<number> {
  const next = new Set(set);
  if (!next.delete(index)) next.add(index);
  return next;
}
