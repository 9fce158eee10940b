// Job cards for the reports' tests, made the way tablets make them: a spec (when the card was
// opened and checked in, by whom, its photos, marks, estimate, additional lines, handover and
// follow-up calls) turned into mutations and run through the shared reducer. The tests work
// out the expected figures from the specs, never from the facts under test.
import type { Decision } from '../../../src/shared/additions.ts';
import type { CallOutcome } from '../../../src/shared/follow-up.ts';
import type { Job, ServiceType } from '../../../src/shared/job.ts';
import type { JobStatus } from '../../../src/shared/job-status.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../../src/shared/mutation.ts';
import { QC_ITEMS } from '../../../src/shared/quality-check.ts';
import type { DamageType, VehicleView } from '../../../src/shared/walkaround.ts';
import { seededRng } from '../../bench/cards.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { run } from './reducer.ts';

export type MarkSpec = { view: VehicleView; x: number; y: number; type: DamageType; stage?: 'handover' };
export type AdditionSpec = { fen: number; decision: Decision | null };
export type CallSpec = { outcome: CallOutcome; at: string };

export type CardSpec = {
  n: number;
  /** Local time with offset, e.g. 2026-11-02T09:00:00.000+08:00. */
  createdAt: string;
  /** Minutes from created to checked in; null: a draft. */
  checkInAfter: number | null;
  advisorId: string | null;
  serviceTypes: ServiceType[];
  customerName?: string;
  photos: number;
  /** Photos taken and then removed: never counted. */
  removedPhotos?: number;
  marks: MarkSpec[];
  /** One estimate line per amount, in 分 (a part of quantity 1, no discount). */
  estimateFen: number[];
  additions: AdditionSpec[];
  promisedAt: string | null;
  status: JobStatus;
  /** When the car was handed back (status delivered). */
  deliveredAt?: string;
  discountFen?: number;
  calls?: CallSpec[];
  /** A dissatisfied call closed with a note. */
  resolvedAt?: string;
};

const uuid = (kind: string, n: number, i = 0) => `0192f3a0-${kind.padStart(4, '0')}-7000-8000-${String(n).padStart(6, '0')}${String(i).padStart(6, '0')}`;
const sha = (n: number, i: number) => `${String(n).padStart(8, '0')}${String(i).padStart(8, '0')}`.repeat(4);

export const CLIENT = '0192f3a0-0000-7000-8000-0000000c11e7';

/** Minutes after an ISO time, written with the same +08:00 offset the tablets use. */
export function after(iso: string, minutes: number): string {
  const at = new Date(Date.parse(iso) + minutes * 60_000 + 8 * 3_600_000).toISOString();
  return `${at.slice(0, 23)}+08:00`;
}

