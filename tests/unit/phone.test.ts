import { describe, it, expect } from 'vitest';
import { checkPhone, normalizePhone, type PhoneCheck } from '../../src/shared/phone.ts';

const mobile: PhoneCheck = { ok: true, kind: 'mobile' };
const landline: PhoneCheck = { ok: true, kind: 'landline' };
const hongKong: PhoneCheck = { ok: true, kind: 'hk-mobile' };
const macau: PhoneCheck = { ok: true, kind: 'mo-mobile' };
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
    ['１３８12345678', '13812345678'], // full-width digits from a Chinese input method
    ['＋８６\u3000１３８－１２３４－５６７８', '13812345678'],
    ['０７５５－１２３４５６７８', '075512345678'],
    // an extension after a dash, written after 转
    ['0755-12345678-123', '075512345678转123'],
    ['010-12345678-1', '01012345678转1'],
    ['0755 1234 5678 - 8001', '075512345678转8001'],
    ['400-123-4567-2', '4001234567转2'],
    ['0755-1234-5678', '075512345678'], // grouped digits: no extension
    ['0755-1234567-8', '075512345678'], // the digits together are a landline: read as one number
    ['138-1234-5678-1', '138123456781'], // a mobile has no extension
    // Hong Kong and Macau, stored with their code
    ['+852 9123 4567', '+85291234567'],
    ['+852-9123-4567', '+85291234567'],
    ['(852) 9123 4567', '+85291234567'],
    ['00852 91234567', '+85291234567'],
    ['852 9123 4567', '+85291234567'],
    ['＋８５３\u3000６６１２\u3000３４５６', '+85366123456'],
    ['+853 6612 345', '+8536612345'], // 7 digits: the code stays as typed for the check
    ['91234567', '91234567'], // no code: kept as typed
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
    ['8765432', bad('format')], // 7 digits, no area code
    ['87654321', bad('wrong-kind')], // 8 digits: a landline without its area code, or 港澳 without +852/+853
    ['12345678', bad('wrong-kind')], // not a mobile of the wrong length
    ['91234567', bad('wrong-kind')],
    ['6612 3456', bad('wrong-kind')],
    // an extension after a dash
    ['0755-12345678-123', landline],
    ['010-12345678-1', landline],
    ['0571-8765432-12', landline],
    ['0755-12345678-1234567', bad('format')], // extensions have at most 6 digits
    ['0755-12345678-', landline], // a dash with nothing after it is only formatting
    ['13812345678-1', bad('mobile-length')],
    // Hong Kong (+852) and Macau (+853) mobiles
    ['+852 9123 4567', hongKong],
    ['+852 5123 4567', hongKong],
    ['+852-6123-4567', hongKong],
    ['00852 4612 3456', hongKong],
    ['852 9123 4567', hongKong],
    ['+853 6612 3456', macau],
    ['+853-6212-3456', macau],
    ['00853 66123456', macau],
    ['+852 2123 4567', bad('hk-mo')], // a Hong Kong fixed line, not a mobile
    ['+852 9123 456', bad('hk-mo')],
    ['+852 9123 45678', bad('hk-mo')],
    ['+853 2812 3456', bad('hk-mo')], // a Macau fixed line
    ['+853 9123 4567', bad('hk-mo')], // Macau mobiles start with 6
    ['+81 90 1234 5678', bad('chars')], // other countries: not a number the desk can call back
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
    ['１３８12345678', mobile],
    ['１３８－１２３４－５６７８', mobile],
    ['０２０－１２３４５６７８', landline],
    ['１３８１２３４５６７', bad('mobile-length')],
    ['１３８ｘ2345678', bad('chars')],
    ['abc', bad('chars')],
  ])('%j → %o', (input, expected) => {
    expect(checkPhone(normalizePhone(input))).toEqual(expected);
  });
});
