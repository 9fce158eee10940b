// The customer's phone number (联系电话): mainland mobiles, landlines with area code, and
// 400/800 service numbers. Normalising only removes what is certainly formatting, so a
// mistyped character stays visible and the check can name it.

// Spaces, dashes and the brackets around an area code: (020) 1234-5678.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFF0D()（）]/gu;
// The country code is dropped only before a number shaped like a mobile, the one case where
// its meaning is certain; "+86 20 …" (landline without the 0) stays for the advisor to fix.
const COUNTRY_CODE = /^(?:[+＋]86|0086|86)(?=1\d{10}$)/u;

/** Removes formatting and a +86 / 0086 / 86 in front of a mobile; keeps everything else as typed. */
export function normalizePhone(input: string): string {
  return input.replace(SEPARATORS, '').replace(COUNTRY_CODE, '');
}

export type PhoneCheck =
  | { ok: true; kind: 'mobile' | 'landline' }
  | { ok: false; reason: 'empty' | 'chars' | 'mobile-length' | 'format' };

const MOBILE = /^1[3-9]\d{9}$/;
// Dashes are stripped, so an extension can only follow 转 or #.
const EXTENSION = String.raw`(?:[转#]\d{1,6})?`;
// 010 and 02x areas have 8-digit local numbers; the 0[3-9]xx areas have 7 or 8.
const LANDLINE = new RegExp(String.raw`^(?:0(?:10|2\d)\d{8}|0[3-9]\d{2}\d{7,8})${EXTENSION}$`, 'u');
// 400 and 800 numbers are nationwide service lines without an area code.
const SERVICE = new RegExp(String.raw`^[48]00\d{7}${EXTENSION}$`, 'u');

/** Checks a number that has been through `normalizePhone`. */
export function checkPhone(normalized: string): PhoneCheck {
  if (normalized === '') return { ok: false, reason: 'empty' };
  if (/[^0-9转#]/u.test(normalized)) return { ok: false, reason: 'chars' };
  if (MOBILE.test(normalized)) return { ok: true, kind: 'mobile' };
  if (LANDLINE.test(normalized) || SERVICE.test(normalized)) return { ok: true, kind: 'landline' };
  // A number starting with 1 is meant as a mobile; a missing or extra digit is the usual slip.
  if (/^1\d*$/.test(normalized) && normalized.length !== 11) return { ok: false, reason: 'mobile-length' };
  return { ok: false, reason: 'format' };
}
