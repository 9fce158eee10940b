// The card after check-in through the shared reducer: status moves in order with their gates,
// additional lines as a keyed set with tombstones, decision rounds, 质检, handover, follow-up.
// Every new operation is refused on a draft, changes nothing when replayed, gives the same job
// when a list is applied twice, and two tablets' concurrent changes converge where the design
// says they do.
import { describe, expect, it } from 'vitest';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import { approvedAdditions, declinedAdditions, decidedAdditions } from '../../src/shared/additions.ts';
import { jobSchema, type Job } from '../../src/shared/job.ts';
import { JOB_STATUSES, STATUS_MOVES, type JobStatus } from '../../src/shared/job-status.ts';
import type { Mutation } from '../../src/shared/mutation.ts';
import { QC_ITEMS } from '../../src/shared/quality-check.ts';
import { deepFreeze, run } from './support/reducer.ts';
import {
  ADVISOR_A,
  ADVISOR_B,
  BRAKE_PADS,
  CALL_1,
  CALL_2,
  CLIENT_A,
  CLIENT_B,
  PADS,
  ROUND_1,
  ROUND_2,
  WIPER,
  WIPERS,
  at,
  body,
  checkedInJob,
  draftJob,
  id,
  jobIn,
  signedRound,
  tablet,
} from './support/work-job.ts';


/** The job a mutation leaves, asserting the reducer kept the job (never undefined). */
const apply = (job: Job, m: Mutation): Job => {
  const after = applyMutation(job, m);
  if (!after) throw new Error('the job disappeared');
  return after;
};

describe('job.move: the order of statuses', () => {
  const allowed = JOB_STATUSES.flatMap((from) => STATUS_MOVES[from].map((to) => [from, to] as const));
  const disallowed = JOB_STATUSES.flatMap((from) => JOB_STATUSES.filter((to) => !STATUS_MOVES[from].includes(to)).map((to) => [from, to] as const));

  it('allows exactly the six moves of the design', () => {
    expect(allowed).toEqual([
      ['checked-in', 'in-repair'],
      ['in-repair', 'quality-check'],
      ['quality-check', 'ready'],
      ['quality-check', 'in-repair'],
      ['ready', 'delivered'],
      ['ready', 'in-repair'],
    ]);
    expect(disallowed).toHaveLength(JOB_STATUSES.length ** 2 - allowed.length);
  });

  it.each(allowed)('%s → %s moves, recorded with its time and advisor', (from, to) => {
    const before = jobIn(from);
    const after = apply(before, tablet(CLIENT_B, ADVISOR_B)(body.move(from, to), 60));
    expect(after.status).toBe(to);
    expect(after.moves).toEqual([...before.moves, { from, to, at: at(60), advisorId: ADVISOR_B }]);
    expect(after.updatedAt).toBe(at(60));
    expect(jobSchema.safeParse(after).success).toBe(true);
  });

  it('a tablet with no advisor signed in records the move with advisorId null', () => {
    const after = apply(jobIn('checked-in'), tablet(CLIENT_B)(body.move('checked-in', 'in-repair'), 60));
    expect(after.moves.at(-1)).toEqual({ from: 'checked-in', to: 'in-repair', at: at(60), advisorId: null });
  });

  // Every gate is open on these cards (质检 passed, 交车 signed): only the order refuses.
  it.each(disallowed)('%s → %s is refused: the job is returned as it was', (from, to) => {
    const before = jobIn(from);
    expect(applyMutation(before, tablet(CLIENT_B, ADVISOR_B)(body.move(from, to), 60))).toBe(before);
  });

  it.each(allowed)('%s → %s is refused when the card has left that status (made twice, or overtaken)', (from, to) => {
    for (const status of JOB_STATUSES.filter((s) => s !== from)) {
      const before = jobIn(status);
      expect(applyMutation(before, tablet(CLIENT_B)(body.move(from, to), 60))).toBe(before);
    }
  });

  it('the repeated move applies once: the second, from another tablet, changes nothing', () => {
    const once = apply(jobIn('in-repair'), tablet(CLIENT_A, ADVISOR_A)(body.move('in-repair', 'quality-check'), 60));
    const twice = apply(once, tablet(CLIENT_B, ADVISOR_B)(body.move('in-repair', 'quality-check'), 61));
    expect(twice).toBe(once);
    expect(twice.moves.filter((m) => m.to === 'quality-check')).toEqual([{ from: 'in-repair', to: 'quality-check', at: at(60), advisorId: ADVISOR_A }]);
  });

  it('is refused on a draft, to any status', () => {
    const draft = draftJob();
    for (const to of JOB_STATUSES) expect(applyMutation(draft, tablet(CLIENT_A)(body.move('draft', to), 60))).toBe(draft);
  });

  it('on a missing job returns undefined', () => {
    expect(applyMutation(undefined, tablet(CLIENT_A)(body.move('checked-in', 'in-repair'), 60))).toBeUndefined();
  });
});

