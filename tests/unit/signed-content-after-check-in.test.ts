// What the customer signs after check-in, and when it goes stale: a 追加项目 signature is of
// its round's lines, decisions and the total they make; the 交车 signature of the lines, the
// 建议项目表, the condition against check-in and the bill. A change to any of that makes the
// signature stale; work found later, a later round on other lines, the quality check or a
// status move does not, and nothing after check-in touches the check-in signature.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/shared/job.ts';
import type { Mutation, MutationBody } from '../../src/shared/mutation.ts';
import type { Signature, SignatureKind } from '../../src/shared/signature.ts';
import { contentHash, signatureStatus, signedContent, type SignatureStatus } from '../../src/shared/signed-content.ts';
import { run } from './support/reducer.ts';
import { ADVISOR_A, BRAKE_PADS, BULB, CLIENT_A, LINE_OIL, PADS, ROUND_1, ROUND_2, WIPER, WIPERS, at, body, hash, id, jobIn, roundSignatureId, signedRound, tablet } from './support/work-job.ts';

const D_CHECKIN = id('d0', 1);
const D_HANDOVER = id('d0', 2);
const P_CHECKIN = id('f0', 1);
const m = tablet(CLIENT_A, ADVISOR_A);
const PHONE = { kind: 'phone', calledAt: at(59), phone: '13812345678', agreedBy: '张伟' } as const;

const photo = (photoId: string, sha: string, damageId: string | null, additionId?: string): MutationBody => ({
  op: 'photo.add',
  payload: {
    id: photoId,
    sha256: hash(sha),
    thumbSha256: hash('0'),
    mime: 'image/jpeg',
    width: 1600,
    height: 1200,
    byteLength: 1000,
    damageId,
    slot: null,
    annotatedFromId: null,
    ...(additionId ? { additionId } : {}),
    takenAt: at(50),
  },
});

/**
 * A card in 待交车 with a check-in mark and its photo, round 1 signed (pads approved, wipers
 * declined), a bulb still undecided, and the handover filled in.
 */
function signedJob(): Job {
  return run(jobIn('ready'), [
    m({ op: 'damage.add', payload: { id: D_CHECKIN, view: 'left', x: 0.4, y: 0.5, type: 'scratch', severity: 'minor', note: '左前门划痕' } }, 20),
    m(photo(P_CHECKIN, 'd', D_CHECKIN), 20),
    m(body.addAddition(PADS), 21),
    m(body.addAddition(WIPER, WIPERS), 21),
    m(body.addAddition(BULB, { description: '近光灯泡', unitPriceFen: 8_000, reason: '左近光不亮' }), 21),
    ...signedRound(m, ROUND_1, { [PADS]: 'approved', [WIPER]: 'declined' }, 30, at(480)),
    m(
      body.handover({
        damageChecks: { [D_CHECKIN]: at(40) },
        odometerKm: 42_008,
        fuel: { kind: 'gauge', eighths: 3 },
        coversRemoved: { seat: at(41), floorMat: at(41), steeringWheel: at(41) },
        belongingsReturned: { spareTyre: true, warningTriangle: true },
        oldPartsDone: true,
        paidFen: 93_200,
        payment: 'wechat',
        nextServiceDate: '2027-05-27',
        nextServiceKm: 47_008,
      }),
      42,
    ),
  ]);
}

type Document = { kind: SignatureKind; subjectId?: string };
const DOCUMENTS: Record<string, Document> = {
  checkin: { kind: 'checkin' },
  estimate: { kind: 'estimate' },
  'additional round 1': { kind: 'additional', subjectId: ROUND_1 },
  delivery: { kind: 'delivery' },
};

