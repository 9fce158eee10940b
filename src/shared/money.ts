// Money in CNY, kept as integer 分 (fen) everywhere and turned into text only here: the
// display format and the parse of what the advisor types. Both work on digit strings, so no
// amount ever passes through a binary fraction such as 0.07 or 19.99.

export type MoneyLocale = 'zh-CN' | 'en';

// Both UI languages write ¥ on purpose: the desk and its printed sheets say ¥1,234.50, and
// Intl's English "CN¥" would read as noise there. The table keeps any future difference here.
const SYMBOL: Readonly<Record<MoneyLocale, string>> = { 'zh-CN': '¥', en: '¥' };

/** "¥1,234.50", "-¥12.00". Throws RangeError for a non-integer: a caller holding yuan is a bug. */
export function formatFen(fen: number, locale: MoneyLocale = 'zh-CN'): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFen needs a safe integer of fen, got ${fen}`);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(?:\d{3})+$)/g, ',');
  const sign = fen < 0 ? '-' : '';
  return `${sign}${SYMBOL[locale]}${yuan}.${digits.slice(-2)}`;
}

export type ParseYuanResult =
  | { ok: true; fen: number }
  | { ok: false; reason: 'empty' | 'format' | 'precision' | 'range' };

/** ¥99,999,999.99: above that a figure at a service desk is a typo. */
export const MAX_FEN = 9_999_999_999;

// A Chinese IME in full-width mode types these; they mean the same as their ASCII twins.
const FULL_WIDTH = /[０-９．，－]/gu;
const toHalfWidth = (text: string) =>
  text.replace(FULL_WIDTH, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) - 0xfee0));

// Optional minus and currency sign, then whole yuan (plain, or grouped by correct thousands
// commas), then an optional fraction of any length so that too many decimals is its own answer.
const AMOUNT = /^(-?)[¥￥]?\s*(-?)([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d+))?$/u;

/** Parses yuan as typed ("1,234.50", "¥12", "１９．９９") into fen. */
export function parseYuan(input: string): ParseYuanResult {
  const text = toHalfWidth(input).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const match = AMOUNT.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const [, signBefore = '', signAfter = '', whole = '', fraction = ''] = match;
  if (signBefore && signAfter) return { ok: false, reason: 'format' };
  if (fraction.length > 2) return { ok: false, reason: 'precision' };
  if (signBefore || signAfter) return { ok: false, reason: 'range' };
  const yuan = whole.replaceAll(',', '');
  // Exact up to far beyond MAX_FEN; a longer paste is inexact but still compares as too big.
  const fen = Number(yuan + fraction.padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, reason: 'range' };
  return { ok: true, fen };
}