describe('job.move: the gates', () => {
  /** The card in 质检 with the quality check as `checks` leave it. */
  const inQc = (...checks: Mutation[]) => {
    const m = tablet(CLIENT_A);
    const job = run(checkedInJob(), [m(body.move('checked-in', 'in-repair'), 10), m(body.move('in-repair', 'quality-check'), 11)]);
    return run(job, checks);
  };
  const m = tablet(CLIENT_B, ADVISOR_B);
  const allPass = () => QC_ITEMS.map((item) => m(body.qcCheck(item, 'pass'), 20));

  it('待交车 only once 质检 allows it: every item passed', () => {
    const passed = inQc(...allPass());
    expect(apply(passed, m(body.move('quality-check', 'ready'), 30)).status).toBe('ready');
  });

  it.each([
    ['nothing checked', () => []],
    ['one item unchecked', () => allPass().slice(1)],
    ['one item failed', () => [...allPass(), m(body.qcCheck('fluids', 'fail', '刹车油偏低'), 21)]],
    ['work done marked not applicable', () => [...allPass(), m(body.qcCheck('workDone', 'na'), 21)]],
  ])('待交车 is refused with %s', (_what, checks) => {
    const before = inQc(...checks());
    expect(applyMutation(before, m(body.move('quality-check', 'ready'), 30))).toBe(before);
  });

  it('an override with a reason opens 待交车 despite a failed item', () => {
    const failed = inQc(...allPass(), m(body.qcCheck('roadTest', 'fail'), 21));
    const overridden = apply(failed, m(body.qcOverride('客户急需用车，已告知异响待复查'), 22));
    expect(apply(overridden, m(body.move('quality-check', 'ready'), 30)).status).toBe('ready');
  });

  it('back to 维修中 from 质检 needs no gate', () => {
    expect(apply(inQc(), m(body.move('quality-check', 'in-repair'), 30)).status).toBe('in-repair');
  });

  /** The card in 待交车 with its quality check passed and the given signatures. */
  const ready = (...signatures: Mutation[]) => {
    const setup = tablet(CLIENT_A);
    const job = inQc(...allPass(), ...signatures);
    return apply(job, setup(body.move('quality-check', 'ready'), 30));
  };

  it('已交车 only with a delivery signature', () => {
    const signed = ready(m(body.signature(id('5', 9), 'delivery'), 25));
    expect(apply(signed, m(body.move('ready', 'delivered'), 40)).status).toBe('delivered');
  });

  it.each(['checkin', 'estimate', 'additional'] as const)('已交车 is refused with only a %s signature', (kind) => {
    const before = ready(m(body.signature(id('5', 9), kind, kind === 'additional' ? ROUND_1 : undefined), 25));
    expect(applyMutation(before, m(body.move('ready', 'delivered'), 40))).toBe(before);
  });

  it('已交车 is refused with no signature at all', () => {
    const before = ready();
    expect(applyMutation(before, m(body.move('ready', 'delivered'), 40))).toBe(before);
  });
});

