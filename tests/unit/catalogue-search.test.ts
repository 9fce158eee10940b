// Catalogue search as the advisor types: code prefix, Chinese substring, pinyin initials,
// several terms at once, and the order results come in.
import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../../src/shared/catalogue.ts';
import { SAMPLE_CATALOGUE } from '../../src/shared/catalogue-sample.ts';
import { createCatalogueIndex } from '../../src/shared/catalogue-search.ts';

const item = (code: string, name: string, initials: string, kind: CatalogueItem['kind'] = 'part'): CatalogueItem => ({
  code,
  kind,
  name,
  initials,
  unit: kind === 'labour' ? '工时' : '个',
  unitPriceFen: 1000,
});

// Deliberately out of code order, to show the index sorts.
const ITEMS: CatalogueItem[] = [
  item('P-20001', '机油滤清器', 'jylqq'),
  item('L-0101', '更换机油机滤', 'ghjyjl', 'labour'),
  item('P-10001', '全合成机油 5W-30', 'qhcjy5w30'),
  item('P-10004', '全合成机油 5W-40', 'qhcjy5w40'),
  item('P-10005', '半合成机油 10W-40', 'bhcjy10w40'),
  item('P-20003', '空气滤清器', 'kqlqq'),
  item('P-20004', '空调滤清器', 'ktlqq'),
  item('L-0102', '更换空气滤芯', 'ghkqlx', 'labour'),
  item('P-30001', '前刹车片', 'qscp'),
  item('P-30002', '后刹车片', 'hscp'),
  item('L-0201', '更换前刹车片', 'ghqscp', 'labour'),
  item('P-50005', '灯泡 H7', 'dph7'),
  item('P-1', '刹车油 DOT4', 'scydot4'),
  item('P-10', '刹车油 DOT4 LV', 'scydot4lv'),
];

const index = createCatalogueIndex(ITEMS);
const codes = (query: string, limit?: number) => index.search(query, limit).map((found) => found.code);

describe('catalogue search', () => {
  it.each<[string, string, string[]]>([
    // code: prefix only, any case, with or without the dash
    ['code prefix', 'P-2000', ['P-20001', 'P-20003', 'P-20004']],
    ['code in lower case', 'l-01', ['L-0101', 'L-0102']],
    ['code without its dash', 'p10001', ['P-10001']],
    ['code digits in the middle do not match', '0001', []],
    // Chinese name: anywhere in it
    ['Chinese substring', '刹车片', ['L-0201', 'P-30001', 'P-30002']],
    ['Chinese substring in the middle', '滤清', ['P-20001', 'P-20003', 'P-20004']],
    ['full-width letters from an IME', 'Ｈ７', ['P-50005']],
    // pinyin initials: prefix or anywhere
    ['initials prefix', 'jylq', ['P-20001']],
    ['initials of a labour item', 'ghjy', ['L-0101']],
    ['initials in upper case', 'KTLQ', ['P-20004']],
    ['initials substring', 'lqq', ['P-20001', 'P-20003', 'P-20004']],
    // several terms: every one must match, each in any field
    ['two Chinese terms', '机油 5w', ['P-10001', 'P-10004']],
    ['Chinese and a model code', '机油 40', ['P-10004', 'P-10005']],
    ['initials and a word', 'qhc 5W-3', ['P-10001']],
    ['terms in any order', '5w 机油', ['P-10001', 'P-10004']],
    ['spaces around, full-width space between', '  机油\u3000半 ', ['P-10005']],
    ['one term fails, nothing matches', '机油 刹车', []],
    // nothing
    ['no match', '轮胎', []],
    ['empty query', '', []],
    ['only spaces', '   ', []],
  ])('%s: %s', (_name, query, expected) => {
    expect(codes(query)).toEqual(expected);
  });

  it('ranks exact code, code prefix, initials prefix, name prefix, then substring; ties by code', () => {
    // Codes chosen so that code order alone would give the reverse.
    const ranked = createCatalogueIndex([
      item('A-0', '油封 sc', 'yfsc'), // substring
      item('A-1', 'sc 密封圈', 'mfq'), // name prefix
      item('Y-1', '刹车盘', 'scp'), // initials prefix
      item('Y-0', '刹车片', 'scp'), // initials prefix, earlier code
      item('SC-2', '清洗剂', 'qxj'), // code prefix
      item('sc', '密封胶', 'mfj'), // exact code, though 'sc' sorts after 'SC-2'
      item('B-0', '随便', 'sb'), // no match
    ]);
    expect(ranked.search('SC').map((found) => found.code)).toEqual(['sc', 'SC-2', 'Y-0', 'Y-1', 'A-1', 'A-0']);
  });

  it('ranks by the first term of several', () => {
    const twoOils = createCatalogueIndex([item('M-1', '机油 (5W)', 'jy5w'), item('M-2', '5W 机油', '5wjy')]);
    expect(twoOils.search('机油 5w').map((found) => found.code)).toEqual(['M-1', 'M-2']);
    expect(twoOils.search('5w 机油').map((found) => found.code)).toEqual(['M-2', 'M-1']);
  });

  it.each([
    [1, ['P-20001']],
    [2, ['P-20001', 'P-20003']],
    [0, []],
  ])('limit %i', (limit, expected) => {
    expect(codes('lqq', limit)).toEqual(expected);
  });

  it('returns 30 results by default, best first', () => {
    const many = createCatalogueIndex(
      Array.from({ length: 100 }, (_, i) => item(`P-${String(i).padStart(3, '0')}`, `机油滤清器 ${i}`, `jylqq${i}`)),
    );
    const found = many.search('jylqq');
    expect(found).toHaveLength(30);
    expect(found[0]?.code).toBe('P-000');
    expect(found[29]?.code).toBe('P-029');
    expect(many.size).toBe(100);
  });

  it('finds the sample catalogue the way the desk types', () => {
    const sample = createCatalogueIndex(SAMPLE_CATALOGUE);
    const first = (query: string) => sample.search(query, 1)[0]?.name;
    expect(first('jylq')).toBe('机油滤清器');
    expect(first('ghjy')).toBe('更换机油机滤');
    expect(first('sldw')).toBe('四轮定位');
    expect(first('205/55')).toBe('轮胎 205/55 R16');
    expect(first('L-0101')).toBe('更换机油机滤');
    expect(sample.search('喷漆').length).toBeGreaterThan(10);
    expect(sample.search('喷漆').every((found) => found.name.includes('喷漆'))).toBe(true);
  });
});
