// The customer's screen for additional work shows exactly what the signature will be of: the
// waiting lines, each choice, the new total and promised time. And the advisor's panel tells a
// phone confirmation as one, never as a signature.
import { describe, expect, it } from 'vitest';
import { agreedTotals } from '../../src/shared/additions.ts';
import { signedContent } from '../../src/shared/signed-content.ts';
import { additionalReview } from '../../src/features/signing/additional-review.ts';
import { clockInputOf, isoOfClockInput, lineState, quantityMilliOf, quantityText, unitPriceFenOf } from '../../src/features/additions/addition-input.ts';
import { run } from './support/reducer.ts';
import { at, body, checkedInJob, CLIENT_A, id, tablet, WIPERS } from './support/work-job.ts';

const BRAKES = id('b', 1);
const WIPER = id('b', 2);
const EARLIER = id('b', 3);
const PROMISED = '2026-11-28T17:00:00.000+08:00';

function jobWithTwoLines() {
  const m = tablet(CLIENT_A);
  return run(checkedInJob(), [m(body.addAddition(BRAKES), 20), m(body.addAddition(WIPER, WIPERS), 21)]);
}

describe('additionalReview', () => {
  it('shows every waiting line undecided, with the total as agreed so far, and nothing to sign', () => {
    const job = jobWithTwoLines();
    const review = additionalReview(job, {}, null);
    expect(review.lines.map((l) => [l.id, l.description, l.reason, l.decision])).toEqual([
      [BRAKES, '前刹车片', '前刹车片剩余 2 mm', null],
      [WIPER, '雨刮片', '雨刮片老化', null],
    ]);
    expect(review.lines[1]?.netFen).toBe(13_000);
    expect(review.totals).toEqual(agreedTotals(job));
    expect(review.missing).toBe(2);
    expect(review.decisions).toBeNull();
  });

  it('once every line is chosen, shows what the signature is of: lines, decisions, total, promised time', () => {
    const job = jobWithTwoLines();
    const choices = { [BRAKES]: 'approved', [WIPER]: 'declined' } as const;
    const review = additionalReview(job, choices, PROMISED, new Date(at(30)));
    expect(review.decisions).toEqual(choices);
    expect(review.totals.totalFen).toBe(agreedTotals(job).totalFen + 48_000);

    // What addSignature hashes: the round applied by the reducer, then signedContent.
    const round = id('c', 1);
    const signed = signedContent(run(job, [tablet(CLIENT_A)(body.decide(round, choices, { kind: 'signature' }, PROMISED), 30)]), 'additional', round);
    expect(review.lines.map(({ id: _id, ...line }) => line)).toEqual(signed.lines);
    expect(review.totals).toEqual(signed.totals);
    expect(review.promisedAt).toBe(signed.promisedAt);
  });

  it('leaves out lines already decided, by phone or an earlier signature', () => {
    const phone = { kind: 'phone', calledAt: at(25), phone: '13812345678', agreedBy: '张伟' } as const;
    const job = run(jobWithTwoLines(), [tablet(CLIENT_A)(body.decide(EARLIER, { [BRAKES]: 'approved' }, phone), 25)]);
    const review = additionalReview(job, { [WIPER]: 'approved' }, null);
    expect(review.lines.map((l) => l.id)).toEqual([WIPER]);
    // The brakes approved by phone count in the total already; the wipers join it.
    expect(review.totals.totalFen).toBe(agreedTotals(job).totalFen + 13_000);
  });

  it('has nothing to show or sign when nothing waits', () => {
    const review = additionalReview(checkedInJob(), {}, null);
    expect(review.lines).toEqual([]);
    expect(review.decisions).toBeNull();
  });
});

describe('lineState', () => {
  it('is pending without a decision, and a phone confirmation says so with time, number and who', () => {
    const job = run(jobWithTwoLines(), [
      tablet(CLIENT_A)(body.decide(EARLIER, { [BRAKES]: 'approved' }, { kind: 'phone', calledAt: at(25), phone: '13812345678', agreedBy: '张太太' }), 26),
    ]);
    const brakes = { ...job.additions[BRAKES], decision: 'approved' as const, approval: job.approvals[EARLIER] ?? null };
    expect(lineState({ decision: null, approval: null })).toEqual({ state: 'pending', how: null });
    expect(lineState(brakes)).toEqual({
      state: 'approved',
      how: { key: 'addition.via.phone', params: { time: '2026-11-27 09:25', phone: '13812345678', agreedBy: '张太太' } },
    });
  });

  it('names a signed decision a customer signature', () => {
    const job = run(jobWithTwoLines(), [tablet(CLIENT_A)(body.decide(EARLIER, { [WIPER]: 'declined' }), 40)]);
    expect(lineState({ decision: 'declined', approval: job.approvals[EARLIER] ?? null })).toEqual({
      state: 'declined',
      how: { key: 'addition.via.signature', params: { time: '2026-11-27 09:40' } },
    });
  });
});

describe('what the advisor types', () => {
  it.each([
    ['1', 1000],
    ['1.5', 1500],
    ['０．２５', 250],
    [' 2 ', 2000],
    ['0', null],
    ['1.2345', null],
    ['abc', null],
    ['', null],
  ])('quantity %j → %j', (text, milli) => {
    expect(quantityMilliOf(text)).toBe(milli);
  });

  it('writes quantities back as typed and reads prices in yuan within the line limit', () => {
    expect(quantityText(1500)).toBe('1.5');
    expect(quantityText(2000)).toBe('2');
    expect(unitPriceFenOf('480.50')).toBe(48_050);
    expect(unitPriceFenOf('1,000,000')).toBeNull();
    expect(unitPriceFenOf('-5')).toBeNull();
  });

  it('reads the call time on the shop clock', () => {
    expect(isoOfClockInput('2026-11-27T14:30', new Date(at(0)))).toBe('2026-11-27T14:30:00.000+08:00');
    expect(clockInputOf('2026-11-27T06:30:00.000Z')).toBe('2026-11-27T14:30');
    expect(isoOfClockInput('2026-11-27', new Date(at(0)))).toBeNull();
  });
});