describe('replays and lists applied twice', () => {
  const a = tablet(CLIENT_A, ADVISOR_A);
  // [operation, the mutations after check-in (the last is the one replayed), the status they start from]
  const lists: [string, () => Mutation[], JobStatus][] = [
    [
      'job.move, there and back again',
      () => [
        a(body.move('checked-in', 'in-repair'), 20),
        a(body.move('in-repair', 'quality-check'), 21),
        a(body.move('quality-check', 'in-repair'), 22),
        a(body.move('in-repair', 'quality-check'), 23),
      ],
      'checked-in',
    ],
    ['addition.add', () => [a(body.addAddition(PADS), 20), a(body.addAddition(WIPER, WIPERS), 21)], 'checked-in'],
    ['addition.update', () => [a(body.addAddition(PADS), 20), a(body.updateAddition(PADS, { unitPriceFen: 1 }), 21), a(body.updateAddition(PADS, { unitPriceFen: 2 }), 22)], 'checked-in'],
    ['addition.remove', () => [a(body.addAddition(PADS), 20), a(body.updateAddition(PADS, { unitPriceFen: 1 }), 21), a(body.removeAddition(PADS), 22)], 'checked-in'],
    [
      'addition.decide',
      () => [a(body.addAddition(PADS), 20), a(body.addAddition(WIPER), 20), a(body.decide(ROUND_1, { [PADS]: 'approved', [WIPER]: 'declined' }), 21), a(body.decide(ROUND_2, { [PADS]: 'declined' }), 22)],
      'checked-in',
    ],
    ['qc.check', () => [a(body.qcCheck('fluids', 'fail'), 20), a(body.qcCheck('fluids', 'pass'), 21)], 'quality-check'],
    ['qc.override', () => [a(body.qcCheck('fluids', 'fail'), 20), a(body.qcOverride('客户同意'), 21)], 'quality-check'],
    ['handover.update', () => [a(body.handover({ coversRemoved: { seat: at(20) } }), 20), a(body.handover({ discountFen: 500, odometerKm: 42_008 }), 21)], 'ready'],
    ['followUp.call', () => [a(body.call(CALL_1, 'noAnswer'), 20), a(body.call(CALL_2, 'dissatisfied', '等待时间长'), 21)], 'delivered'],
    ['followUp.resolve', () => [a(body.call(CALL_1, 'dissatisfied'), 20), a(body.resolve('店长回电致歉，赠送一次洗车'), 21)], 'delivered'],
  ];

  it.each(lists)('%s: the list applied twice gives the job applied once', (_op, list, status) => {
    const ms = list();
    const once = run(jobIn(status), ms);
    expect(run(jobIn(status), [...ms, ...ms])).toEqual(once);
    expect(once).not.toEqual(jobIn(status));
  });

  it.each(lists)('%s: each mutation of the list replayed afterwards changes nothing', (op, list, status) => {
    const ms = list();
    const once = run(jobIn(status), ms);
    // Fields that are last-write-wins (a line's fields, a check, an override, the handover, the resolution)
    // take the newest write in server order; replaying the newest is the replay to survive.
    const replayable = ['addition.update', 'qc.check', 'qc.override', 'handover.update', 'followUp.resolve'].includes(op) ? ms.slice(-1) : ms;
    for (const m of replayable) expect(apply(once, m)).toEqual(once);
  });

  it.each(lists)('%s does not mutate the job or the mutation it is given', (_op, list, status) => {
    const job = deepFreeze(jobIn(status));
    const snapshot = structuredClone(job);
    const ms = deepFreeze(list());
    run(job, ms);
    expect(job).toEqual(snapshot);
  });
});

