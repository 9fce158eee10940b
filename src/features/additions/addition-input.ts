// The advisor's typing on an additional line turned into what the line stores (quantity in
// thousandths, price in 分), and how a line's state is told: waiting, or decided with how.
// A phone confirmation is always told as one, with its time, number and who agreed.
import type { DecidedAddition } from '../../shared/additions.ts';
import { formatLocalDateTime, nowIso } from '../../shared/local-time.ts';
import { MAX_UNIT_PRICE_FEN } from '../../shared/estimate.ts';
import { parseYuan } from '../../shared/money.ts';
import type { MessageKey } from '../../ui/messages.ts';

// Whole units and up to three decimals, as the schema keeps quantities in thousandths.
const QUANTITY = /^(\d{1,4})(?:\.(\d{1,3}))?$/u;

/** "1.5" → 1500; null when it is not a positive quantity of at most three decimals. */
export function quantityMilliOf(text: string): number | null {
  const match = QUANTITY.exec(text.trim().replace(/．/gu, '.').replace(/[０-９]/gu, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) - 0xfee0)));
  if (!match) return null;
  const milli = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return milli > 0 ? milli : null;
}

/** Thousandths as the advisor types them: 1500 → "1.5". */
export function quantityText(milli: number): string {
  const fraction = String(milli % 1000).padStart(3, '0').replace(/0+$/u, '');
  return fraction ? `${Math.floor(milli / 1000)}.${fraction}` : String(Math.floor(milli / 1000));
}

/** A unit price typed in yuan → 分, or null when it is not one. */
export function unitPriceFenOf(text: string): number | null {
  const parsed = parseYuan(text);
  return parsed.ok && parsed.fen <= MAX_UNIT_PRICE_FEN ? parsed.fen : null;
}

export type LineState = {
  state: 'pending' | 'approved' | 'declined';
  /** How it was decided, as a message with its parameters; null while waiting. */
  how: { key: MessageKey; params: Record<string, string> } | null;
};

/** The state a line shows: 待客户确认, or 已同意 / 已拒绝 with 客户签字 or 电话确认 and its details. */
export function lineState(line: Pick<DecidedAddition, 'decision' | 'approval'>): LineState {
  const { decision, approval } = line;
  if (decision === null || approval === null) return { state: 'pending', how: null };
  const { via } = approval;
  const how: LineState['how'] =
    via.kind === 'signature'
      ? { key: 'addition.via.signature' as const, params: { time: formatLocalDateTime(approval.decidedAt) } }
      : { key: 'addition.via.phone' as const, params: { time: formatLocalDateTime(via.calledAt), phone: via.phone, agreedBy: via.agreedBy } };
  return { state: decision, how };
}

/** A time on the shop's clock as a datetime-local input shows it: "2026-11-27T14:30". */
export function clockInputOf(iso: string): string {
  return formatLocalDateTime(iso).replace(' ', 'T');
}

/**
 * A datetime-local value read on the shop's clock (its offset now: Shanghai keeps +08:00 all
 * year) → an ISO time with that offset; null when it is not a time.
 */
export function isoOfClockInput(value: string, now = new Date()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u.test(value)) return null;
  const offset = /[+-]\d{2}:\d{2}$/u.exec(nowIso(now))?.[0] ?? 'Z';
  const iso = `${value}:00.000${offset}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
