// Chinese licence plates (车牌号): how typed input is normalised before it is stored or
// searched, and which shapes GA 36-2018 allows (with the 使/领 plates of embassies and
// consulates and the 应急 plates of rescue services). The check names the single most useful
// problem, because the form shows one message under the field, not a list.
import { toHalfWidth } from './half-width.ts';

/** The 31 mainland province abbreviations, in the order plate keyboards lay them out. */
export const PROVINCES: readonly string[] = [
  '京', '津', '沪', '渝', '冀', '豫', '云', '辽', '黑', '湘', '皖',
  '鲁', '新', '苏', '浙', '赣', '鄂', '桂', '甘', '晋', '蒙', '陕',
  '吉', '闽', '贵', '粤', '青', '藏', '川', '宁', '琼',
];

// What people type to group characters, as printed on the plate (粤B·12345) or as read
// aloud (粤B 123-45): spaces of every width, the middle dots IMEs offer, dashes.
const SEPARATORS = /[\s\u00B7\u2022\u2027\u30FB\uFF65\uFF0E.\-\u2010\u2011\u2012\u2013\u2014\u2212\uFF0D]/gu;

/**
 * Removes the spaces, middle dots and dashes people type between characters. Shared with the
 * VIN, which is read off the same documents and typed the same way.
 */
export function stripSeparators(input: string): string {
  return input.replace(SEPARATORS, '');
}

/**
 * Half-width, upper case, without separators. Anything else stays as typed, so a stray
 * character is reported by `checkPlate` instead of silently turning into a different plate.
 */
export function normalizePlate(input: string): string {
  return stripSeparators(toHalfWidth(input)).toUpperCase();
}

/** standard includes the 挂/学/警/港/澳 plates, which differ only in their last character. */
export type PlateKind = 'standard' | 'new-energy' | 'consulate' | 'embassy' | 'emergency';

export type PlateCheck =
  | { ok: true; kind: PlateKind }
  | { ok: false; reason: 'empty' | 'province' | 'length' | 'letter' | 'chars' | 'io' };

type Shape = { kind: PlateKind; tail: readonly RegExp[] };

const ALNUM = /^[A-HJ-NP-Z0-9]$/;
const DIGIT = /^[0-9]$/;
// GA 36-2018: the energy-type letter of a new-energy plate (D and F are the common ones).
const ENERGY = /^[DABCEFGHJK]$/;
// 挂 trailer, 学 learner, 警 police, 港/澳 cross-border cars from Hong Kong and Macau.
const SPECIAL = /^[挂学警港澳]$/u;
// Anything that can appear after the authority letter on some plate, I and O included so
// that they get their own answer.
const PLATE_CHAR = /^[A-Z0-9挂学警港澳领应急]$/u;
// 使馆 plates carry no province: 使 in its place, then the embassy's 3 digits and 3 more.
const EMBASSY = '使';
const EMBASSY_DIGITS = /^\d{6}$/;
// 应急救援 plates: province, the team's letter, 4 characters, then the two characters 应急.
const EMERGENCY = '应急';

// The characters after the province and the issuing-authority letter.
const SHAPES: readonly Shape[] = [
  { kind: 'standard', tail: [ALNUM, ALNUM, ALNUM, ALNUM, ALNUM] },
  { kind: 'standard', tail: [ALNUM, ALNUM, ALNUM, ALNUM, SPECIAL] },
  // 领馆 plates: 沪A1234领.
  { kind: 'consulate', tail: [ALNUM, ALNUM, ALNUM, ALNUM, /^领$/u] },
  // 应急 plates: 京X1234应急, eight characters like a new-energy plate.
  { kind: 'emergency', tail: [ALNUM, ALNUM, ALNUM, ALNUM, /^应$/u, /^急$/u] },
  // Small new-energy car: 粤BD12345, 粤BF1A234.
  { kind: 'new-energy', tail: [ENERGY, ALNUM, DIGIT, DIGIT, DIGIT, DIGIT] },
  // Large new-energy vehicle (bus, truck): 粤B12345D.
  { kind: 'new-energy', tail: [DIGIT, DIGIT, DIGIT, DIGIT, DIGIT, ENERGY] },
];

const isIO = (c: string) => c === 'I' || c === 'O';

/** Checks a plate that has been through `normalizePlate`. */
export function checkPlate(normalized: string): PlateCheck {
  // Code points, so that one Chinese character counts as one plate character.
  const chars = Array.from(normalized);
  const [province, letter = '', ...tail] = chars;
  if (province === undefined) return { ok: false, reason: 'empty' };
  if (province === EMBASSY) return checkEmbassyPlate(chars.slice(1));
  if (!PROVINCES.includes(province)) return { ok: false, reason: 'province' };
  if (chars.length > 1 && !/^[A-Z]$/.test(letter)) return { ok: false, reason: 'letter' };
  if (chars.length !== 7 && chars.length !== 8) return { ok: false, reason: 'length' };
  // 应急 takes two of the eight places; 京X123应急 is one character short, not a stray one.
  if (normalized.endsWith(EMERGENCY) && chars.length !== 8) return { ok: false, reason: 'length' };

  let onlyIO = false;
  for (const shape of SHAPES) {
    if (shape.tail.length !== tail.length) continue;
    const wrong = tail.filter((c, i) => !shape.tail[i]?.test(c));
    if (isIO(letter)) wrong.push(letter);
    if (wrong.length === 0) return { ok: true, kind: shape.kind };
    // I and O are the usual misreading of 1 and 0; saying so beats "invalid character".
    if (wrong.every(isIO)) onlyIO = true;
  }
  if (onlyIO) return { ok: false, reason: 'io' };
  if (tail.some((c) => !PLATE_CHAR.test(c))) return { ok: false, reason: 'chars' };
  // Eight plate characters without an energy letter where new-energy plates carry one: most
  // likely a standard plate with a character too many.
  const energyLetter = ENERGY.test(tail[0] ?? '') || ENERGY.test(tail[5] ?? '');
  if (tail.length === 6 && !energyLetter) return { ok: false, reason: 'length' };
  return { ok: false, reason: 'chars' };
}

/** 使 followed by six digits: 使014578. */
function checkEmbassyPlate(digits: string[]): PlateCheck {
  const joined = digits.join('');
  if (EMBASSY_DIGITS.test(joined)) return { ok: true, kind: 'embassy' };
  if (digits.some((c) => !/^[0-9IO]$/.test(c))) return { ok: false, reason: 'chars' };
  if (digits.some(isIO)) return { ok: false, reason: 'io' };
  return { ok: false, reason: 'length' };
}