describe('refused on a draft', () => {
  const a = tablet(CLIENT_A, ADVISOR_A);
  it.each<[string, () => Mutation]>([
    ['addition.add', () => a(body.addAddition(PADS), 20)],
    ['addition.update', () => a(body.updateAddition(PADS, { unitPriceFen: 1 }), 20)],
    ['addition.remove', () => a(body.removeAddition(PADS), 20)],
    ['addition.decide', () => a(body.decide(ROUND_1, { [PADS]: 'approved' }), 20)],
    ['qc.check', () => a(body.qcCheck('fluids', 'pass'), 20)],
    ['qc.override', () => a(body.qcOverride('客户同意'), 20)],
    ['handover.update', () => a(body.handover({ discountFen: 500 }), 20)],
    ['followUp.call', () => a(body.call(CALL_1, 'satisfied'), 20)],
    ['followUp.resolve', () => a(body.resolve('已处理'), 20)],
  ])('%s leaves a draft as it was', (_op, make) => {
    const draft = draftJob();
    expect(applyMutation(draft, make())).toBe(draft);
  });

  it.each<[string, () => Mutation]>([
    ['followUp.call', () => a(body.call(CALL_1, 'satisfied'), 20)],
    ['followUp.resolve', () => a(body.resolve('已处理'), 20)],
  ])('%s waits for 已交车: refused on a card not yet handed over', (_op, make) => {
    for (const status of ['checked-in', 'in-repair', 'quality-check', 'ready'] as const) {
      const before = jobIn(status);
      expect(applyMutation(before, make())).toBe(before);
    }
  });
});

describe('job.checkIn after the card moved on', () => {
  it('a late check-in from another tablet does not bring a moving card back to 已接车', () => {
    for (const status of ['in-repair', 'quality-check', 'ready', 'delivered'] as const) {
      const before = jobIn(status);
      expect(applyMutation(before, tablet(CLIENT_B)({ op: 'job.checkIn', payload: {} }, 60))).toBe(before);
    }
  });
});

describe('additional lines: a keyed set with tombstones', () => {
  const a = tablet(CLIENT_A, ADVISOR_A);

  it('add keeps the line with its reason, creation time and no tombstone; the first add of an id wins', () => {
    const job = run(checkedInJob(), [a(body.addAddition(PADS), 20), a(body.addAddition(PADS, WIPERS), 21)]);
    expect(job.additions).toEqual({ [PADS]: { id: PADS, ...BRAKE_PADS, createdAt: at(20), deletedAt: null } });
  });

  it('update changes only the fields given', () => {
    const job = run(checkedInJob(), [a(body.addAddition(PADS), 20), a(body.updateAddition(PADS, { unitPriceFen: 52_000, reason: '刹车片磨损到底' }), 21)]);
    expect(job.additions[PADS]).toEqual({ id: PADS, ...BRAKE_PADS, unitPriceFen: 52_000, reason: '刹车片磨损到底', createdAt: at(20), deletedAt: null });
  });

  it('remove keeps the line with deletedAt; a second remove keeps the first time', () => {
    const job = run(checkedInJob(), [a(body.addAddition(PADS), 20), a(body.removeAddition(PADS), 21), a(body.removeAddition(PADS), 22)]);
    expect(job.additions[PADS]).toEqual({ id: PADS, ...BRAKE_PADS, createdAt: at(20), deletedAt: at(21) });
    expect(decidedAdditions(job)).toEqual([]);
  });

  it('an update after the remove does not revive the line', () => {
    const removed = run(checkedInJob(), [a(body.addAddition(PADS), 20), a(body.removeAddition(PADS), 21)]);
    expect(applyMutation(removed, a(body.updateAddition(PADS, { unitPriceFen: 1 }), 22))).toBe(removed);
    // Nor does an add of the same id.
    expect(applyMutation(removed, a(body.addAddition(PADS), 23))).toBe(removed);
  });

  it('an update or remove of a line never added changes nothing', () => {
    const job = checkedInJob();
    expect(applyMutation(job, a(body.updateAddition(PADS, { unitPriceFen: 1 }), 20))).toBe(job);
    expect(applyMutation(job, a(body.removeAddition(PADS), 20))).toBe(job);
  });
});

