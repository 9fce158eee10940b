// The enrollment code as typed from paper or dictated: case, spaces and dashes do not matter;
// what is plainly not a code is named beside the field before any request is made.
import { describe, expect, it } from 'vitest';
import { enrollmentCodeProblem, normalizeEnrollmentCode } from '../../src/features/settings/enrollment-code.ts';

describe('normalizeEnrollmentCode', () => {
  it.each([
    ['abcd-efgh', 'ABCDEFGH'],
    [' ABCD EFGH ', 'ABCDEFGH'],
    ['ab·cd—ef_gh', 'ABCDEFGH'],
    ['k7m2 p9qx', 'K7M2P9QX'],
  ])('%j → %s', (typed, code) => {
    expect(normalizeEnrollmentCode(typed)).toBe(code);
  });
});

describe('enrollmentCodeProblem', () => {
  it.each([
    ['K7M2P9QX', null],
    ['ABCDEFGH', null],
    ['K7M2P9Q', { code: 'connect.codeLength', length: 7 }],
    ['K7M2P9QXZ', { code: 'connect.codeLength', length: 9 }],
    ['', { code: 'connect.codeLength', length: 0 }],
    ['K7M2P9Q0', { code: 'connect.codeChars', chars: '0' }],
    ['OI1KMNPQ', { code: 'connect.codeChars', chars: 'O I 1' }],
    ['K7M2P9Q!', { code: 'connect.codeChars', chars: '!' }],
  ])('%j', (code, problem) => {
    expect(enrollmentCodeProblem(code)).toEqual(problem);
  });
});
