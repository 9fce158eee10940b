// 72 小时回访: a delivered card is due 48 hours after handover and overdue after 72, to the
// millisecond; a call that did not get through keeps it on the list; a dissatisfied customer
// opens an item until someone closes it.
import { describe, expect, it } from 'vitest';
import { emptyFollowUp, followUpState, type CallOutcome, type FollowUp, type FollowUpState } from '../../src/shared/follow-up.ts';

const DELIVERED = '2026-11-27T17:00:00.000+08:00';
const HOUR = 3_600_000;
const after = (ms: number) => new Date(Date.parse(DELIVERED) + ms);
const iso = (ms: number) => after(ms).toISOString();
const callId = (n: number) => `0192f3a0-0000-7000-8000-0000000ca${String(n).padStart(3, '0')}`;

/** A follow-up with calls [outcome, hours after handover] and, optionally, a resolution at `resolvedHours`. */
function followUp(calls: [CallOutcome, number][], resolvedHours?: number): FollowUp {
  return {
    calls: Object.fromEntries(
      calls.map(([outcome, hours], i) => [callId(i), { id: callId(i), outcome, note: '', calledAt: iso(hours * HOUR), advisorId: null }]),
    ),
    resolution: resolvedHours === undefined ? null : { note: '店长回电致歉，已约返修', at: iso(resolvedHours * HOUR), advisorId: null },
  };
}

describe('followUpState: the 48 h and 72 h boundaries', () => {
  it.each<[string, number, FollowUpState]>([
    ['just handed over', 0, 'notYet'],
    ['1 ms before 48 h', 48 * HOUR - 1, 'notYet'],
    ['exactly 48 h', 48 * HOUR, 'due'],
    ['1 ms after 48 h', 48 * HOUR + 1, 'due'],
    ['1 ms before 72 h', 72 * HOUR - 1, 'due'],
    ['exactly 72 h', 72 * HOUR, 'overdue'],
    ['a week', 168 * HOUR, 'overdue'],
  ])('%s after handover', (_when, ms, state) => {
    expect(followUpState(DELIVERED, emptyFollowUp(), after(ms))).toBe(state);
  });

  it('counts instants, whatever the offset the handover time was written in', () => {
    expect(followUpState('2026-11-27T09:00:00.000Z', emptyFollowUp(), new Date('2026-11-29T17:00:00.000+08:00'))).toBe('due');
    expect(followUpState('2026-11-27T09:00:00.000Z', emptyFollowUp(), new Date('2026-11-29T16:59:59.999+08:00'))).toBe('notYet');
  });

  it('a card not handed over is never on the list', () => {
    expect(followUpState(null, emptyFollowUp(), after(1000 * HOUR))).toBe('notYet');
  });
});

describe('followUpState: calls', () => {
  it.each<[string, [CallOutcome, number][], number, FollowUpState]>([
    ['satisfied: done', [['satisfied', 50]], 51, 'done'],
    ['neutral: done', [['neutral', 50]], 51, 'done'],
    ['no answer keeps it due', [['noAnswer', 50]], 51, 'due'],
    ['no answer twice, then past 72 h: overdue', [['noAnswer', 50], ['noAnswer', 60]], 73, 'overdue'],
    ['no answer, then satisfied: done', [['noAnswer', 50], ['satisfied', 60]], 61, 'done'],
    ['satisfied, then a call not answered: still done', [['satisfied', 50], ['noAnswer', 60]], 61, 'done'],
    ['dissatisfied: open', [['dissatisfied', 50]], 51, 'open'],
    ['dissatisfied stays open long after 72 h', [['dissatisfied', 50]], 500, 'open'],
    ['dissatisfied, then satisfied on a later call: open until someone closes it', [['dissatisfied', 50], ['satisfied', 60]], 61, 'open'],
  ])('%s', (_what, calls, nowHours, state) => {
    expect(followUpState(DELIVERED, followUp(calls), after(nowHours * HOUR))).toBe(state);
  });

  it('a dissatisfied call closed with what was done: done', () => {
    expect(followUpState(DELIVERED, followUp([['dissatisfied', 50]], 55), after(56 * HOUR))).toBe('done');
  });

  it('a dissatisfied call after the last item was closed opens a new one', () => {
    expect(followUpState(DELIVERED, followUp([['dissatisfied', 50], ['dissatisfied', 80]], 55), after(81 * HOUR))).toBe('open');
  });
});
