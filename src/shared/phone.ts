// The customer's phone number (联系电话): mainland mobiles, landlines with area code (and an
// extension after 转, # or a dash), 400/800 service numbers, and the Hong Kong (+852) and Macau
// (+853) mobiles of 粤Z 港/澳 car owners. Normalising only removes what is certainly formatting,
// so a mistyped character stays visible and the check can name it.
import { toHalfWidth } from './half-width.ts';

// Spaces, dashes and the brackets around an area code: (020) 1234-5678.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212()]/gu;
// The country code is dropped only before a number shaped like a mobile, the one case where
// its meaning is certain; "+86 20 …" (landline without the 0) stays for the advisor to fix.
const MAINLAND_CODE = /^(?:\+86|0086|86)(?=1\d{10}$)/u;
// 852/853 written with 00 or nothing in front of 8 digits is Hong Kong or Macau: no mainland
// number starts with 85. It is stored as +852/+853, so the number says where it belongs.
const HK_MO_CODE = /^(?:\+|00)?(85[23])(?=\d{8}$)/u;
// The dash before an extension, as in 0755-12345678-123: the last dash of the typed number.
const DASH_EXTENSION = /^(.*\d)\s*[-\u2010-\u2015\u2212]\s*(\d{1,6})$/u;

const MOBILE = /^1[3-9]\d{9}$/;
const EXTENSION = String.raw`(?:[转#]\d{1,6})?`;
// 010 and 02x areas have 8-digit local numbers; the 0[3-9]xx areas have 7 or 8.
const AREA_NUMBER = String.raw`(?:0(?:10|2\d)\d{8}|0[3-9]\d{2}\d{7,8})`;
// 400 and 800 numbers are nationwide service lines without an area code.
const SERVICE_NUMBER = String.raw`[48]00\d{7}`;
const LANDLINE = new RegExp(String.raw`^(?:${AREA_NUMBER}|${SERVICE_NUMBER})${EXTENSION}$`, 'u');
const LANDLINE_WITHOUT_EXTENSION = new RegExp(String.raw`^(?:${AREA_NUMBER}|${SERVICE_NUMBER})$`, 'u');
// Hong Kong mobiles start with 4-9 (2 and 3 are fixed lines); Macau mobiles start with 6.
const HK_MOBILE = /^\+852[4-9]\d{7}$/;
const MO_MOBILE = /^\+8536\d{7}$/;

/**
 * Half-width, without formatting, with a +86 / 0086 / 86 in front of a mobile dropped, a
 * Hong Kong or Macau number as +852… / +853…, and an extension after a dash written after 转.
 * Everything else is kept as typed.
 */
export function normalizePhone(input: string): string {
  const half = toHalfWidth(input);
  const strip = (s: string) => s.replace(SEPARATORS, '');
  const stripped = strip(half);
  // A dash before the last digits is an extension only when what comes before it is a whole
  // landline and the digits together are not one: 0755-1234-5678 is one number, grouped.
  const extension = DASH_EXTENSION.exec(half);
  if (extension && !LANDLINE.test(stripped)) {
    const [, number = '', ext = ''] = extension;
    if (LANDLINE_WITHOUT_EXTENSION.test(strip(number))) return `${strip(number)}转${ext}`;
  }
  return stripped.replace(MAINLAND_CODE, '').replace(HK_MO_CODE, '+$1');
}

export type PhoneKind = 'mobile' | 'landline' | 'hk-mobile' | 'mo-mobile';

export type PhoneCheck =
  | { ok: true; kind: PhoneKind }
  | { ok: false; reason: 'empty' | 'chars' | 'mobile-length' | 'format' | 'wrong-kind' | 'hk-mo' };

/** Checks a number that has been through `normalizePhone`. */
export function checkPhone(normalized: string): PhoneCheck {
  if (normalized === '') return { ok: false, reason: 'empty' };
  if (HK_MOBILE.test(normalized)) return { ok: true, kind: 'hk-mobile' };
  if (MO_MOBILE.test(normalized)) return { ok: true, kind: 'mo-mobile' };
  // +852/+853 with a number that is no mobile there (or of another length).
  if (/^\+85[23]/u.test(normalized)) return { ok: false, reason: 'hk-mo' };
  if (/[^0-9转#]/u.test(normalized)) return { ok: false, reason: 'chars' };
  if (MOBILE.test(normalized)) return { ok: true, kind: 'mobile' };
  if (LANDLINE.test(normalized)) return { ok: true, kind: 'landline' };
  // Eight digits alone are a Hong Kong or Macau mobile without +852/+853, or a landline
  // without its area code: either way a number of another kind, not a mobile a digit short.
  if (/^\d{8}$/u.test(normalized)) return { ok: false, reason: 'wrong-kind' };
  // A number starting with 1 is meant as a mobile; a missing or extra digit is the usual slip.
  if (/^1\d*$/.test(normalized) && normalized.length !== 11) return { ok: false, reason: 'mobile-length' };
  return { ok: false, reason: 'format' };
}