describe('decision rounds', () => {
  const a = tablet(CLIENT_A, ADVISOR_A);
  const lines = () => run(checkedInJob(), [a(body.addAddition(PADS), 20), a(body.addAddition(WIPER, WIPERS), 20)]);

  it('a round is recorded whole with its time, advisor, way and promised time', () => {
    const via = { kind: 'phone', calledAt: at(29), phone: '13812345678', agreedBy: '张伟' } as const;
    const job = apply(lines(), a(body.decide(ROUND_1, { [PADS]: 'approved', [WIPER]: 'declined' }, via, at(300)), 30));
    expect(job.approvals).toEqual({
      [ROUND_1]: { id: ROUND_1, decisions: { [PADS]: 'approved', [WIPER]: 'declined' }, promisedAt: at(300), via, decidedAt: at(30), advisorId: ADVISOR_A },
    });
    expect(approvedAdditions(job).map((l) => l.id)).toEqual([PADS]);
    expect(declinedAdditions(job).map((l) => l.id)).toEqual([WIPER]);
  });

  it('a round id given twice keeps the first round, whatever the second says', () => {
    const first = apply(lines(), a(body.decide(ROUND_1, { [PADS]: 'approved' }), 30));
    expect(applyMutation(first, a(body.decide(ROUND_1, { [PADS]: 'declined' }), 31))).toBe(first);
  });

  it('the newest round wins per line, whichever arrived first; lines it does not name keep theirs', () => {
    const b = tablet(CLIENT_B, ADVISOR_B);
    const older = signedRound(a, ROUND_1, { [PADS]: 'approved', [WIPER]: 'approved' }, 30);
    const newer = signedRound(b, ROUND_2, { [PADS]: 'declined' }, 31);
    const inOrder = run(lines(), [...older, ...newer]);
    const reversed = run(lines(), [...newer, ...older]);
    expect(reversed).toEqual(inOrder);
    expect(decidedAdditions(inOrder).map((l) => [l.id, l.decision, l.approval?.id])).toEqual([
      [PADS, 'declined', ROUND_2],
      [WIPER, 'approved', ROUND_1],
    ]);
  });
});

describe('quality check, handover and follow-up', () => {
  const a = tablet(CLIENT_A, ADVISOR_A);

  it('qc.check records the result with who and when; a later check of the item replaces it', () => {
    const job = run(jobIn('quality-check'), [a(body.qcCheck('fluids', 'fail', '冷却液低'), 20), a(body.qcCheck('fluids', 'pass', '已补'), 21)]);
    expect(job.qualityCheck.items.fluids).toEqual({ result: 'pass', note: '已补', at: at(21), advisorId: ADVISOR_A });
  });

  it('qc.override records the reason with who and when', () => {
    const job = apply(jobIn('quality-check'), a(body.qcOverride('客户急需用车'), 20));
    expect(job.qualityCheck.override).toEqual({ reason: '客户急需用车', at: at(20), advisorId: ADVISOR_A });
  });

  it('handover keyed parts merge per key; plain fields are replaced; null un-ticks a cover', () => {
    const job = run(jobIn('ready'), [
      a(body.handover({ coversRemoved: { seat: at(20) }, belongingsReturned: { spareTyre: true }, damageChecks: { [PADS]: at(20) } }), 20),
      a(body.handover({ coversRemoved: { floorMat: at(21) }, belongingsReturned: { warningTriangle: true }, odometerKm: 42_008 }), 21),
      a(body.handover({ coversRemoved: { seat: null }, odometerKm: 42_009 }), 22),
    ]);
    expect(job.handover.coversRemoved).toEqual({ seat: null, floorMat: at(21) });
    expect(job.handover.belongingsReturned).toEqual({ spareTyre: true, warningTriangle: true });
    expect(job.handover.damageChecks).toEqual({ [PADS]: at(20) });
    expect(job.handover.odometerKm).toBe(42_009);
  });

  it('followUp.call keeps each call by id with who and when; followUp.resolve records what was done', () => {
    const job = run(jobIn('delivered'), [a(body.call(CALL_1, 'dissatisfied', '异响未解决'), 3000), a(body.call(CALL_1, 'satisfied'), 3001), a(body.resolve('已约返修'), 3100)]);
    expect(job.followUp).toEqual({
      calls: { [CALL_1]: { id: CALL_1, outcome: 'dissatisfied', note: '异响未解决', calledAt: at(3000), advisorId: ADVISOR_A } },
      resolution: { note: '已约返修', at: at(3100), advisorId: ADVISOR_A },
    });
  });
});