/** A signature of each document, given on `job` as it is. */
async function signEach(job: Job): Promise<Record<string, Signature>> {
  const entries = await Promise.all(
    Object.entries(DOCUMENTS).map(async ([name, { kind, subjectId }], i) => {
      const signature: Signature = {
        id: id('5', i),
        kind,
        signerName: '张伟',
        signedAt: at(45),
        deviceId: CLIENT_A,
        contentHash: await contentHash(job, kind, subjectId),
        pngSha256: hash('6'),
        strokesSha256: hash('7'),
        ...(subjectId ? { subjectId } : {}),
      };
      return [name, signature] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Each document's status on `after` for the signatures given on `before`. */
async function statusesAfter(before: Job, after: Job): Promise<Record<string, SignatureStatus>> {
  const signed = await signEach(before);
  const entries = await Promise.all(Object.entries(signed).map(async ([name, s]) => [name, await signatureStatus(after, s)] as const));
  return Object.fromEntries(entries);
}

/** Every document's status when exactly `names` are stale. */
const staleOnly = (...names: string[]) => Object.fromEntries(Object.keys(DOCUMENTS).map((n) => [n, names.includes(n) ? 'stale' : 'valid']));

describe('what goes stale after check-in', () => {
  // [change, the mutations, the documents it makes stale (all others stay valid)]
  const cases: [string, () => Mutation[], string[]][] = [
    ['the price of an approved additional line', () => [m(body.updateAddition(PADS, { unitPriceFen: 52_000 }), 60)], ['additional round 1', 'delivery']],
    ['the reason of an approved line', () => [m(body.updateAddition(PADS, { reason: '刹车片已到极限' }), 60)], ['additional round 1', 'delivery']],
    ['the price quoted for a declined line (建议项目表)', () => [m(body.updateAddition(WIPER, { unitPriceFen: 5_000 }), 60)], ['additional round 1', 'delivery']],
    ['an approved line removed', () => [m(body.removeAddition(PADS), 60)], ['additional round 1', 'delivery']],
    ['the customer declines an approved line in a later round', () => signedRound(m, ROUND_2, { [PADS]: 'declined' }, 60), ['delivery']],
    ['a later round declining it, whose signature the server refused', () => [m(body.decide(ROUND_2, { [PADS]: 'declined' }), 60)], []],
    ['a later round declining it by phone', () => [m(body.decide(ROUND_2, { [PADS]: 'declined' }, PHONE), 60)], ['delivery']],
    ['an estimate line (also in the total of round 1)', () => [m({ op: 'line.update', payload: { id: LINE_OIL, fields: { unitPriceFen: 41_000 } } }, 60)], ['estimate', 'additional round 1', 'delivery']],
    ['the bill discount', () => [m(body.handover({ discountFen: 200, discountReason: '抹零' }), 60)], ['delivery']],
    ['what was paid', () => [m(body.handover({ paidFen: 90_000 }), 60)], ['delivery']],
    ['the payment method', () => [m(body.handover({ payment: 'cash' }), 60)], ['delivery']],
    ['the mileage at handover', () => [m(body.handover({ odometerKm: 42_009 }), 60)], ['delivery']],
    ['a check-in mark no longer confirmed unchanged', () => [m(body.handover({ damageChecks: { [D_CHECKIN]: at(61) } }), 60)], ['delivery']],
    ['a cover put back', () => [m(body.handover({ coversRemoved: { seat: null } }), 60)], ['delivery']],
    ['the next service', () => [m(body.handover({ nextServiceKm: 50_000 }), 60)], ['delivery']],
    [
      'damage found at handover, with its photo',
      () => [
        m({ op: 'damage.add', payload: { id: D_HANDOVER, view: 'rear', x: 0.5, y: 0.5, type: 'dent', severity: 'minor', note: '后保险杠凹陷', stage: 'handover' } }, 60),
        m(photo(id('f0', 2), 'e', D_HANDOVER), 60),
      ],
      ['delivery'],
    ],
    ['a photo of an approved additional line', () => [m(photo(id('f0', 3), 'a', null, PADS), 60)], ['additional round 1', 'delivery']],
    ['a photo of a line still undecided', () => [m(photo(id('f0', 4), 'b', null, BULB), 60)], []],
    ['a new additional line, not decided yet', () => [m(body.addAddition(id('a', 9)), 60)], []],
    ['round 2 deciding other lines', () => signedRound(m, ROUND_2, { [BULB]: 'declined' }, 60), ['delivery']],
    ['round 2 approving another line', () => signedRound(m, ROUND_2, { [BULB]: 'approved' }, 60), ['delivery']],
    ['round 2 approving another line, not signed yet', () => [m(body.decide(ROUND_2, { [BULB]: 'approved' }), 60)], []],
    ['the undecided line removed', () => [m(body.removeAddition(BULB), 60)], []],
    ['the quality check and its override', () => [m(body.qcCheck('fluids', 'fail'), 60), m(body.qcOverride('客户同意'), 61)], []],
    ['the move to 已交车 and a follow-up call', () => [m(body.move('ready', 'delivered'), 60), m(body.call(id('ca', 1), 'dissatisfied'), 3000), m(body.resolve('已处理'), 3100)], []],
  ];

  it.each(cases)('%s', async (_change, changes, stale) => {
    const before = signedJob();
    expect(await statusesAfter(before, run(before, changes()))).toEqual(staleOnly(...stale));
  });

  it('nothing is stale on the job it was signed on', async () => {
    expect(await statusesAfter(signedJob(), signedJob())).toEqual(staleOnly());
  });
});

describe('the signed content', () => {
  it('of a round: its lines with their decisions and photos, the total with the approved lines up to it, the promised time', () => {
    const job = run(signedJob(), [m(photo(id('f0', 3), 'a', null, PADS), 50), ...signedRound(m, ROUND_2, { [BULB]: 'approved' }, 60)]);
    const content = signedContent(job, 'additional', ROUND_1);
    expect(content.round).toBe(ROUND_1);
    expect(content.lines.map((l) => [l.description, l.decision, l.reason, l.netFen, l.photos])).toEqual([
      [BRAKE_PADS.description, 'approved', BRAKE_PADS.reason, 48_000, [hash('a')]],
      [WIPERS.description, 'declined', WIPERS.reason, 13_000, []],
    ]);
    // The estimate (45,200) and the pads; not the bulb approved in round 2.
    expect(content.totals.totalFen).toBe(93_200);
    expect(content.promisedAt).toBe(at(480));
  });

  it('of the handover: approved and declined lines apart, check-in marks with their check, marks found at handover apart, the bill', () => {
    const job = run(signedJob(), [
      m({ op: 'damage.add', payload: { id: D_HANDOVER, view: 'rear', x: 0.5, y: 0.5, type: 'dent', severity: 'minor', note: '后保险杠凹陷', stage: 'handover' } }, 60),
      m(body.handover({ discountFen: 200, discountReason: '抹零' }), 61),
    ]);
    const content = signedContent(job, 'delivery');
    expect(content.additions.map((l) => l.description)).toEqual([BRAKE_PADS.description]);
    expect(content.declined.map((l) => [l.description, l.netFen, l.reason])).toEqual([[WIPERS.description, 13_000, WIPERS.reason]]);
    expect(content.checkinDamages.map((d) => [d.note, d.unchangedAt, d.photos])).toEqual([['左前门划痕', at(40), [hash('d')]]]);
    expect(content.handoverDamages.map((d) => d.note)).toEqual(['后保险杠凹陷']);
    expect(content.bill).toEqual({
      agreed: { labourFen: 5_400, partsFen: 87_800, discountFen: 600, totalFen: 93_200 },
      discountFen: 200,
      discountReason: '抹零',
      dueFen: 93_000,
      paidFen: 93_200,
      payment: 'wechat',
    });
    expect(content.odometerKm).toEqual({ checkin: 42_000, handover: 42_008 });
    expect(content.coversRemoved).toEqual([
      { cover: 'floorMat', at: at(41) },
      { cover: 'seat', at: at(41) },
      { cover: 'steeringWheel', at: at(41) },
    ]);
  });

  it('of the check-in: neither marks found at handover nor photos of additional lines', () => {
    const before = signedJob();
    const after = run(before, [
      m({ op: 'damage.add', payload: { id: D_HANDOVER, view: 'rear', x: 0.5, y: 0.5, type: 'dent', severity: 'minor', note: '', stage: 'handover' } }, 60),
      m(photo(id('f0', 2), 'e', D_HANDOVER), 60),
      m(photo(id('f0', 3), 'a', null, PADS), 60),
    ]);
    expect(signedContent(after, 'checkin')).toEqual(signedContent(before, 'checkin'));
    expect(signedContent(after, 'checkin').damages).toHaveLength(1);
  });
});

describe('the signature of a round decided on the tablet', () => {
  const sign = (roundId: string) => m(body.signature(roundSignatureId(roundId), 'additional', roundId), 60);

  it('is of the same content before it is on the card as after: the round being signed counts as signed', async () => {
    const decided = run(signedJob(), [m(body.decide(ROUND_2, { [BULB]: 'approved' }, { kind: 'signature' }, at(600)), 60)]);
    const signed = run(decided, [sign(ROUND_2)]);
    expect(signedContent(signed, 'additional', ROUND_2)).toEqual(signedContent(decided, 'additional', ROUND_2));
    expect(await contentHash(signed, 'additional', ROUND_2)).toBe(await contentHash(decided, 'additional', ROUND_2));
    // Its total holds the bulb it approves: the estimate (45,200), the pads of round 1, the bulb.
    expect(signedContent(decided, 'additional', ROUND_2).totals.totalFen).toBe(93_200 + 8_000);
    expect(signedContent(decided, 'additional', ROUND_2).promisedAt).toBe(at(600));
    // The handover's content is another matter: the bulb joins it only once the signature is on the card.
    expect(signedContent(decided, 'delivery').additions.map((l) => l.description)).toEqual([BRAKE_PADS.description]);
    expect(signedContent(signed, 'delivery').additions.map((l) => l.description)).toEqual([BRAKE_PADS.description, '近光灯泡']);
  });

  it('shows neither an older round whose signature was refused nor anything after it', () => {
    // Round 2 (pads declined) lost its signature; round 3 approves the bulb and is being signed.
    const ROUND_3 = id('de', 3);
    const job = run(signedJob(), [m(body.decide(ROUND_2, { [PADS]: 'declined' }), 60), m(body.decide(ROUND_3, { [BULB]: 'approved' }), 61)]);
    // The pads stay approved (round 1 was signed), the bulb counts for the round being signed.
    expect(signedContent(job, 'additional', ROUND_3).totals.totalFen).toBe(93_200 + 8_000);
    // Round 1's own total is as it was: neither later round is in it.
    expect(signedContent(job, 'additional', ROUND_1).totals.totalFen).toBe(93_200);
  });
});
