import { describe, it, expect } from 'vitest';
import { PROVINCES, checkPlate, normalizePlate, type PlateCheck } from '../../src/shared/plate.ts';
import { hasFullWidth, toHalfWidth } from '../../src/shared/half-width.ts';

const standard: PlateCheck = { ok: true, kind: 'standard' };
const newEnergy: PlateCheck = { ok: true, kind: 'new-energy' };
const consulate: PlateCheck = { ok: true, kind: 'consulate' };
const embassy: PlateCheck = { ok: true, kind: 'embassy' };
const emergency: PlateCheck = { ok: true, kind: 'emergency' };
const bad = (reason: Extract<PlateCheck, { ok: false }>['reason']): PlateCheck => ({ ok: false, reason });

describe('PROVINCES', () => {
  it('lists the 31 mainland abbreviations once each, in keyboard order', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES).size).toBe(31);
    expect(PROVINCES.join('')).toBe('京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼');
  });
});

describe('normalizePlate', () => {
  it.each([
    ['粤b·123 45', '粤B12345'],
    [' 京 a-88888 ', '京A88888'],
    ['沪A\u3000D1234５', '沪AD12345'], // full-width space goes, a full-width digit turns half-width
    ['粤Ｂ１２３４５', '粤B12345'],
    ['粤ｂ－１２３４５', '粤B12345'], // full-width lower case and dash
    ['粤B１２３４５挂', '粤B12345挂'], // 挂 is no full-width form: it stays
    ['粤B•12345', '粤B12345'],
    ['粤B・12345', '粤B12345'],
    ['粤B．12345', '粤B12345'],
    ['粤B.12345', '粤B12345'],
    ['粤b12345d', '粤B12345D'],
    ['粤B12#45', '粤B12#45'], // never drops a character it does not know
    ['粤Bo1234', '粤BO1234'], // never turns O into 0
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizePlate(input)).toBe(expected);
  });
});

describe('checkPlate', () => {
  it.each<[string, PlateCheck]>([
    // standard, 7 characters
    ['粤B12345', standard],
    ['粤b·123 45', standard],
    ['京A88888', standard],
    ['琼A1B2C3', standard],
    ['琼AB2C34', standard],
    ['沪AD1234', standard], // a D in a 7-character plate is just a letter
    // trailer, learner, police, Hong Kong and Macau plates end in a character
    ['粤B1234挂', standard],
    ['粤B1234学', standard],
    ['粤B1234警', standard],
    ['粤Z1234港', standard],
    ['粤Z1234澳', standard],
    // consulate (领), embassy (使) and rescue-service (应急) plates
    ['沪A1234领', consulate],
    ['粤A0001领', consulate],
    ['沪A1234領', bad('chars')], // the traditional form is not on a mainland plate
    ['沪A12345领', bad('length')],
    ['使014578', embassy],
    ['使 014·578', embassy],
    ['使224001', embassy],
    ['使01457', bad('length')],
    ['使0145789', bad('length')],
    ['使01A578', bad('chars')],
    ['使O14578', bad('io')],
    ['京X1234应急', emergency],
    ['苏A·0009 应急', emergency],
    ['京X123应急', bad('length')],
    ['京X12345应急', bad('length')],
    ['京X12O4应急', bad('io')],
    ['京X12#4应急', bad('chars')],
    ['应急京X1234', bad('province')],
    ['粤B12挂34', bad('chars')],
    // new energy, small car: energy letter, letter or digit, 4 digits
    ['粤BD12345', newEnergy],
    ['粤BF12345', newEnergy],
    ['粤BDA1234', newEnergy],
    ['沪AK12345', newEnergy],
    ['粤BD1234A', bad('chars')],
    ['粤BL12345', bad('length')], // L is no energy letter: a standard plate plus one
    // new energy, large vehicle: 5 digits, energy letter
    ['粤B12345D', newEnergy],
    ['粤b 12345 f', newEnergy],
    ['粤B1234AD', bad('chars')],
    // I and O
    ['粤B12O45', bad('io')],
    ['粤BI2345', bad('io')],
    ['粤O12345', bad('io')],
    ['粤BI234O', bad('io')],
    ['粤BD1234O', bad('io')],
    ['粤BO12345', bad('io')],
    ['粤BI23#5', bad('chars')], // I is not the only problem
    ['粤I1234', bad('length')],
    // province
    ['B12345', bad('province')],
    ['AB12345', bad('province')],
    ['台A12345', bad('province')],
    ['港A12345', bad('province')],
    // issuing-authority letter
    ['粤112345', bad('letter')],
    ['粤挂12345', bad('letter')],
    ['粤Ｂ12345', standard], // full-width from a Chinese input method
    ['粤ｂ·１２３４５', standard],
    ['粤BＤ12345', newEnergy],
    ['粤Ｉ12345', bad('io')],
    // length
    ['', bad('empty')],
    ['粤', bad('length')],
    ['粤B', bad('length')],
    ['粤B1234', bad('length')],
    ['粤B123456', bad('length')],
    ['粤B1234567', bad('length')],
    // characters no plate carries
    ['粤B12#45', bad('chars')],
    ['粤B1234５', standard],
    ['粤B1234＃', bad('chars')], // a full-width # is still no plate character
    ['粤B12_45', bad('chars')],
  ])('%s → %o', (input, expected) => {
    expect(checkPlate(normalizePlate(input))).toEqual(expected);
  });
});

describe('toHalfWidth / hasFullWidth', () => {
  it.each([
    ['Ｂ１２３', 'B123', true],
    ['ａｂｃ－＋（）＃', 'abc-+()#', true],
    ['\u3000', ' ', true],
    ['！～', '!~', true],
    ['粤B12345', '粤B12345', false],
    ['—·・', '—·・', false], // em dash and middle dots have no half-width twin: separators deal with them
    ['', '', false],
  ])('%j → %j (full-width: %s)', (input, half, full) => {
    expect(toHalfWidth(input)).toBe(half);
    expect(hasFullWidth(input)).toBe(full);
    expect(hasFullWidth(toHalfWidth(input))).toBe(false);
  });
});
