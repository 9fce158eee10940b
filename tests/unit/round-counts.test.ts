// Which decision rounds on additional work decide anything: a phone confirmation at once, a
// round decided on the tablet only once the customer's signature of that round is on the card
// (the server may refuse the signature after taking the round, and no line may count as
// approved unsigned). The round being signed counts as signed, so what is signed does not
// change when its signature lands.
import { describe, expect, it } from 'vitest';
import {
  agreedTotals,
  approvedAdditions,
  countedApprovals,
  decidedAdditions,
  declinedAdditions,
  promisedAt,
  roundCounts,
  undecidedAdditions,
} from '../../src/shared/additions.ts';
import { bill } from '../../src/shared/bill.ts';
import type { Job } from '../../src/shared/job.ts';
import { run } from './support/reducer.ts';
import { ADVISOR_A, CLIENT_A, PADS, ROUND_1, ROUND_2, WIPER, WIPERS, at, body, draftJob, id, roundSignatureId, signedRound, tablet } from './support/work-job.ts';

const m = tablet(CLIENT_A, ADVISOR_A);
const PHONE = { kind: 'phone', calledAt: at(29), phone: '13812345678', agreedBy: '张伟' } as const;
const ROUND_3 = id('de', 3);
/** The estimate of draftJob(), in 分. */
const ESTIMATE_FEN = 45_200;
/** The time promised at check-in, and the one a round agrees. */
const CHECKIN_PROMISE = at(240);
const LATER_PROMISE = at(600);

/** The card checked in with a promised time, pads (48,000) and wipers (13,000) offered. */
const offered = (): Job =>
  run(draftJob(), [
    m({ op: 'estimate.update', payload: { fields: { promisedAt: CHECKIN_PROMISE } } }, 3),
    m({ op: 'job.checkIn', payload: {} }, 5),
    m(body.addAddition(PADS), 20),
    m(body.addAddition(WIPER, WIPERS), 20),
  ]);

/** Round 1 on the tablet: pads approved, wipers declined, 交车时间 moved; not signed. */
const decidedOnTablet = () => run(offered(), [m(body.decide(ROUND_1, { [PADS]: 'approved', [WIPER]: 'declined' }, { kind: 'signature' }, LATER_PROMISE), 30)]);
const signature = (roundId: string) => m(body.signature(roundSignatureId(roundId), 'additional', roundId), 31);

/** What a card says the customer decided, in every form the app reads it. */
const verdict = (job: Job) => ({
  counted: countedApprovals(job).map((a) => a.id),
  decisions: decidedAdditions(job).map((l) => [l.id, l.decision]),
  approved: approvedAdditions(job).map((l) => l.id),
  declined: declinedAdditions(job).map((l) => l.id),
  undecided: undecidedAdditions(job).map((l) => l.id),
  agreedFen: agreedTotals(job).totalFen,
  dueFen: bill(job).dueFen,
  promisedAt: promisedAt(job),
});

const NOTHING_DECIDED = {
  counted: [],
  decisions: [
    [PADS, null],
    [WIPER, null],
  ],
  approved: [],
  declined: [],
  undecided: [PADS, WIPER],
  agreedFen: ESTIMATE_FEN,
  dueFen: ESTIMATE_FEN,
  promisedAt: CHECKIN_PROMISE,
};
const ROUND_1_DECIDED = {
  counted: [ROUND_1],
  decisions: [
    [PADS, 'approved'],
    [WIPER, 'declined'],
  ],
  approved: [PADS],
  declined: [WIPER],
  undecided: [],
  agreedFen: ESTIMATE_FEN + 48_000,
  dueFen: ESTIMATE_FEN + 48_000,
  promisedAt: LATER_PROMISE,
};

