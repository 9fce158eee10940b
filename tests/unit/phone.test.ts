import { describe, it, expect } from 'vitest';
import { checkPhone, normalizePhone, type PhoneCheck } from '../../src/shared/phone.ts';

const mobile: PhoneCheck = { ok: true, kind: 'mobile' };
const landline: PhoneCheck = { ok: true, kind: 'landline' };
const bad = (reason: Extract<PhoneCheck, { ok: false }>['reason']): PhoneCheck => ({ ok: false, reason });

describe('normalizePhone', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['＋86 13812345678', '13812345678'],
    ['(+86) 138 1234 5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(020) 1234-5678', '02012345678'],
    ['（0755）1234\u30005678', '075512345678'],
    ['+86 20 1234 5678', '+862012345678'], // not a mobile: the prefix stays for the check
    ['86 1381234567', '861381234567'], // 10 digits after 86 are no mobile either
    ['010-1234 5678转123', '01012345678转123'],
    ['138.1234.5678', '138.1234.5678'], // unknown characters stay as typed
    ['１３８12345678', '１３８12345678'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});

describe('checkPhone', () => {
  it.each<[string, PhoneCheck]>([
    // mobiles
    ['13812345678', mobile],
    ['19912345678', mobile],
    ['+86 138 1234 5678', mobile],
    ['0086-138-1234-5678', mobile],
    ['8615012345678', mobile],
    ['12812345678', bad('format')], // 12x is not a mobile range
    ['10086123456', bad('format')],
    ['1381234567', bad('mobile-length')],
    ['138123456789', bad('mobile-length')],
    ['138 1234 567', bad('mobile-length')],
    ['13812345678转1', bad('format')],
    // landlines with area code
    ['02012345678', landline],
    ['(020) 1234-5678', landline],
    ['01012345678', landline],
    ['075512345678', landline],
    ['0755-1234567', landline],
    ['0571 8765 4321', landline],
    ['010-12345678转123', landline],
    ['0755-12345678#8001', landline],
    ['010-1234567', bad('format')], // Beijing numbers have 8 digits
    ['0755-123456', bad('format')],
    ['0755-123456789', bad('format')],
    ['010-12345678转1234567', bad('format')],
    ['010-12345678转', bad('format')],
    ['87654321', bad('format')], // no area code
    ['+86 20 1234 5678', bad('chars')],
    // nationwide service numbers
    ['400-123-4567', landline],
    ['800 810 8888', landline],
    ['4001234567转2', landline],
    ['40012345678', bad('format')],
    ['500-123-4567', bad('format')],
    // other
    ['', bad('empty')],
    ['   ', bad('empty')],
    ['138.1234.5678', bad('chars')],
    ['１３８12345678', bad('chars')],
    ['abc', bad('chars')],
  ])('%j → %o', (input, expected) => {
    expect(checkPhone(normalizePhone(input))).toEqual(expected);
  });
});
