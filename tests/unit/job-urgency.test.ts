// The job list's order: 超时 (past the promised time, not ready), then 即将到期 (due within 30
// minutes), then the rest; and the 72-hour follow-up list, overdue first.
import { describe, expect, it } from 'vitest';
import type { Approval, SignatureRef } from '../../src/shared/additions.ts';
import { emptyEstimate } from '../../src/shared/estimate.ts';
import { emptyFollowUp, type FollowUp } from '../../src/shared/follow-up.ts';
import { followUpList } from '../../src/shared/follow-up-list.ts';
import type { JobStatus, StatusMove } from '../../src/shared/job-status.ts';
import { groupByUrgency, jobUrgency } from '../../src/shared/job-urgency.ts';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

type Signed = Record<string, SignatureRef>;

function card(id: string, status: JobStatus, promisedAt: string | null, approvals: Record<string, Approval> = {}, signatures: Signed = {}) {
  return { id, status, estimate: { ...emptyEstimate(), promisedAt }, additions: {}, approvals, signatures };
}

describe('jobUrgency', () => {
  it.each([
    ['one minute past the promise', 'in-repair', -1 * MIN, 'overdue'],
    ['one millisecond past', 'checked-in', -1, 'overdue'],
    ['exactly at the promised time', 'quality-check', 0, 'dueSoon'],
    ['29 minutes left', 'in-repair', 29 * MIN, 'dueSoon'],
    ['exactly 30 minutes left', 'in-repair', 30 * MIN, 'dueSoon'],
    ['30 minutes and one millisecond left', 'in-repair', 30 * MIN + 1, 'none'],
    ['two hours left', 'checked-in', 2 * HOUR, 'none'],
    ['ready, an hour past', 'ready', -HOUR, 'none'],
    ['delivered, an hour past', 'delivered', -HOUR, 'none'],
    ['a draft, an hour past', 'draft', -HOUR, 'none'],
  ] as const)('%s (%s, %s ms): %s', (_name, status, offset, expected) => {
    expect(jobUrgency(card('x', status, at(offset)), NOW)).toBe(expected);
  });

  it('has no urgency without a promised time', () => {
    expect(jobUrgency(card('x', 'in-repair', null), NOW)).toBe('none');
  });

  it('takes the promised time a decision round on additional work moved', () => {
    const round: Approval = {
      id: '01900000-0000-7000-8000-000000000001',
      decisions: { '01900000-0000-7000-8000-0000000000a1': 'approved' },
      promisedAt: at(3 * HOUR),
      via: { kind: 'signature' },
      decidedAt: at(-HOUR),
      advisorId: null,
    };
    // The estimate's time passed, but the customer agreed to a later one with the additions.
    const signed: Signed = { s1: { kind: 'additional', subjectId: round.id } };
    expect(jobUrgency(card('x', 'in-repair', at(-MIN), { [round.id]: round }, signed), NOW)).toBe('none');
    // A round whose signature never reached the card (the server refused it) moves nothing.
    expect(jobUrgency(card('x', 'in-repair', at(-MIN), { [round.id]: round }), NOW)).toBe('overdue');
  });
});

describe('groupByUrgency', () => {
  it('puts the overdue first (longest overdue first), then due soon (soonest first), then the rest in their order', () => {
    const jobs = [
      card('later', 'in-repair', at(5 * HOUR)),
      card('soon-20', 'in-repair', at(20 * MIN)),
      card('late-5', 'quality-check', at(-5 * MIN)),
      card('ready-late', 'ready', at(-HOUR)),
      card('soon-10', 'checked-in', at(10 * MIN)),
      card('late-60', 'in-repair', at(-HOUR)),
      card('none', 'in-repair', null),
    ];
    const groups = groupByUrgency(jobs, NOW);
    expect(groups.overdue.map((j) => j.id)).toEqual(['late-60', 'late-5']);
    expect(groups.dueSoon.map((j) => j.id)).toEqual(['soon-10', 'soon-20']);
    expect(groups.rest.map((j) => j.id)).toEqual(['later', 'ready-late', 'none']);
  });
});

describe('followUpList', () => {
  const delivered = (id: string, hoursAgo: number, followUp: FollowUp = emptyFollowUp()) => {
    const moves: StatusMove[] = [{ from: 'ready', to: 'delivered', at: at(-hoursAgo * HOUR), advisorId: null }];
    return { id, status: 'delivered' as JobStatus, moves, followUp };
  };
  const call = (outcome: 'satisfied' | 'dissatisfied' | 'noAnswer', n: number) => ({
    id: `01900000-0000-7000-8000-00000000000${n}`,
    outcome,
    note: outcome === 'dissatisfied' ? '异响还在' : '',
    calledAt: at(-MIN * n),
    advisorId: null,
  });

  it('lists overdue first, then open items, then due; never before 48 hours, nor once answered, nor a card not delivered', () => {
    const unhappy = call('dissatisfied', 1);
    const noAnswer = call('noAnswer', 2);
    const happy = call('satisfied', 3);
    const jobs = [
      delivered('due-50', 50),
      delivered('fresh-47', 47.99),
      delivered('overdue-80', 80),
      delivered('due-exactly-48', 48),
      delivered('overdue-exactly-72', 72),
      delivered('open', 10, { calls: { [unhappy.id]: unhappy }, resolution: null }),
      delivered('closed', 10, { calls: { [unhappy.id]: unhappy }, resolution: { note: '已免费返修', at: at(-MIN), advisorId: null } }),
      delivered('no-answer', 60, { calls: { [noAnswer.id]: noAnswer }, resolution: null }),
      delivered('answered', 60, { calls: { [happy.id]: happy }, resolution: null }),
      { ...delivered('back-in-repair', 100), status: 'in-repair' as JobStatus },
    ];
    expect(followUpList(jobs, NOW).map((e) => `${e.job.id}:${e.state}`)).toEqual([
      'overdue-80:overdue',
      'overdue-exactly-72:overdue',
      'open:open',
      'no-answer:due',
      'due-50:due',
      'due-exactly-48:due',
    ]);
  });
});
