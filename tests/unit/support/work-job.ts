// Shared by the tests of the card after check-in: mutations as two tablets' outboxes hold them
// (each with its advisor), a checked-in card built through the reducer itself, and that card
// brought to any status with every gate open, so a test refusing a move refuses it for its
// order alone.
import type { AdditionFields, ApprovalVia, Decision } from '../../../src/shared/additions.ts';
import type { CallOutcome } from '../../../src/shared/follow-up.ts';
import type { HandoverPatch } from '../../../src/shared/handover.ts';
import type { Job } from '../../../src/shared/job.ts';
import type { JobStatus } from '../../../src/shared/job-status.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../../src/shared/mutation.ts';
import { QC_ITEMS, type QcItem, type QcResult } from '../../../src/shared/quality-check.ts';
import type { SignatureKind } from '../../../src/shared/signature.ts';
import { run } from './reducer.ts';

export const JOB_ID = '0192f3a0-0000-7000-8000-000000000001';
export const CLIENT_A = '0192f3a0-0000-7000-8000-0000000000a1';
export const CLIENT_B = '0192f3a0-0000-7000-8000-0000000000b1';
export const ADVISOR_A = '0192f3a0-0000-7000-8000-00000000ad01';
export const ADVISOR_B = '0192f3a0-0000-7000-8000-00000000ad02';
export const LINE_OIL = '0192f3a0-0000-7000-8000-0000000000e1';
export const LINE_LABOUR = '0192f3a0-0000-7000-8000-0000000000e2';

/** An id of the tests' own, from a hex prefix: `id('a', 1)` → …0000000a0001. */
export const id = (prefix: string, n: number) => `0192f3a0-0000-7000-8000-${prefix.padStart(8, '0')}${String(n).padStart(4, '0')}`;
export const hash = (c: string) => c.repeat(64);

/** Additional lines, decision rounds and follow-up calls the tests name. */
export const PADS = id('a', 1);
export const WIPER = id('a', 2);
export const BULB = id('a', 3);
export const ROUND_1 = id('de', 1);
export const ROUND_2 = id('de', 2);
export const CALL_1 = id('ca', 1);
export const CALL_2 = id('ca', 2);

/** 2026-11-27 09:00 in Shanghai plus `minutes` (any number of them), as the tablet writes times. */
export function at(minutes: number): string {
  return new Date(Date.parse('2026-11-27T09:00:00.000+08:00') + minutes * 60_000).toISOString();
}

export type Tablet = (body: MutationBody, minutes: number) => Mutation;

/**
 * One tablet's outbox for the job: seq 1, 2, 3…, ids that never collide with another tablet's,
 * the advisor signed in on it, each mutation checked against the shared schema.
 */
export function tablet(clientId: string, advisorId?: string): Tablet {
  let seq = 0;
  return (body, minutes) => {
    seq += 1;
    return mutationSchema.parse({
      ...body,
      mutationId: `${clientId.slice(0, 24)}${String(seq).padStart(12, '0')}`,
      clientId,
      seq,
      jobId: JOB_ID,
      createdAt: at(minutes),
      ...(advisorId ? { advisorId } : {}),
    });
  };
}

export const BRAKE_PADS: AdditionFields = {
  kind: 'part',
  code: 'P-0420',
  description: '前刹车片',
  quantityMilli: 1000,
  unitPriceFen: 48_000,
  discountBp: 0,
  reason: '前刹车片剩余 2 mm',
};
export const WIPERS: AdditionFields = {
  kind: 'part',
  code: 'P-0077',
  description: '雨刮片',
  quantityMilli: 2000,
  unitPriceFen: 6_500,
  discountBp: 0,
  reason: '雨刮片老化',
};

