// How a discount reads at the desk: 9折 in Chinese (the share paid), "10% off" in English.
import type { Translate } from '../../ui/i18n.tsx';
import { formatPercent, formatZhe } from './line-input.ts';

export function discountText(bp: number, t: Translate): string {
  if (bp === 0) return t('discount.none');
  if (bp === 10_000) return t('discount.free');
  return t('discount.zhe', { zhe: formatZhe(bp), percent: formatPercent(bp) });
}
