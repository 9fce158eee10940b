import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { hasFullWidth } from '../../../shared/half-width.ts';
import type { Card } from '../../../shared/job.ts';
import { useI18n } from '../../../ui/i18n.tsx';

type HalfWidthNoteProps = { path: 'vehicle.plate' | 'vehicle.vin' | 'customer.phone' };

/**
 * "已将全角字符转为半角" under a plate, VIN or phone field once what the advisor typed held
 * full-width characters (Ｂ, １２３) and the field has turned them half-width: the value
 * changed under their hand, so the field says why. Typing a value without any hides it.
 */
export function HalfWidthNote({ path }: HalfWidthNoteProps) {
  const { t } = useI18n();
  const { watch } = useFormContext<Card>();
  const value = useWatch<Card, typeof path>({ name: path }) ?? '';
  const [typedFullWidth, setTypedFullWidth] = useState(false);

  useEffect(() => {
    // Only typing counts ('change'); the normalisation on leaving the field is a setValue.
    const subscription = watch((values, { name, type }) => {
      if (name !== path || type !== 'change') return;
      const [section, key] = path.split('.') as ['vehicle' | 'customer', string];
      const typed: unknown = (values[section] as Record<string, unknown> | undefined)?.[key];
      setTypedFullWidth(typeof typed === 'string' && hasFullWidth(typed));
    });
    return () => subscription.unsubscribe();
  }, [path, watch]);

  if (!typedFullWidth || hasFullWidth(value)) return null;
  return (
    <span className="field-note" role="status">
      {t('input.halfWidth')}
    </span>
  );
}
