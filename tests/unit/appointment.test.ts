// 预约 through the shared reducer and the job list's rule: a booking and a no-show change only a
// card not checked in yet, a replay changes nothing, moving the booking clears a no-show; the
// list puts today's expected cars first, earliest first, and no others.
import { describe, expect, it } from 'vitest';
import { splitExpectedToday } from '../../src/shared/appointment-list.ts';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import { jobSchema, type Job } from '../../src/shared/job.ts';
import { deepFreeze } from './support/reducer.ts';
import { at, checkedInJob, CLIENT_A, draftJob, tablet } from './support/work-job.ts';

const desk = tablet(CLIENT_A);
const BOOKED = '2026-12-08T10:30:00.000+08:00';
const apply = (job: Job, body: Parameters<typeof desk>[0], minutes = 1): Job => {
  const after = applyMutation(deepFreeze(job), desk(body, minutes));
  if (!after) throw new Error('the reducer dropped the job');
  return after;
};

describe('appointment.set and appointment.noShow', () => {
  it('books a draft for a time with a note, and moves it', () => {
    const booked = apply(draftJob(), { op: 'appointment.set', payload: { at: BOOKED, note: '保养' } });
    expect(booked.appointment).toEqual({ at: BOOKED, note: '保养', noShowAt: null });
    expect(jobSchema.parse(booked).appointment).toEqual(booked.appointment);
    const moved = apply(booked, { op: 'appointment.set', payload: { at: '2026-12-09T09:00:00.000+08:00', note: '改到明天' } }, 2);
    expect(moved.appointment).toEqual({ at: '2026-12-09T09:00:00.000+08:00', note: '改到明天', noShowAt: null });
    expect(moved.updatedAt).toBe(at(2));
  });

  it('marks a no-show with the time of the change, takes it back, and a new booking clears it', () => {
    const booked = apply(draftJob(), { op: 'appointment.set', payload: { at: BOOKED, note: '' } });
    const absent = apply(booked, { op: 'appointment.noShow', payload: { noShow: true } }, 5);
    expect(absent.appointment?.noShowAt).toBe(at(5));
    expect(apply(absent, { op: 'appointment.noShow', payload: { noShow: false } }, 6).appointment?.noShowAt).toBeNull();
    expect(apply(absent, { op: 'appointment.set', payload: { at: BOOKED, note: '再约' } }, 7).appointment?.noShowAt).toBeNull();
  });

  it('changes nothing on a card checked in, nor a no-show on a card never booked', () => {
    const inWorkshop = checkedInJob();
    expect(apply(inWorkshop, { op: 'appointment.set', payload: { at: BOOKED, note: '晚到的预约' } })).toBe(inWorkshop);
    expect(apply(inWorkshop, { op: 'appointment.noShow', payload: { noShow: true } })).toBe(inWorkshop);
    const draft = draftJob();
    expect(apply(draft, { op: 'appointment.noShow', payload: { noShow: true } })).toBe(draft);
    expect(applyMutation(undefined, desk({ op: 'appointment.set', payload: { at: BOOKED, note: '' } }, 1))).toBeUndefined();
  });

  it('gives the same card when a booking is applied twice (a replay)', () => {
    const m = desk({ op: 'appointment.set', payload: { at: BOOKED, note: '保养' } }, 3);
    const once = applyMutation(draftJob(), m);
    expect(applyMutation(once, m)).toEqual(once);
  });
});

describe("the job list's expected cars", () => {
  const now = new Date('2026-12-08T08:00:00.000+08:00');
  const card = (name: string, change: Partial<Job>): Job => ({ ...draftJob(), id: name, ...change });
  const booked = (at: string, noShowAt: string | null = null) => ({ appointment: { at, note: '', noShowAt } });

  it("puts today's booked drafts first, earliest first; not other days, no-shows, cars checked in or cards never booked", () => {
    const late = card('late', booked('2026-12-08T16:00:00.000+08:00'));
    const early = card('early', booked('2026-12-08T09:30:00.000+08:00'));
    // 23:30 UTC on the 7th is 07:30 on the 8th in the store.
    const dawn = card('dawn', booked('2026-12-07T23:30:00.000Z'));
    const tomorrow = card('tomorrow', booked('2026-12-09T09:00:00.000+08:00'));
    const yesterday = card('yesterday', booked('2026-12-07T09:00:00.000+08:00'));
    const absent = card('absent', booked('2026-12-08T08:30:00.000+08:00', '2026-12-08T09:00:00.000+08:00'));
    const arrived = card('arrived', { ...booked('2026-12-08T08:30:00.000+08:00'), status: 'checked-in' });
    const walkIn = card('walk-in', {});
    const { expected, rest } = splitExpectedToday([late, tomorrow, early, absent, arrived, walkIn, dawn, yesterday], now);
    expect(expected.map((job) => job.id)).toEqual(['dawn', 'early', 'late']);
    expect(rest.map((job) => job.id)).toEqual(['tomorrow', 'absent', 'arrived', 'walk-in', 'yesterday']);
  });
});
