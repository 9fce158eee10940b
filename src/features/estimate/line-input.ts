// What the advisor types into an estimate line, turned into the integers the line stores:
// quantity in thousandths, price in 分, discount in basis points. Every parse works on digit
// strings, so "1.1" never becomes 1.1000000000000001 on its way to the money.
import { MAX_UNIT_PRICE_FEN } from '../../shared/estimate.ts';
import { parseYuan } from '../../shared/money.ts';
import type { MessageKey } from '../../ui/messages.ts';

/** A parsed value, or the message key saying why the text was refused. */
export type Parsed = { ok: true; value: number } | { ok: false; error: MessageKey };

/** Largest quantity a line accepts (the schema's limit), in thousandths. */
const MAX_QUANTITY_MILLI = 9_999_000;

// A Chinese IME in full-width mode types these; they mean the same as their ASCII twins.
const FULL_WIDTH = /[０-９．％]/gu;
const toHalfWidth = (text: string) =>
  text.replace(FULL_WIDTH, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) - 0xfee0));

// Whole part and fraction kept apart as strings; "4." and ".5" are what thumbs type.
const DECIMAL = /^(\d*)(?:\.(\d*))?$/u;

function splitDecimal(input: string): { whole: string; fraction: string } | null {
  const match = DECIMAL.exec(toHalfWidth(input).trim());
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  return whole === '' && fraction === '' ? null : { whole, fraction };
}

/** "1.5" → 1500. Labour hours and litres of oil both need decimals; more than 3 is a typo. */
export function parseQuantity(input: string): Parsed {
  if (input.trim() === '') return { ok: false, error: 'line.error.quantityEmpty' };
  const parts = splitDecimal(input);
  if (!parts) return { ok: false, error: 'line.error.quantityFormat' };
  if (parts.fraction.length > 3) return { ok: false, error: 'line.error.quantityPrecision' };
  const whole = parts.whole.replace(/^0+(?=\d)/u, '');
  if (whole.length > 4) return { ok: false, error: 'line.error.quantityRange' };
  const milli = Number(whole || '0') * 1000 + Number(parts.fraction.padEnd(3, '0'));
  if (milli <= 0) return { ok: false, error: 'line.error.quantityPositive' };
  if (milli > MAX_QUANTITY_MILLI) return { ok: false, error: 'line.error.quantityRange' };
  return { ok: true, value: milli };
}

/** 1500 → "1.5", 4000 → "4". */
export function formatQuantity(milli: number): string {
  return decimalText(milli, 3);
}

/** Unit price as typed, via the shared money parse, within what a line may hold. */
export function parseUnitPrice(input: string): Parsed {
  const result = parseYuan(input);
  if (!result.ok) {
    const reason = result.reason;
    const key = ({ empty: 'priceEmpty', format: 'priceFormat', precision: 'pricePrecision', range: 'priceRange' } as const)[reason];
    return { ok: false, error: `line.error.${key}` };
  }
  if (result.fen > MAX_UNIT_PRICE_FEN) return { ok: false, error: 'line.error.priceRange' };
  return { ok: true, value: result.fen };
}

/** 38000 → "380.00": what the price box shows; no thousands commas, the keypad has none. */
export function formatPriceInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** The quick discounts the desk actually gives: none, 9.5折, 9折, 8.5折, 8折. */
export const PRESET_DISCOUNTS_BP = [0, 500, 1000, 1500, 2000] as const;

/** "12.5" (percent off) → 1250 bp. Empty means no discount, which is what clearing the box says. */
export function parsePercentOff(input: string): Parsed {
  const text = toHalfWidth(input).trim().replace(/%$/u, '').trim();
  if (text === '') return { ok: true, value: 0 };
  const parts = splitDecimal(text);
  if (!parts) return { ok: false, error: 'line.error.discountFormat' };
  if (parts.fraction.length > 2) return { ok: false, error: 'line.error.discountPrecision' };
  const whole = parts.whole.replace(/^0+(?=\d)/u, '');
  if (whole.length > 3) return { ok: false, error: 'line.error.discountRange' };
  const bp = Number(whole || '0') * 100 + Number(parts.fraction.padEnd(2, '0'));
  if (bp > 10_000) return { ok: false, error: 'line.error.discountRange' };
  return { ok: true, value: bp };
}

/** 1250 bp → "12.5" (percent off). */
export function formatPercent(bp: number): string {
  return decimalText(bp, 2);
}

/** 1000 bp → "9" (9折: the customer pays 9 tenths), 1200 → "8.8". */
export function formatZhe(bp: number): string {
  return decimalText(10_000 - bp, 3);
}

/** A non-negative integer scaled by 10^places as a decimal without trailing zeros. */
function decimalText(scaled: number, places: number): string {
  const unit = 10 ** places;
  const whole = Math.floor(scaled / unit);
  const fraction = String(scaled % unit).padStart(places, '0').replace(/0+$/u, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
