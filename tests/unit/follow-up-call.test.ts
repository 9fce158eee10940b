// The follow-up form's rules: no call without an outcome, no 不满意 without the customer's words,
// no closed item without what was done; and the window of the call after handover.
import { describe, expect, it } from 'vitest';
import { callProblem, callWindow, resolutionProblem } from '../../src/features/work/follow-up-call.ts';

describe('callProblem', () => {
  it.each([
    [null, '', 'followUp.chooseOutcome'],
    ['dissatisfied', '', 'followUp.noteRequired'],
    ['dissatisfied', '  \n ', 'followUp.noteRequired'],
    ['dissatisfied', '异响还在', null],
    ['satisfied', '', null],
    ['neutral', '', null],
    ['noAnswer', '', null],
  ] as const)('%s with note %j: %s', (outcome, note, problem) => {
    expect(callProblem(outcome, note)).toBe(problem);
  });
});

describe('resolutionProblem', () => {
  it('needs what was done', () => {
    expect(resolutionProblem(' ')).toBe('followUp.resolutionRequired');
    expect(resolutionProblem('已约客户周三免费复查')).toBeNull();
  });
});

describe('callWindow', () => {
  it('runs from 48 to 72 hours after handover', () => {
    expect(callWindow('2026-12-01T10:00:00+08:00')).toEqual({ from: '2026-12-03T02:00:00.000Z', until: '2026-12-04T02:00:00.000Z' });
  });
});