describe('a round decided on the tablet', () => {
  it('decides nothing while its signature is not on the card, yet stays in the history', () => {
    const job = decidedOnTablet();
    expect(Object.keys(job.approvals)).toEqual([ROUND_1]);
    expect(roundCounts(job, job.approvals[ROUND_1] ?? expect.fail('round 1 missing'))).toBe(false);
    expect(verdict(job)).toEqual(NOTHING_DECIDED);
  });

  it('decides its lines, the bill and the promised time once its signature is on the card', () => {
    expect(verdict(run(decidedOnTablet(), [signature(ROUND_1)]))).toEqual(ROUND_1_DECIDED);
  });

  it('decides the same whether its signature arrives after the round or before it', () => {
    const signatureFirst = run(offered(), [signature(ROUND_1), m(body.decide(ROUND_1, { [PADS]: 'approved', [WIPER]: 'declined' }, { kind: 'signature' }, LATER_PROMISE), 30)]);
    expect(verdict(signatureFirst)).toEqual(ROUND_1_DECIDED);
  });

  it('is not signed by a signature of another round, nor by another document naming it', () => {
    const job = run(decidedOnTablet(), [
      m(body.signature(id('5', 1), 'additional', ROUND_2), 31),
      m(body.signature(id('5', 2), 'delivery', ROUND_1), 31),
    ]);
    expect(verdict(job)).toEqual(NOTHING_DECIDED);
  });

  it('is named by every signature of additional work: one without its round is refused by the schema', () => {
    expect(() => m(body.signature(id('5', 3), 'additional'), 31)).toThrow(/subjectId/);
    expect(() => m(body.signature(id('5', 3), 'additional', ROUND_1), 31)).not.toThrow();
  });
});

describe('a round confirmed by phone', () => {
  it('decides at once, with no signature on the card', () => {
    const job = run(offered(), [m(body.decide(ROUND_1, { [PADS]: 'approved', [WIPER]: 'declined' }, PHONE, LATER_PROMISE), 30)]);
    expect(job.signatures).toEqual({});
    expect(verdict(job)).toEqual(ROUND_1_DECIDED);
  });
});

describe('rounds together', () => {
  it('a newer round left unsigned overrides nothing: the signed round before it stands', () => {
    const job = run(offered(), [
      ...signedRound(m, ROUND_1, { [PADS]: 'approved', [WIPER]: 'declined' }, 30, LATER_PROMISE),
      m(body.decide(ROUND_2, { [PADS]: 'declined', [WIPER]: 'approved' }, { kind: 'signature' }, at(900)), 40),
    ]);
    expect(verdict(job)).toEqual(ROUND_1_DECIDED);
  });

  it('the round being signed counts (upTo); an older unsigned round and anything newer do not', () => {
    const job = run(offered(), [
      m(body.decide(ROUND_1, { [PADS]: 'approved' }), 30),
      m(body.decide(ROUND_2, { [WIPER]: 'approved' }), 40),
      m(body.decide(ROUND_3, { [PADS]: 'declined' }, PHONE), 50),
    ]);
    expect(decidedAdditions(job, ROUND_2).map((l) => [l.id, l.decision])).toEqual([
      [PADS, null],
      [WIPER, 'approved'],
    ]);
    expect(agreedTotals(job, ROUND_2).totalFen).toBe(ESTIMATE_FEN + 13_000);
    // Without upTo only the phone round counts.
    expect(countedApprovals(job).map((a) => a.id)).toEqual([ROUND_3]);
    expect(approvedAdditions(job)).toEqual([]);
    expect(declinedAdditions(job).map((l) => l.id)).toEqual([PADS]);
  });

  it('the promised time is that of the newest counted round that moved it', () => {
    const job = run(offered(), [
      m(body.decide(ROUND_1, { [PADS]: 'approved' }, PHONE, LATER_PROMISE), 30),
      m(body.decide(ROUND_2, { [WIPER]: 'approved' }, { kind: 'signature' }, at(900)), 40),
    ]);
    expect(promisedAt(job)).toBe(LATER_PROMISE);
    expect(promisedAt(run(job, [signature(ROUND_2)]))).toBe(at(900));
  });
});