describe('two tablets converge', () => {
  const a = tablet(CLIENT_A, ADVISOR_A);
  const b = tablet(CLIENT_B, ADVISOR_B);

  /** Both arrival orders of two tablets' outboxes (each in its own order), from `start`. */
  const bothOrders = (start: Job, fromA: Mutation[], fromB: Mutation[]) => [run(start, [...fromA, ...fromB]), run(start, [...fromB, ...fromA])] as const;

  it('lines, rounds, checks and handover ticks from two tablets give the same job in either order', () => {
    const [ab, ba] = bothOrders(
      jobIn('ready'),
      [
        a(body.addAddition(PADS), 20),
        ...signedRound(a, ROUND_1, { [PADS]: 'approved' }, 22),
        a(body.qcCheck('fluids', 'pass', 'A'), 23),
        a(body.handover({ coversRemoved: { seat: at(24) }, belongingsReturned: { spareTyre: true } }), 24),
      ],
      [
        b(body.addAddition(WIPER, WIPERS), 21),
        ...signedRound(b, ROUND_2, { [PADS]: 'declined', [WIPER]: 'approved' }, 25),
        b(body.qcCheck('roadTest', 'na', 'B'), 23),
        b(body.handover({ coversRemoved: { floorMat: at(26) }, belongingsReturned: { warningTriangle: true } }), 26),
      ],
    );
    expect(ba).toEqual(ab);
    expect(ab.handover.coversRemoved).toEqual({ seat: at(24), floorMat: at(26) });
    expect(ab.handover.belongingsReturned).toEqual({ spareTyre: true, warningTriangle: true });
    expect(ab.qualityCheck.items.fluids?.note).toBe('A');
    expect(ab.qualityCheck.items.roadTest?.note).toBe('B');
    expect(approvedAdditions(ab).map((l) => l.id)).toEqual([WIPER]);
    expect(declinedAdditions(ab).map((l) => l.id)).toEqual([PADS]);
    expect(ab.updatedAt).toBe(at(26));
  });

  it('the same move from two tablets: one move in either order', () => {
    const [ab, ba] = bothOrders(jobIn('in-repair'), [a(body.move('in-repair', 'quality-check'), 30)], [b(body.move('in-repair', 'quality-check'), 31)]);
    expect([ab.status, ba.status]).toEqual(['quality-check', 'quality-check']);
    expect([ab.moves.length, ba.moves.length]).toEqual([jobIn('in-repair').moves.length + 1, jobIn('in-repair').moves.length + 1]);
    // Whose move is recorded is server order: the first to arrive.
    expect([ab.moves.at(-1)?.advisorId, ba.moves.at(-1)?.advisorId]).toEqual([ADVISOR_A, ADVISOR_B]);
  });

  it('follow-up calls from two tablets are both kept in either order', () => {
    const [ab, ba] = bothOrders(jobIn('delivered'), [a(body.call(CALL_1, 'noAnswer'), 3000)], [b(body.call(CALL_2, 'satisfied'), 3010)]);
    expect(ba).toEqual(ab);
    expect(Object.keys(ab.followUp.calls).sort()).toEqual([CALL_1, CALL_2]);
  });

  it('an edit on one tablet and a remove on the other: the line is removed in either order', () => {
    const start = run(checkedInJob(), [a(body.addAddition(PADS), 20)]);
    const [ab, ba] = bothOrders(start, [a(body.updateAddition(PADS, { unitPriceFen: 1 }), 21)], [b(body.removeAddition(PADS), 22)]);
    expect([ab.additions[PADS]?.deletedAt, ba.additions[PADS]?.deletedAt]).toEqual([at(22), at(22)]);
    expect([decidedAdditions(ab), decidedAdditions(ba)]).toEqual([[], []]);
  });
});