export function cardOf(spec: CardSpec): Job {
  const jobId = uuid('0b', spec.n);
  let seq = 0;
  const m = (body: MutationBody, createdAt: string, advisorId: string | null = spec.advisorId): Mutation => {
    seq += 1;
    return mutationSchema.parse({
      ...body,
      mutationId: uuid('ee', spec.n, seq),
      clientId: CLIENT,
      seq,
      jobId,
      createdAt,
      ...(advisorId ? { advisorId } : {}),
    });
  };
  const t0 = spec.createdAt;
  const ms: Mutation[] = [
    m(
      {
        op: 'job.create',
        payload: {
          number: `WK-TEST-${String(spec.n).padStart(4, '0')}`,
          card: {
            customer: { name: spec.customerName ?? `客户${spec.n}`, phone: `1381234${String(spec.n).padStart(4, '0')}` },
            vehicle: { plate: `粤B${String(10000 + spec.n).slice(-5)}`, vin: '', model: '凯美瑞' },
            serviceTypes: Object.fromEntries(spec.serviceTypes.map((type) => [type, true])),
          },
        },
      },
      t0,
    ),
  ];
  spec.estimateFen.forEach((fen, i) =>
    ms.push(m({ op: 'line.add', payload: { id: uuid('11', spec.n, i), kind: 'part', code: '', description: `项目${i}`, quantityMilli: 1000, unitPriceFen: fen, discountBp: 0 } }, t0)),
  );
  if (spec.promisedAt) ms.push(m({ op: 'estimate.update', payload: { fields: { promisedAt: spec.promisedAt } } }, t0));
  const photo = (i: number) =>
    m(
      {
        op: 'photo.add',
        payload: { id: uuid('f0', spec.n, i), sha256: sha(spec.n, i), thumbSha256: sha(spec.n, i + 500), mime: 'image/jpeg', width: 1600, height: 1200, byteLength: 190_000, damageId: null, slot: null, annotatedFromId: null, takenAt: t0 },
      },
      t0,
    );
  for (let i = 0; i < spec.photos + (spec.removedPhotos ?? 0); i++) ms.push(photo(i));
  for (let i = spec.photos; i < spec.photos + (spec.removedPhotos ?? 0); i++) ms.push(m({ op: 'photo.remove', payload: { id: uuid('f0', spec.n, i) } }, t0));
  spec.marks
    .filter((mark) => mark.stage !== 'handover')
    .forEach((mark, i) => ms.push(m({ op: 'damage.add', payload: { id: uuid('da', spec.n, i), view: mark.view, x: mark.x, y: mark.y, type: mark.type, severity: 'minor', note: '' } }, t0)));
  if (spec.checkInAfter === null) return run(undefined, ms);
  const checkedInAt = after(t0, spec.checkInAfter);
  ms.push(m({ op: 'job.checkIn', payload: {} }, checkedInAt));
  const later = after(checkedInAt, 30);
  spec.additions.forEach((addition, i) =>
    ms.push(
      m(
        { op: 'addition.add', payload: { id: uuid('ad', spec.n, i), kind: 'part', code: '', description: `追加${i}`, quantityMilli: 1000, unitPriceFen: addition.fen, discountBp: 0, reason: '检查发现' } },
        later,
      ),
    ),
  );
  const decided = spec.additions.flatMap((addition, i) => (addition.decision ? [[uuid('ad', spec.n, i), addition.decision] as const] : []));
  if (decided.length > 0) {
    const round = uuid('de', spec.n);
    ms.push(
      m({ op: 'addition.decide', payload: { id: round, decisions: Object.fromEntries(decided), promisedAt: null, via: { kind: 'phone', calledAt: later, phone: '13812345678', agreedBy: '客户' } } }, later),
    );
  }
  const path: JobStatus[] = ['checked-in', 'in-repair', 'quality-check', 'ready', 'delivered'];
  const steps = path.indexOf(spec.status);
  if (steps >= 3) {
    for (const item of QC_ITEMS) ms.push(m({ op: 'qc.check', payload: { item, result: 'pass', note: '' } }, later));
  }
  const movedAt = (i: number) => (path[i + 1] === 'delivered' && spec.deliveredAt ? spec.deliveredAt : after(later, 10 * (i + 1)));
  for (let i = 0; i < steps; i++) {
    if (path[i + 1] === 'delivered') {
      const at = movedAt(i);
      spec.marks
        .filter((mark) => mark.stage === 'handover')
        .forEach((mark, k) =>
          ms.push(m({ op: 'damage.add', payload: { id: uuid('db', spec.n, k), view: mark.view, x: mark.x, y: mark.y, type: mark.type, severity: 'minor', note: '', stage: 'handover' } }, at)),
        );
      if (spec.discountFen) ms.push(m({ op: 'handover.update', payload: { fields: { discountFen: spec.discountFen, discountReason: '抹零' } } }, at));
      ms.push(
        m(
          { op: 'signature.add', payload: { id: uuid('51', spec.n), kind: 'delivery', signerName: '客户', signedAt: at, deviceId: CLIENT, contentHash: '5'.repeat(64), pngSha256: '6'.repeat(64), strokesSha256: '7'.repeat(64) } },
          at,
        ),
      );
    }
    ms.push(m({ op: 'job.move', payload: { from: path[i] ?? 'checked-in', to: path[i + 1] ?? 'checked-in' } }, movedAt(i)));
  }
  (spec.calls ?? []).forEach((call, i) => ms.push(m({ op: 'followUp.call', payload: { id: uuid('ca', spec.n, i), outcome: call.outcome, note: '' } }, call.at)));
  if (spec.resolvedAt) ms.push(m({ op: 'followUp.resolve', payload: { note: '已上门处理' } }, spec.resolvedAt));
  return run(undefined, ms);
}

export const ADVISOR_WANG = '0192f3a0-0000-7000-8000-00000000a0a1';
export const ADVISOR_LI = '0192f3a0-0000-7000-8000-00000000a0a2';

const VIEWS: VehicleView[] = ['top', 'left', 'right', 'front', 'rear'];
const TYPES: DamageType[] = ['scratch', 'dent', 'crack', 'chip', 'rust', 'missing', 'other'];
const SERVICES: ServiceType[] = ['maintenance', 'repair', 'bodyPaint', 'warranty', 'insurance'];
const OUTCOMES: CallOutcome[] = ['satisfied', 'neutral', 'dissatisfied', 'noAnswer'];

/**
 * `count` cards opened between 2026-10-25 and 2026-12-04 at any hour of the store's day, by two
 * advisors or none, in every status, with photos, marks, additions, handovers and calls.
 */
