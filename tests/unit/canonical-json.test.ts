// Canonical JSON: the same value gives the same text whatever the key order or whitespace it
// came with, and anything that has no single JSON form is refused instead of guessed at.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/shared/canonical-json.ts';

describe('canonicalJson text', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['an empty object', {}, '{}'],
    ['an empty array', [], '[]'],
    ['an empty string', '', '""'],
    ['an integer', 42, '42'],
    ['a fraction', 1.5, '1.5'],
    ['0.1', 0.1, '0.1'],
    ['a negative number', -12.25, '-12.25'],
    ['a large number as ECMAScript writes it', 1e21, '1e+21'],
    ['a small number as ECMAScript writes it', 1e-7, '1e-7'],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ['-0 as 0', -0, '0'],
    ['-0 nested as 0', { a: [-0] }, '{"a":[0]}'],
    ['keys sorted, no whitespace', { b: 1, a: 2, c: { z: true, y: null } }, '{"a":2,"b":1,"c":{"y":null,"z":true}}'],
    ['arrays kept in order', { list: [3, 1, 2, { b: 0, a: 0 }] }, '{"list":[3,1,2,{"a":0,"b":0}]}'],
    ['undefined members left out', { a: undefined, b: 1, c: { d: undefined } }, '{"b":1,"c":{}}'],
    ['Chinese text as is, not escaped', { plate: '粤B12345', name: '张伟' }, '{"name":"张伟","plate":"粤B12345"}'],
    ['Chinese keys sorted by code unit', { 粤: 1, 京: 2 }, '{"京":2,"粤":1}'],
    ['quotes and backslashes escaped', { s: 'a"b\\c' }, '{"s":"a\\"b\\\\c"}'],
    ['control characters escaped', { s: 'line\nnext\ttab\u0001' }, '{"s":"line\\nnext\\ttab\\u0001"}'],
    ['a lone surrogate escaped', { s: '\ud800' }, '{"s":"\\ud800"}'],
    ['an emoji as is', { s: '😀' }, '{"s":"😀"}'],
    ['an object without a prototype', Object.assign(Object.create(null) as object, { b: 1, a: 2 }), '{"a":2,"b":1}'],
  ])('%s', (_label, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts keys by UTF-16 code units, not by number or code point (RFC 8785 order)', () => {
    // Integer-like keys come first in JS property order; U+1F600 is the surrogate pair
    // D83D DE00, which sorts before U+FB01 by code unit although its code point is larger.
    const value = { ﬁ: 1, '😀': 2, é: 3, b: 4, a: 5, A: 6, '9': 7, '10': 8 };
    expect(canonicalJson(value)).toBe('{"10":8,"9":7,"A":6,"a":5,"b":4,"é":3,"😀":2,"ﬁ":1}');
  });
});

describe('canonicalJson stability', () => {
  const texts = [
    '{"job":{"id":"j1","number":"WK-1"},"lines":[{"kind":"part","unitPriceFen":100},{"kind":"labour","unitPriceFen":5}],"vehicle":{"plate":"粤B12345"}}',
    `{
      "vehicle" : { "plate" : "粤B12345" },
      "lines" : [ { "unitPriceFen" : 100 , "kind" : "part" }, { "unitPriceFen": 5, "kind": "labour" } ],
      "job" : { "number" : "WK-1", "id" : "j1" }
    }`,
    '{"lines":[{"unitPriceFen":1e2,"kind":"part"},{"kind":"labour","unitPriceFen":5.0}],"job":{"number":"WK-1","id":"j1"},"vehicle":{"plate":"\\u7ca4B12345"}}',
  ];

  it.each(texts.map((text, i) => [i, text]))('input %i gives the one canonical text', (_i, text) => {
    expect(canonicalJson(JSON.parse(text))).toBe(
      '{"job":{"id":"j1","number":"WK-1"},"lines":[{"kind":"part","unitPriceFen":100},{"kind":"labour","unitPriceFen":5}],"vehicle":{"plate":"粤B12345"}}',
    );
  });

  it('reads back as the same value', () => {
    const value = { b: [1, 'two', { c: null, d: false }], a: '粤B·"\\' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('does not depend on the order keys were added in', () => {
    const forward: Record<string, number> = {};
    const backward: Record<string, number> = {};
    const keys = Array.from({ length: 50 }, (_, i) => `k${(i * 37) % 50}`);
    for (const key of keys) forward[key] = key.length;
    for (const key of [...keys].reverse()) backward[key] = key.length;
    expect(Object.keys(forward)).not.toEqual(Object.keys(backward));
    expect(canonicalJson(forward)).toBe(canonicalJson(backward));
  });
});

describe('canonicalJson refuses what has no single JSON form', () => {
  class Point {
    constructor(
      readonly x: number,
      readonly y: number,
    ) {}
  }
  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = cycle;

  it.each<[string, unknown, typeof RangeError | typeof TypeError]>([
    ['NaN', Number.NaN, RangeError],
    ['NaN nested', { price: Number.NaN }, RangeError],
    ['Infinity', Number.POSITIVE_INFINITY, RangeError],
    ['-Infinity in an array', [Number.NEGATIVE_INFINITY], RangeError],
    ['a Date', new Date('2026-11-27T09:00:00+08:00'), TypeError],
    ['a Date nested', { signedAt: new Date(0) }, TypeError],
    ['a Map', new Map([['a', 1]]), TypeError],
    ['a Set', new Set([1]), TypeError],
    ['a class instance', new Point(1, 2), TypeError],
    ['a typed array', new Uint8Array([1, 2]), TypeError],
    ['a function', () => 1, TypeError],
    ['a function member', { f: () => 1 }, TypeError],
    ['a bigint', 10n, TypeError],
    ['a symbol', Symbol('s'), TypeError],
    ['a symbol key', { [Symbol('s')]: 1 }, TypeError],
    ['undefined at the top', undefined, TypeError],
    ['undefined in an array', [1, undefined], TypeError],
    ['a hole in an array', Object.assign(new Array<number>(3), { 0: 1, 2: 3 }), TypeError],
    ['a cycle', cycle, TypeError],
  ])('%s', (_label, value, error) => {
    expect(() => canonicalJson(value)).toThrow(error);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: [shared] })).toBe('{"x":{"a":1},"y":[{"a":1}]}');
  });
});
