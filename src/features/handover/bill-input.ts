// What the desk types on the bill, turned into what the handover stores: amounts in 分 through
// the shared money parse (digit strings, never a binary fraction), the next-service mileage in
// whole km. Each parse says why it refused, as a message key shown beside the box.
import { MAX_BILL_FEN } from '../../shared/handover.ts';
import { MAX_ODOMETER_KM } from '../../shared/job.ts';
import { parseYuan } from '../../shared/money.ts';
import type { ParsedNumber } from '../../ui/NumberField.tsx';

/** A parsed value (null: the box was left empty), or why the text was refused. */
export type BillParsed = ParsedNumber<number | null>;

const MONEY_ERROR = { format: 'bill.error.format', precision: 'bill.error.precision', range: 'bill.error.range' } as const;

/** 实收 as typed ("1,280.50", "¥1280.5", "１２８０"): 分, or null when empty (not paid yet). */
export function parsePaid(input: string): BillParsed {
  const result = parseYuan(input);
  if (!result.ok) return result.reason === 'empty' ? { ok: true, value: null } : { ok: false, error: MONEY_ERROR[result.reason] };
  if (result.fen > MAX_BILL_FEN) return { ok: false, error: 'bill.error.range' };
  return { ok: true, value: result.fen };
}

/** The bill discount as typed: 分, and empty means none (0), never more than the work total. */
export function parseDiscount(input: string, agreedTotalFen: number): BillParsed {
  const parsed = parsePaid(input);
  if (!parsed.ok) return parsed;
  const fen = parsed.value ?? 0;
  // bill() clamps a larger one anyway; refusing it here keeps the stored figure the shown one.
  if (fen > agreedTotalFen) return { ok: false, error: 'bill.error.discountOverTotal' };
  return { ok: true, value: fen };
}

/** 128050 → "1280.50": what an amount box shows; no thousands commas, the keypad has none. */
export function formatYuanInput(fen: number | null): string {
  if (fen === null) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

// A Chinese IME in full-width mode types these digits.
const toHalfWidth = (text: string) => text.replace(/[０-９，]/gu, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) - 0xfee0));

/** 下次保养里程 as typed ("25000", "25,000", "25000km"): whole km, or null when empty. */
export function parseKm(input: string): BillParsed {
  const text = toHalfWidth(input).trim().replace(/\s*(km|公里)$/iu, '').replaceAll(',', '');
  if (text === '') return { ok: true, value: null };
  if (!/^\d{1,7}$/u.test(text)) return { ok: false, error: 'bill.error.km' };
  const km = Number(text);
  if (km > MAX_ODOMETER_KM) return { ok: false, error: 'bill.error.km' };
  return { ok: true, value: km };
}

/** 25000 → "25,000 km"; an unknown mileage says so. */
export function formatKmText(km: number | null, unknown: string): string {
  return km === null ? unknown : `${km.toLocaleString('en-US')} km`;
}
