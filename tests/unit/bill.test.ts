// 结算单 in integer 分: the estimate's live lines plus the approved additional lines, less the
// bill's discount (never below zero); declined and undecided lines are never counted; what is
// still owed; and every difference from the estimate listed line by line.
import { describe, expect, it } from 'vitest';
import { bill } from '../../src/shared/bill.ts';
import type { Job } from '../../src/shared/job.ts';
import type { Mutation } from '../../src/shared/mutation.ts';
import { run } from './support/reducer.ts';
import { ADVISOR_A, BRAKE_PADS, BULB, CLIENT_A, LINE_LABOUR, PADS, ROUND_1, ROUND_2, WIPER, WIPERS, at, body, checkedInJob, id, roundSignatureId, signedRound, tablet } from './support/work-job.ts';

const GONE = id('a', 4);
const m = tablet(CLIENT_A, ADVISOR_A);
const PHONE = { kind: 'phone', calledAt: at(29), phone: '13812345678', agreedBy: '张伟' } as const;

// The estimate of checkedInJob(): oil 39,800 + labour 0.5 h × 12,000 at 10% off (6,000 − 600) = 45,200.
const ESTIMATE_FEN = 45_200;

/** The four additional lines offered: pads, wipers, a bulb and an air filter. */
const offered = () => [
  m(body.addAddition(PADS), 20),
  m(body.addAddition(WIPER, WIPERS), 20),
  m(body.addAddition(BULB, { kind: 'part', code: 'P-0100', description: '近光灯泡', quantityMilli: 1000, unitPriceFen: 8_000, reason: '左近光不亮' }), 20),
  m(body.addAddition(GONE, { description: '空调滤芯', unitPriceFen: 9_900 }), 20),
];

/** Three additional lines: pads approved by signature, wipers declined, a bulb undecided; one line approved then removed. */
function withAdditions(...more: Mutation[]): Job {
  return run(checkedInJob(), [
    ...offered(),
    ...signedRound(m, ROUND_1, { [PADS]: 'approved', [WIPER]: 'declined', [GONE]: 'approved' }, 30),
    m(body.removeAddition(GONE), 31),
    ...more,
  ]);
}

