// The VIN (车架号): normalising what the advisor types, the ISO 3779 / GB 16735 check, and the
// little a VIN says by itself offline (maker, country, model year). A wrong check digit is a
// result, not an error: imported and old vehicles carry them, and the advisor decides.
import { toHalfWidth } from './half-width.ts';
import { WMI_MAKERS, type BilingualName } from './wmi.ts';

// Spaces and the middle dots IMEs offer, as people group a VIN in threes or fours to read it
// out. Not dashes: no VIN document prints one, so a dash is a slip the check names (a dash
// dropped silently could hide a character typed as one).
const VIN_SEPARATORS = /[\s\u00B7\u2022\u2027\u30FB\uFF65]/gu;

/**
 * Half-width, upper case, without spaces or middle dots. Letters are never swapped for digits
 * (O for 0) and dashes stay: the check reports them, and the advisor corrects what is on the car.
 */
export function normalizeVin(input: string): string {
  return toHalfWidth(input).replace(VIN_SEPARATORS, '').toUpperCase();
}

const VIN_LENGTH = 17;
const VIN_CHAR = /^[A-HJ-NPR-Z0-9]$/;

// ISO 3779 transliteration: letters count 1-9 in runs (A-I, J-R, S-Z) as if I, O and Q were
// still there, which is why P is 7 and S starts at 2.
const VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
  '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
};
// Position 9 weighs 0: it is the check digit itself.
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The check digit (position 9) the other 16 characters call for, or null if `vin` is not 17 VIN characters. */
export function vinCheckDigit(vin: string): string | null {
  const chars = Array.from(vin);
  if (chars.length !== VIN_LENGTH) return null;
  let sum = 0;
  for (const [i, c] of chars.entries()) {
    const value = VALUES[c];
    const weight = WEIGHTS[i];
    if (value === undefined || weight === undefined) return null;
    sum += value * weight;
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export type VinCheck =
  | { status: 'empty' }
  | { status: 'bad-length'; length: number }
  | { status: 'bad-chars'; chars: string[] }
  | { status: 'bad-check-digit'; expected: string; actual: string }
  | { status: 'valid' };

/** Checks a VIN that has been through `normalizeVin`. */
export function checkVin(normalized: string): VinCheck {
  const chars = Array.from(normalized);
  if (chars.length === 0) return { status: 'empty' };
  // Bad characters first: they are wrong at any length, and naming them (O, Q, a stray 车)
  // tells the advisor what to fix, where a length alone would not.
  const bad = [...new Set(chars.filter((c) => !VIN_CHAR.test(c)))];
  if (bad.length > 0) return { status: 'bad-chars', chars: bad };
  if (chars.length !== VIN_LENGTH) return { status: 'bad-length', length: chars.length };
  const expected = vinCheckDigit(normalized);
  const actual = chars[8];
  // Cannot happen after the checks above; it narrows the types without a cast.
  if (expected === null || actual === undefined) return { status: 'bad-length', length: chars.length };
  return expected === actual ? { status: 'valid' } : { status: 'bad-check-digit', expected, actual };
}

export type VinFacts = {
  maker: BilingualName | null;
  country: BilingualName | null;
  modelYear: number | null;
};

// ISO 3780 country ranges by first character and a range of second characters. Only the
// ranges for the countries a Chinese desk sees are listed; others decode to null.
const COUNTRIES: readonly { first: string; from: string; to: string; name: BilingualName }[] = [
  { first: 'L', from: 'A', to: '0', name: { zh: '中国', en: 'China' } },
  { first: 'W', from: 'A', to: '0', name: { zh: '德国', en: 'Germany' } },
  { first: 'J', from: 'A', to: '0', name: { zh: '日本', en: 'Japan' } },
  { first: 'K', from: 'L', to: 'R', name: { zh: '韩国', en: 'South Korea' } },
  { first: '1', from: 'A', to: '0', name: { zh: '美国', en: 'USA' } },
  { first: '4', from: 'A', to: '0', name: { zh: '美国', en: 'USA' } },
  { first: '5', from: 'A', to: '0', name: { zh: '美国', en: 'USA' } },
  { first: '2', from: 'A', to: 'W', name: { zh: '加拿大', en: 'Canada' } },
  { first: '3', from: 'A', to: 'W', name: { zh: '墨西哥', en: 'Mexico' } },
  { first: 'S', from: 'A', to: 'M', name: { zh: '英国', en: 'United Kingdom' } },
  { first: 'V', from: 'F', to: 'R', name: { zh: '法国', en: 'France' } },
  { first: 'V', from: 'S', to: 'W', name: { zh: '西班牙', en: 'Spain' } },
  { first: 'Y', from: 'S', to: 'W', name: { zh: '瑞典', en: 'Sweden' } },
  { first: 'Z', from: 'A', to: 'R', name: { zh: '意大利', en: 'Italy' } },
  { first: 'T', from: 'A', to: 'H', name: { zh: '瑞士', en: 'Switzerland' } },
  { first: 'T', from: 'J', to: 'P', name: { zh: '捷克', en: 'Czechia' } },
];
// The order ISO 3780 ranges run in: letters, then digits with 0 last.
const RANGE_ORDER = 'ABCDEFGHJKLMNPRSTUVWXYZ1234567890';

function countryOf(vin: string): BilingualName | null {
  const first = vin[0];
  const second = vin[1];
  if (first === undefined || second === undefined) return null;
  const at = RANGE_ORDER.indexOf(second);
  if (at < 0) return null;
  const range = COUNTRIES.find(
    (r) => r.first === first && RANGE_ORDER.indexOf(r.from) <= at && at <= RANGE_ORDER.indexOf(r.to),
  );
  return range?.name ?? null;
}

// Position 10 cycles every 30 years through these codes, starting with A = 1980. GB 16735
// and the North American rules require it; some European makers use position 10 for other
// things, so the model year is a hint to show, never a fact to check a card against.
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';
const CYCLE_START = 1980;
const CYCLE = 30;

function modelYearOf(vin: string, now: Date): number | null {
  if (Array.from(vin).length !== VIN_LENGTH) return null;
  const code = vin[9];
  const index = code === undefined ? -1 : YEAR_CODES.indexOf(code);
  if (index < 0) return null;
  const first = CYCLE_START + index;
  // Next year's models go on sale this year, so the latest plausible year is next year.
  const latest = now.getUTCFullYear() + 1;
  if (latest < first) return null;
  return first + CYCLE * Math.floor((latest - first) / CYCLE);
}

/**
 * What a normalised VIN says without a network: maker (from the WMI table), country of
 * manufacture and model year. The maker and country show as soon as their characters are
 * typed; the model year only for a full VIN, since position 10 means nothing before.
 */
export function decodeVin(vin: string, now: Date = new Date()): VinFacts {
  return {
    maker: WMI_MAKERS[vin.slice(0, 3)] ?? null,
    country: countryOf(vin),
    modelYear: modelYearOf(vin, now),
  };
}