export function randomSpecs(seed: number, count: number, firstN = 1000, advisors: readonly [string, string] = [ADVISOR_WANG, ADVISOR_LI]): CardSpec[] {
  const r = seededRng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const specs: CardSpec[] = [];
  for (let i = 0; i < count; i++) {
    const n = firstN + i;
    const day = new Date(Date.UTC(2026, 9, 25 + int(41))).toISOString().slice(0, 10);
    const minuteOfDay = int(24 * 60);
    const createdAt = `${day}T${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}:00.000+08:00`;
    const status = pick<JobStatus>(['draft', 'checked-in', 'in-repair', 'quality-check', 'ready', 'delivered', 'delivered', 'delivered']);
    const checkInAfter = status === 'draft' ? null : int(90);
    const deliveredAt = status === 'delivered' ? after(createdAt, (checkInAfter ?? 0) + 120 + int(6 * 24 * 60)) : undefined;
    const calls: CallSpec[] =
      deliveredAt && r() < 0.6 ? Array.from({ length: 1 + int(2) }, (_, k) => ({ outcome: pick(OUTCOMES), at: after(deliveredAt, 24 * 60 + k * 60) })) : [];
    specs.push({
      n,
      createdAt,
      checkInAfter,
      advisorId: pick([advisors[0], advisors[0], advisors[1], null]),
      serviceTypes: SERVICES.filter(() => r() < 0.3),
      photos: int(30),
      removedPhotos: r() < 0.2 ? 1 : 0,
      marks: Array.from({ length: int(4) }, () => ({ view: pick(VIEWS), x: Math.round(r() * 1000) / 1000, y: Math.round(r() * 1000) / 1000, type: pick(TYPES), ...(status === 'delivered' && r() < 0.2 ? { stage: 'handover' as const } : {}) })),
      estimateFen: Array.from({ length: int(4) }, () => 1000 * (1 + int(500))),
      additions: status === 'draft' ? [] : Array.from({ length: int(3) }, () => ({ fen: 100 * (1 + int(2000)), decision: pick<Decision | null>(['approved', 'declined', null]) })),
      promisedAt: r() < 0.8 ? after(createdAt, 60 * (1 + int(72))) : null,
      status,
      ...(deliveredAt ? { deliveredAt } : {}),
      ...(deliveredAt && r() < 0.3 ? { discountFen: 100 * int(50) } : {}),
      calls,
      ...(calls.some((call) => call.outcome === 'dissatisfied') && r() < 0.5 ? { resolvedAt: after(deliveredAt ?? createdAt, 5 * 24 * 60) } : {}),
    });
  }
  return specs;
}

// ---- the tests' own reading of a spec, never the facts or the reports under test ----
export const checkedInAt = (spec: CardSpec) => (spec.checkInAfter === null ? null : after(spec.createdAt, spec.checkInAfter));
/** Every time in these specs is written +08:00, so its first ten characters are the store's day. */
export const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : null);
export const inMonth = (iso: string | null | undefined, month: string) => dayOf(iso)?.startsWith(month) === true;
export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
export const approvedFen = (spec: CardSpec) => sum(spec.additions.filter((a) => a.decision === 'approved').map((a) => a.fen));
export const finalOf = (spec: CardSpec) => Math.max(0, sum(spec.estimateFen) + approvedFen(spec) - (spec.discountFen ?? 0));
export const advisorOf = (spec: CardSpec) => spec.advisorId ?? 'none';
export const numberOf = (spec: CardSpec) => `WK-TEST-${String(spec.n).padStart(4, '0')}`;

/** The follow-up of a delivered spec at `now`: the answered call's outcome and the tablets' state rule, worked out here. */
export function expectedFollowUp(spec: CardSpec, now: Date): { result: string; state: string } {
  const calls = [...(spec.calls ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const answered = calls.filter((c) => c.outcome !== 'noAnswer').at(-1);
  const result = answered?.outcome ?? (calls.length > 0 ? 'noAnswer' : 'notCalled');
  const closed = spec.resolvedAt ? Date.parse(spec.resolvedAt) : -Infinity;
  const hours = (now.getTime() - Date.parse(spec.deliveredAt ?? '')) / 3_600_000;
  const state = calls.some((c) => c.outcome === 'dissatisfied' && Date.parse(c.at) > closed)
    ? 'open'
    : answered
      ? 'done'
      : hours >= 72
        ? 'overdue'
        : hours >= 48
          ? 'due'
          : 'notYet';
  return { result, state };
}

/** Writes the specs' cards into a store's records as a push writes its jobs (no log rows: as if synced long ago). */
export async function writeCards(storage: Storage, storeId: string, specs: readonly CardSpec[]): Promise<void> {
  const [result] = await storage.records.writeEach([{ storeId, work: (tx) => tx.writePush({ clientId: CLIENT, lastSeq: 1, log: [], jobs: specs.map(cardOf) }) }]);
  if (result && 'error' in result) throw result.error;
}