describe('bill', () => {
  it('is the estimate alone when nothing was added', () => {
    const b = bill(checkedInJob());
    expect(b.estimate.totalFen).toBe(ESTIMATE_FEN);
    expect(b.additions.totalFen).toBe(0);
    expect(b).toMatchObject({ discountFen: 0, dueFen: ESTIMATE_FEN, paidFen: null, outstandingFen: null, payment: 'wechat', differences: [] });
  });

  it('adds the approved lines only: declined, undecided and removed lines are never counted', () => {
    const b = bill(withAdditions());
    expect(b.estimate.totalFen).toBe(ESTIMATE_FEN);
    expect(b.additions).toEqual({ labourFen: 0, partsFen: 48_000, discountFen: 0, totalFen: 48_000 });
    expect(b.agreed.totalFen).toBe(ESTIMATE_FEN + 48_000);
    expect(b.dueFen).toBe(93_200);
  });

  it('counts a line declined in a later round no more, and one approved later', () => {
    const b = bill(withAdditions(m(body.decide(ROUND_2, { [PADS]: 'declined', [WIPER]: 'approved' }, PHONE), 40)));
    expect(b.additions.totalFen).toBe(13_000);
    expect(b.dueFen).toBe(ESTIMATE_FEN + 13_000);
  });

  it('applies line discounts, to additional lines and estimate lines alike, in whole 分', () => {
    const b = bill(
      withAdditions(
        m(body.updateAddition(PADS, { discountBp: 1250 }), 32),
        m({ op: 'line.update', payload: { id: LINE_LABOUR, fields: { quantityMilli: 333 } } }, 33),
      ),
    );
    // Pads 48,000 at 12.5% off = 42,000; labour 0.333 h × 12,000 = 3,996 at 10% off: 399.6 → 400 off, 3,596.
    expect(b.additions).toEqual({ labourFen: 0, partsFen: 42_000, discountFen: 6_000, totalFen: 42_000 });
    expect(b.estimate).toEqual({ labourFen: 3_596, partsFen: 39_800, discountFen: 400, totalFen: 43_396 });
    expect(b.agreed.discountFen).toBe(6_400);
    expect(b.dueFen).toBe(85_396);
  });

  it('takes the bill discount off the total, and what was paid off what is due', () => {
    const b = bill(withAdditions(m(body.handover({ discountFen: 200, discountReason: '抹零', paidFen: 90_000, payment: 'alipay' }), 40)));
    expect(b).toMatchObject({ discountFen: 200, dueFen: 93_000, paidFen: 90_000, outstandingFen: 3_000, payment: 'alipay' });
  });

  it('outstanding is zero when paid in full, negative when paid too much', () => {
    expect(bill(withAdditions(m(body.handover({ paidFen: 93_200 }), 40))).outstandingFen).toBe(0);
    expect(bill(withAdditions(m(body.handover({ paidFen: 93_300 }), 40))).outstandingFen).toBe(-100);
  });

  it('clamps a discount above the total: nothing due, never below zero', () => {
    const b = bill(withAdditions(m(body.handover({ discountFen: 200_000, discountReason: '保修' }), 40)));
    expect(b).toMatchObject({ discountFen: 93_200, dueFen: 0 });
    expect(b.differences.at(-1)).toEqual({ kind: 'discount', reason: '保修', fen: 93_200 });
  });

  it('keeps the payment method chosen at check-in until the desk records another', () => {
    expect(bill(withAdditions()).payment).toBe('wechat');
    expect(bill(withAdditions(m(body.handover({ payment: 'card' }), 40))).payment).toBe('card');
  });

  it('lists every difference from the estimate line by line: each approved line with how it was agreed, then the discount', () => {
    const b = bill(
      withAdditions(
        m(body.decide(ROUND_2, { [BULB]: 'approved' }, PHONE), 40),
        m(body.handover({ discountFen: 1_200, discountReason: '老客户优惠' }), 41),
      ),
    );
    expect(b.differences).toEqual([
      { kind: 'addition', lineId: PADS, description: BRAKE_PADS.description, reason: BRAKE_PADS.reason, netFen: 48_000, via: 'signature' },
      { kind: 'addition', lineId: BULB, description: '近光灯泡', reason: '左近光不亮', netFen: 8_000, via: 'phone' },
      { kind: 'discount', reason: '老客户优惠', fen: 1_200 },
    ]);
    // The differences explain the whole gap between the estimate and what is due.
    const explained = b.differences.reduce((sum, d) => sum + (d.kind === 'addition' ? d.netFen : -d.fen), 0);
    expect(b.estimate.totalFen + explained).toBe(b.dueFen);
  });

  it('counts a round decided on the tablet only once its signature is on the card; a phone round at once', () => {
    const decided = run(checkedInJob(), [...offered(), m(body.decide(ROUND_1, { [PADS]: 'approved' }), 30)]);
    // The server refused the signature (or it has not arrived): the round bills nothing.
    expect(bill(decided)).toMatchObject({ additions: { totalFen: 0 }, dueFen: ESTIMATE_FEN, differences: [] });
    // A signature of another round, or of another document, does not sign this round.
    const otherRound = run(decided, [m(body.signature(id('5', 1), 'additional', ROUND_2), 31), m(body.signature(id('5', 2), 'delivery'), 31)]);
    expect(bill(otherRound).dueFen).toBe(ESTIMATE_FEN);
    const signed = run(decided, [m(body.signature(roundSignatureId(ROUND_1), 'additional', ROUND_1), 31)]);
    expect(bill(signed)).toMatchObject({ additions: { totalFen: 48_000 }, dueFen: ESTIMATE_FEN + 48_000 });
    expect(bill(signed).differences).toEqual([expect.objectContaining({ lineId: PADS, via: 'signature' })]);

    const byPhone = run(checkedInJob(), [...offered(), m(body.decide(ROUND_1, { [PADS]: 'approved' }, PHONE), 30)]);
    expect(bill(byPhone)).toMatchObject({ additions: { totalFen: 48_000 }, dueFen: ESTIMATE_FEN + 48_000 });
    expect(bill(byPhone).differences).toEqual([expect.objectContaining({ lineId: PADS, via: 'phone' })]);
  });

  it('a later round whose signature never came leaves the bill as the signed round made it', () => {
    const b = bill(withAdditions(m(body.decide(ROUND_2, { [PADS]: 'declined', [BULB]: 'approved' }), 40)));
    expect(b.additions.totalFen).toBe(48_000);
    expect(b.differences.map((d) => (d.kind === 'addition' ? d.lineId : d.kind))).toEqual([PADS]);
  });

  it('holds integers only', () => {
    const b = bill(withAdditions(m(body.updateAddition(PADS, { quantityMilli: 1333, discountBp: 333 }), 32)));
    for (const fen of [b.dueFen, b.agreed.totalFen, b.additions.totalFen, b.additions.discountFen]) expect(Number.isInteger(fen)).toBe(true);
  });
});
