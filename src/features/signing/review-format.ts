// How the customer's review writes quantities, discounts and fuel. Integer arithmetic on
// digit strings, like money.ts: a quantity of 1.5 h or a discount of 8.5 折 never passes
// through a binary fraction.
import type { Fuel } from '../../shared/job.ts';
import { GAUGE_LABELS } from '../../shared/vehicle-condition.ts';
import type { MessageKey } from '../../ui/messages.ts';

/** Thousandths as a decimal without trailing zeros: 1500 → "1.5", 2000 → "2". */
export function formatMilli(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/**
 * A discount as the customer reads it: in Chinese 折 (what is paid, in tenths: 1000 bp off is
 * 9 折, 1500 bp is 8.5 折), in English percent off; 10000 bp is free. null for no discount.
 */
export function discountMessage(discountBp: number): { key: MessageKey; params: Record<string, string> } | null {
  if (discountBp <= 0) return null;
  if (discountBp >= 10_000) return { key: 'review.free', params: {} };
  return { key: 'review.discount', params: { zhe: formatMilli(10_000 - discountBp), percent: formatHundredths(discountBp) } };
}

function formatHundredths(n: number): string {
  const whole = Math.floor(n / 100);
  const fraction = String(n % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}


/** The message key and parameters for a fuel reading. */
export function fuelMessage(fuel: Fuel): { key: MessageKey; params: Record<string, string | number> } {
  return fuel.kind === 'gauge'
    ? { key: 'review.fuel.gauge', params: { level: GAUGE_LABELS[fuel.eighths] ?? `${fuel.eighths}/8` } }
    : { key: 'review.fuel.battery', params: { percent: fuel.percent } };
}
