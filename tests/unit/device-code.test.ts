import { describe, expect, it } from 'vitest';
import { deviceCodeAt, nextDeviceCode } from '../../src/server/storage/device-code.ts';

describe('device codes', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('position %i is %s', (index, code) => {
    expect(deviceCodeAt(index)).toBe(code);
  });

  it('hands out the first letter nobody holds', () => {
    expect(nextDeviceCode(new Set())).toBe('A');
    expect(nextDeviceCode(new Set(['A', 'B', 'D']))).toBe('C');
  });
});