export const body = {
  move: (from: JobStatus, to: JobStatus): MutationBody => ({ op: 'job.move', payload: { from, to } }),
  addAddition: (lineId: string, fields: Partial<AdditionFields> = {}): MutationBody => ({
    op: 'addition.add',
    payload: { id: lineId, ...BRAKE_PADS, ...fields },
  }),
  updateAddition: (lineId: string, fields: Partial<AdditionFields>): MutationBody => ({ op: 'addition.update', payload: { id: lineId, fields } }),
  removeAddition: (lineId: string): MutationBody => ({ op: 'addition.remove', payload: { id: lineId } }),
  decide: (
    roundId: string,
    decisions: Record<string, Decision>,
    via: ApprovalVia = { kind: 'signature' },
    promisedAt: string | null = null,
  ): MutationBody => ({ op: 'addition.decide', payload: { id: roundId, decisions, promisedAt, via } }),
  qcCheck: (item: QcItem, result: QcResult, note = ''): MutationBody => ({ op: 'qc.check', payload: { item, result, note } }),
  qcOverride: (reason: string): MutationBody => ({ op: 'qc.override', payload: { reason } }),
  handover: (fields: HandoverPatch): MutationBody => ({ op: 'handover.update', payload: { fields } }),
  call: (callId: string, outcome: CallOutcome, note = ''): MutationBody => ({ op: 'followUp.call', payload: { id: callId, outcome, note } }),
  resolve: (note: string): MutationBody => ({ op: 'followUp.resolve', payload: { note } }),
  signature: (signatureId: string, kind: SignatureKind, subjectId?: string): MutationBody => ({
    op: 'signature.add',
    payload: {
      id: signatureId,
      kind,
      signerName: '张伟',
      signedAt: at(0),
      deviceId: CLIENT_A,
      contentHash: hash('5'),
      pngSha256: hash('6'),
      strokesSha256: hash('7'),
      ...(subjectId ? { subjectId } : {}),
    },
  }),
};

/** The id of the customer's signature of round `roundId` in these tests: the round's own, marked 5. */
export const roundSignatureId = (roundId: string) => `${roundId.slice(0, 24)}5${roundId.slice(25)}`;

/**
 * A round decided on the tablet as addSignature writes it: the decisions, then the customer's
 * signature of that round (without which the round decides nothing), both at `minutes`.
 */
export function signedRound(t: Tablet, roundId: string, decisions: Record<string, Decision>, minutes: number, promisedAt: string | null = null): Mutation[] {
  return [t(body.decide(roundId, decisions, { kind: 'signature' }, promisedAt), minutes), t(body.signature(roundSignatureId(roundId), 'additional', roundId), minutes)];
}

/** A draft with a complete card (covers and belongings listed), two estimate lines and 洗车 ordered. */
export function draftJob(): Job {
  const m = tablet(CLIENT_A);
  return run(undefined, [
    m(
      {
        op: 'job.create',
        payload: {
          number: 'WK-20261127-A001',
          card: {
            customer: { name: '张伟', phone: '13812345678' },
            vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788', model: '凯美瑞' },
            odometerKm: 42_000,
            fuel: { kind: 'gauge', eighths: 4 },
            covers: { seat: at(0), floorMat: at(0), steeringWheel: at(0) },
            belongings: { spareTyre: true, warningTriangle: true },
            serviceTypes: { maintenance: true },
            valuablesConfirmedAt: at(0),
          },
        },
      },
      0,
    ),
    m({ op: 'line.add', payload: { id: LINE_OIL, kind: 'part', code: 'P-0001', description: '机油 5W-30 4L', quantityMilli: 1000, unitPriceFen: 39_800, discountBp: 0 } }, 1),
    m({ op: 'line.add', payload: { id: LINE_LABOUR, kind: 'labour', code: 'L-0001', description: '更换机油工时', quantityMilli: 500, unitPriceFen: 12_000, discountBp: 1000 } }, 1),
    m({ op: 'estimate.update', payload: { fields: { carWash: true, payment: 'wechat', oldParts: 'take' } } }, 2),
  ]);
}

export function checkedInJob(): Job {
  return run(draftJob(), [tablet(CLIENT_A)({ op: 'job.checkIn', payload: {} }, 5)]);
}

const SETUP_CLIENT = '0192f3a0-0000-7000-8000-0000000000f0';

/**
 * The checked-in card moved forward to `status`, with 质检 passed on every item and a
 * 交车 signature on it (from minute 10 on), so every gate is open.
 */
export function jobIn(status: JobStatus): Job {
  if (status === 'draft') return draftJob();
  const m = tablet(SETUP_CLIENT);
  const gatesOpen = [...QC_ITEMS.map((item) => m(body.qcCheck(item, 'pass'), 10)), m(body.signature(id('5', 1), 'delivery'), 10)];
  const path: JobStatus[] = ['checked-in', 'in-repair', 'quality-check', 'ready', 'delivered'];
  const moves = path.slice(0, path.indexOf(status)).map((from, i) => m(body.move(from, path[i + 1] ?? from), 11 + i));
  return run(checkedInJob(), [...gatesOpen, ...moves]);
}
