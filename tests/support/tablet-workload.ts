// A seeded random advisor at work on a simulated tablet, for fault-injection tests: new cards,
// card edits, damage marks, photos (removed and restored too), estimate lines, signatures,
// edits of cards other tablets made, and "Sync now" taps that may fail. After check-in too:
// additional lines (with photos) decided by signature or by phone, status moves, the quality
// check, the handover with its signature, delivery and the follow-up call. Every mutation the
// tablet commits is copied as it commits, so a test can later hold the server's log against
// exactly what the tablets made.
import type { Transaction } from 'dexie';
import { addDamage, removeDamage, updateDamage } from '../../src/db/damage-repo.ts';
import { addLine, removeLine, updateEstimate, updateLine } from '../../src/db/estimate-repo.ts';
import { addAddition, recordPhoneApproval, removeAddition, updateAddition } from '../../src/db/addition-repo.ts';
import { bookAppointment, markNoShow } from '../../src/db/appointment-repo.ts';
import { checkIn, CheckInRefused, createJob, updateCard } from '../../src/db/job-repo.ts';
import { removePhoto, restorePhoto } from '../../src/db/photo-repo.ts';
import { SignedContentChanged } from '../../src/db/signature-repo.ts';
import { checkQualityItem, moveJob, MoveRefused, overrideQualityCheck, recordFollowUpCall, resolveFollowUp, updateHandover } from '../../src/db/work-repo.ts';
import { DECISIONS, type Decision } from '../../src/shared/additions.ts';
import { LINE_KINDS, OLD_PARTS, PAYMENT_METHODS } from '../../src/shared/estimate.ts';
import { CALL_OUTCOMES } from '../../src/shared/follow-up.ts';
import type { HandoverPatch } from '../../src/shared/handover.ts';
import { BELONGINGS, COVERS, WARNING_LIGHTS, type CardPatch, type Job } from '../../src/shared/job.ts';
import { nextStatus, STATUS_MOVES } from '../../src/shared/job-status.ts';
import { nowIso } from '../../src/shared/local-time.ts';
import type { Mutation } from '../../src/shared/mutation.ts';
import { QC_ITEMS, QC_RESULTS } from '../../src/shared/quality-check.ts';
import { checkinDamages } from '../../src/shared/signed-content.ts';
import { DAMAGE_TYPES, live, SEVERITIES, VEHICLE_VIEWS } from '../../src/shared/walkaround.ts';
import { realisticCard, type Rng } from '../bench/cards.ts';
import { addFakePhoto, sign, signDecisions, type Tablet } from './tablet.ts';

/** What all tablets of one run share: who owns which card, and which cards only their owner touches. */
export type Shop = {
  /**
   * The card every tablet has from the start and keeps writing the mileage of, to the very
   * end: with last write wins, a change applied twice, late, shows as the wrong mileage.
   */
  hotJobId?: string;
  owner: Map<string, string>;
  /** Cards only their owner edits and signs, so their signatures can never meet changed content. */
  privateJobs: Set<string>;
  /** Seeds of the photos taken so far: now and then a tablet takes the same bytes again. */
  photoSeeds: number[];
  nextSeed: number;
};

export function newShop(firstSeed: number): Shop {
  return { owner: new Map(), privateJobs: new Set(), photoSeeds: [], nextSeed: firstSeed };
}

/** Copies every outbox entry the tablet commits (an aborted transaction records nothing). */
export function recordMutations(tablet: Tablet): Mutation[] {
  const made: Mutation[] = [];
  tablet.db.outbox.hook('creating', (_key, mutation: Mutation, transaction: Transaction) => {
    const copy = structuredClone(mutation);
    transaction.on('complete', () => made.push(copy));
  });
  return made;
}

type Action = (tablet: Tablet, rng: Rng, shop: Shop) => Promise<unknown>;

const pick = <T>(rng: Rng, list: readonly T[]): T => {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const int = (rng: Rng, below: number) => Math.floor(rng() * below);

/** The cards this tablet may edit: its own, and the shared ones it has pulled. */
async function editable(tablet: Tablet, shop: Shop): Promise<Job[]> {
  const jobs = await tablet.db.jobs.toArray();
  return jobs.filter((job) => shop.owner.get(job.id) === tablet.name || !shop.privateJobs.has(job.id));
}

/**
 * Runs `act` on a card this tablet may edit, if there is one: half the time one of the few
 * newest (the cars at the desk now, which every tablet is working on), else any. Tablets
 * writing the same fields of the same cards at once is what makes order, and so a change
 * applied twice or lost, show in the result.
 */
function onJob(act: (tablet: Tablet, job: Job, rng: Rng, shop: Shop) => Promise<unknown>): Action {
  return async (tablet, rng, shop) => {
    const jobs = (await editable(tablet, shop)).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (jobs.length > 0) await act(tablet, pick(rng, rng() < 0.5 ? jobs.slice(-3) : jobs), rng, shop);
  };
}

function cardPatch(rng: Rng): CardPatch {
  const patches: (() => CardPatch)[] = [
    // Mileage and name twice as likely: fields several tablets overwrite in turn.
    () => ({ odometerKm: int(rng, 300_000) }),
    () => ({ odometerKm: int(rng, 300_000) }),
    () => ({ customer: { name: pick(rng, ['张伟', '王芳', '李娜', '刘洋', '陈静']) } }),
    () => ({ customer: { name: pick(rng, ['张伟', '王芳', '李娜', '刘洋', '陈静']) } }),
    () => ({ customer: { phone: `138${String(int(rng, 1e8)).padStart(8, '0')}` } }),
    () => ({ vehicle: { color: pick(rng, ['白', '黑', '银', '红']), model: pick(rng, ['卡罗拉', '雅阁', '朗逸']) } }),
    () => ({ fuel: { kind: 'gauge', eighths: int(rng, 9) } }),
    () => ({ warningLights: { [pick(rng, WARNING_LIGHTS)]: rng() < 0.5 } }),
    () => ({ covers: { seat: rng() < 0.7 ? nowIso() : null } }),
    () => ({ customerRequest: `保养 ${int(rng, 1000)}`, belongingsNote: rng() < 0.5 ? '雨伞' : '' }),
  ];
  const count = 1 + int(rng, 3);
  return Object.assign({}, ...Array.from({ length: count }, () => pick(rng, patches)()));
}

const hotMileage: Action = async (tablet, rng, shop) => {
  if (shop.hotJobId) await updateCard(tablet.db, shop.hotJobId, { odometerKm: int(rng, 300_000) });
};

const newJob: Action = async (tablet, rng, shop) => {
  const job = await createJob(tablet.db, realisticCard(rng).card);
  shop.owner.set(job.id, tablet.name);
  if (rng() < 0.35) shop.privateJobs.add(job.id);
};

/**
 * Shared cards are signed too, now and then: another tablet's edit may then reach the server
 * first, and the server must refuse the signature (the test checks it did). A private card
 * only by its owner.
 */
function maySign(tablet: Tablet, job: Job, rng: Rng, shop: Shop): boolean {
  return shop.privateJobs.has(job.id) ? shop.owner.get(job.id) === tablet.name : rng() >= 0.4;
}

/** A pull landed between reading and saving: nothing was saved, as with a real advisor. */
async function unlessChanged(signing: Promise<unknown>): Promise<void> {
  try {
    await signing;
  } catch (error) {
    if (!(error instanceof SignedContentChanged)) throw error;
  }
}

/** Kinds signed without more input; 追加项目 is signed with the decisions (signDecisions). */
const PLAIN_KINDS = ['checkin', 'estimate', 'delivery'] as const;

/** A move the repo refuses (another tablet moved first, 质检 not passed, 交车 not signed) changes nothing. */
async function unlessRefused(moving: Promise<unknown>): Promise<void> {
  try {
    await moving;
  } catch (error) {
    if (!(error instanceof MoveRefused)) throw error;
  }
}

/** Runs `act` on a card this tablet may edit that is checked in (or further), if there is one. */
function onWork(act: (tablet: Tablet, job: Job, rng: Rng, shop: Shop) => Promise<unknown>): Action {
  return onJob(async (tablet, job, rng, shop) => {
    if (job.status === 'draft') {
      // The advisor checks the car in first (the valuables reminder is the last box ticked); a
      // card the edits left incomplete stays a draft.
      try {
        if (!job.card.valuablesConfirmedAt) await updateCard(tablet.db, job.id, { valuablesConfirmedAt: nowIso() });
        // 预约: the card is booked for now if it was not, and its no-show taken back (the car came).
        // No randomness drawn here: the seeds' sequence of actions stays what it was.
        if (!job.appointment) await bookAppointment(tablet.db, job.id, new Date(), '');
        await markNoShow(tablet.db, job.id, false);
        await checkIn(tablet.db, job.id);
      } catch (error) {
        if (!(error instanceof CheckInRefused)) throw error;
      }
      return;
    }
    await act(tablet, job, rng, shop);
  });
}

function handoverPatch(job: Job, rng: Rng): HandoverPatch {
  const marks = checkinDamages(job);
  const patches: (() => HandoverPatch)[] = [
    // Covers and belongings: two tablets ticking different keys must both stay ticked.
    () => ({ coversRemoved: { [pick(rng, COVERS)]: rng() < 0.85 ? nowIso() : null } }),
    () => ({ coversRemoved: { [pick(rng, COVERS)]: nowIso() } }),
    () => ({ belongingsReturned: { [pick(rng, BELONGINGS)]: rng() < 0.8 } }),
    () => (marks.length > 0 ? { damageChecks: { [pick(rng, marks).id]: nowIso() } } : { oldPartsDone: rng() < 0.5 }),
    () => ({ odometerKm: (job.card.odometerKm ?? 0) + int(rng, 40), fuel: { kind: 'gauge', eighths: int(rng, 9) } }),
    () => ({ discountFen: 100 * int(rng, 50), discountReason: pick(rng, ['抹零', '老客户', '']) }),
    () => ({ paidFen: 100 * int(rng, 100_000), payment: pick(rng, PAYMENT_METHODS) }),
    () => ({ nextServiceDate: `2027-0${1 + int(rng, 9)}-1${int(rng, 10)}`, nextServiceKm: 5_000 * (1 + int(rng, 40)) }),
  ];
  return Object.assign({}, ...Array.from({ length: 1 + int(rng, 2) }, () => pick(rng, patches)()));
}

/** Adds an additional line with its reason, and now and then the worn part's photo; returns its id. */
async function offerAddition(tablet: Tablet, job: Job, rng: Rng, shop: Shop): Promise<string> {
  const id = await addAddition(tablet.db, job.id, {
    kind: pick(rng, LINE_KINDS),
    code: '',
    description: pick(rng, ['刹车盘', '雨刮', '空调滤芯', '蓄电池']),
    quantityMilli: 1_000 * (1 + int(rng, 3)),
    unitPriceFen: 100 * (1 + int(rng, 3_000)),
    discountBp: pick(rng, [0, 0, 500]),
    reason: pick(rng, ['磨损到限', '漏油', '老化开裂']),
  });
  // The photo belongs to the line, not to the check-in record.
  if (rng() < 0.4) await addFakePhoto(tablet.db, job.id, shop.nextSeed++, 1_500, { slot: null, additionId: id });
  return id;
}

/** The customer decides some live lines: in customer mode with a signature, or by phone. */
async function decide(tablet: Tablet, job: Job, rng: Rng, shop: Shop): Promise<void> {
  const lines = live(job.additions).filter(() => rng() < 0.8);
  if (lines.length === 0) return;
  const decisions: Record<string, Decision> = Object.fromEntries(lines.map((line) => [line.id, pick(rng, DECISIONS)]));
  const promisedAt = rng() < 0.3 ? nowIso(new Date(Date.now() + 3_600_000 * (1 + int(rng, 5)))) : null;
  if (rng() < 0.5) {
    if (maySign(tablet, job, rng, shop)) await unlessChanged(signDecisions(tablet.db, job.id, decisions, shop.nextSeed++, promisedAt));
  } else {
    await recordPhoneApproval(tablet.db, job.id, { decisions, promisedAt, calledAt: nowIso(), phone: job.card.customer.phone || '13800000000', agreedBy: '车主本人' });
  }
}

/** At the car: the covers off, every check-in mark confirmed, paid, signed, handed over. */
async function handOver(tablet: Tablet, job: Job, rng: Rng, shop: Shop): Promise<void> {
  const now = nowIso();
  await updateHandover(tablet.db, job.id, {
    coversRemoved: Object.fromEntries(COVERS.map((cover) => [cover, now])),
    damageChecks: Object.fromEntries(checkinDamages(job).map((mark) => [mark.id, now])),
    paidFen: 100 * int(rng, 100_000),
    payment: pick(rng, PAYMENT_METHODS),
  });
  if (rng() < 0.3) {
    await addDamage(tablet.db, job.id, { view: pick(rng, VEHICLE_VIEWS), x: rng(), y: rng(), type: pick(rng, DAMAGE_TYPES), severity: 'minor', note: '交车时发现', stage: 'handover' });
  }
  if (!maySign(tablet, job, rng, shop)) return;
  await unlessChanged(sign(tablet.db, job.id, 'delivery', shop.nextSeed++));
  await unlessRefused(moveJob(tablet.db, job.id, 'ready', 'delivered'));
}

async function followUp(tablet: Tablet, job: Job, rng: Rng): Promise<void> {
  const open = job.followUp.resolution === null && Object.values(job.followUp.calls).some((call) => call.outcome === 'dissatisfied');
  if (open) return void (await resolveFollowUp(tablet.db, job.id, '已上门处理，客户认可'));
  // A dissatisfied customer twice as likely as each other outcome: the item it opens is what the list is for.
  const outcome = pick(rng, [...CALL_OUTCOMES, 'dissatisfied'] as const);
  await recordFollowUpCall(tablet.db, job.id, outcome, outcome === 'dissatisfied' ? '客户反映异响' : '');
  // Sometimes settled on the same call: the service manager calls back at once.
  if (outcome === 'dissatisfied' && rng() < 0.7) await resolveFollowUp(tablet.db, job.id, '经理回电，约好返厂检查');
}

/**
 * The card one stage further, as an advisor works a car through: lines offered while it is
 * in the workshop, decided, checked, handed over, called back. Without it few cards of a
 * random run would ever reach 已交车.
 */
async function nextStage(tablet: Tablet, job: Job, rng: Rng, shop: Shop): Promise<void> {
  const forward = (from: Job['status']) => {
    const to = nextStatus(from);
    return to ? unlessRefused(moveJob(tablet.db, job.id, from, to)) : Promise.resolve();
  };
  switch (job.status) {
    case 'draft':
      return; // onWork checked it in
    case 'checked-in':
      if (rng() < 0.7) await offerAddition(tablet, job, rng, shop);
      return forward('checked-in');
    case 'in-repair':
      await decide(tablet, job, rng, shop);
      return forward('in-repair');
    case 'quality-check':
      for (const item of QC_ITEMS) await checkQualityItem(tablet.db, job.id, item, 'pass');
      return forward('quality-check');
    case 'ready':
      return handOver(tablet, job, rng, shop);
    case 'delivered':
      return followUp(tablet, job, rng);
  }
}

/** The card's life after check-in. Each action first checks the car in if it is still a draft. */
const AFTER_CHECK_IN: (readonly [Action, number])[] = [
  [
    onWork(async (tablet, job, rng, shop) => {
      // One to three stages in a row, reading the card again after each: the car is at the desk.
      for (let stage = 0, card: Job | undefined = job; stage < 1 + int(rng, 3) && card; stage++) {
        await nextStage(tablet, card, rng, shop);
        card = await tablet.db.jobs.get(job.id);
      }
    }),
    10,
  ],
  [onWork(offerAddition), 3],
  [
    onWork(async (tablet, job, rng) => {
      const lines = live(job.additions);
      if (lines.length === 0) return;
      const line = pick(rng, lines);
      if (rng() < 0.25) await removeAddition(tablet.db, job.id, line.id);
      else await updateAddition(tablet.db, job.id, line.id, rng() < 0.5 ? { unitPriceFen: 100 * (1 + int(rng, 3_000)) } : { reason: `复查 ${int(rng, 100)}` });
    }),
    3,
  ],
  [onWork(decide), 3],
  [
    onWork(async (tablet, job, rng) => {
      // One item, any result (a failed one blocks 待交车), or the advisor's override with a reason.
      if (rng() < 0.2) await overrideQualityCheck(tablet.db, job.id, '客户急用车，已告知');
      else await checkQualityItem(tablet.db, job.id, pick(rng, QC_ITEMS), pick(rng, QC_RESULTS), rng() < 0.3 ? '已复查' : '');
    }),
    4,
  ],
  [
    onWork(async (tablet, job, rng) => {
      // Forward mostly; now and then back to 维修中 (more work found, or asked for).
      const moves = STATUS_MOVES[job.status];
      const to = rng() < 0.85 || moves.length === 0 ? nextStatus(job.status) : pick(rng, moves);
      if (to) await unlessRefused(moveJob(tablet.db, job.id, job.status, to));
    }),
    4,
  ],
  [onWork((tablet, job, rng) => updateHandover(tablet.db, job.id, handoverPatch(job, rng))), 5],
  [
    onWork(async (tablet, job, rng, shop) => {
      if (job.status === 'ready') await handOver(tablet, job, rng, shop);
    }),
    2,
  ],
  [
    onWork(async (tablet, job, rng) => {
      if (job.status === 'delivered') await followUp(tablet, job, rng);
    }),
    1,
  ],
];

const ACTIONS: (readonly [Action, number])[] = [
  [newJob, 7],
  [hotMileage, 5],
  [onJob((tablet, job, rng) => updateCard(tablet.db, job.id, cardPatch(rng))), 14],
  [
    onJob((tablet, job, rng) =>
      addDamage(tablet.db, job.id, { view: pick(rng, VEHICLE_VIEWS), x: rng(), y: rng(), type: pick(rng, DAMAGE_TYPES), severity: pick(rng, SEVERITIES), note: '' }),
    ),
    7,
  ],
  [
    onJob(async (tablet, job, rng) => {
      const damages = live(job.damages);
      if (damages.length === 0) return;
      const damage = pick(rng, damages);
      if (rng() < 0.3) await removeDamage(tablet.db, job.id, damage.id);
      else await updateDamage(tablet.db, job.id, damage.id, rng() < 0.5 ? { note: `划痕 ${int(rng, 100)}` } : { x: rng(), severity: pick(rng, SEVERITIES) });
    }),
    7,
  ],
  [
    onJob(async (tablet, job, rng, shop) => {
      // Mostly new bytes; sometimes bytes another photo has already (one blob, two photos).
      const seed = shop.photoSeeds.length > 0 && rng() < 0.15 ? pick(rng, shop.photoSeeds) : shop.nextSeed++;
      shop.photoSeeds.push(seed);
      await addFakePhoto(tablet.db, job.id, seed, 1_000 + int(rng, 30_000));
    }),
    8,
  ],
  [
    onJob(async (tablet, job, rng) => {
      const photos = Object.values(job.photos);
      if (photos.length === 0) return;
      const photo = pick(rng, photos);
      await (photo.deletedAt ? restorePhoto(tablet.db, job.id, photo.id) : removePhoto(tablet.db, job.id, photo.id));
      // Undo, at once: the advisor removed the wrong photo.
      if (!photo.deletedAt && rng() < 0.3) await restorePhoto(tablet.db, job.id, photo.id);
    }),
    4,
  ],
  [
    onJob((tablet, job, rng) =>
      addLine(tablet.db, job.id, {
        kind: pick(rng, LINE_KINDS),
        code: '',
        description: pick(rng, ['更换机油', '机滤', '四轮定位', '刹车片']),
        quantityMilli: 500 * (1 + int(rng, 6)),
        unitPriceFen: 100 * int(rng, 5_000),
        discountBp: pick(rng, [0, 0, 500, 1_000]),
      }),
    ),
    6,
  ],
  [
    onJob(async (tablet, job, rng) => {
      const lines = live(job.estimate.lines);
      if (lines.length > 0 && rng() < 0.7) {
        const line = pick(rng, lines);
        if (rng() < 0.3) await removeLine(tablet.db, job.id, line.id);
        else await updateLine(tablet.db, job.id, line.id, { quantityMilli: 1_000 * (1 + int(rng, 4)) });
      } else {
        await updateEstimate(tablet.db, job.id, { carWash: rng() < 0.5, payment: pick(rng, PAYMENT_METHODS), oldParts: pick(rng, OLD_PARTS) });
      }
    }),
    6,
  ],
  [
    onJob(async (tablet, job, rng, shop) => {
      if (!maySign(tablet, job, rng, shop)) return;
      await unlessChanged(sign(tablet.db, job.id, pick(rng, PLAIN_KINDS), shop.nextSeed++));
    }),
    5,
  ],
  ...AFTER_CHECK_IN,
  [(tablet) => tablet.engine.syncNow(), 14],
  [(_tablet, rng) => new Promise((resolve) => setTimeout(resolve, int(rng, 20))), 5],
];

const TOTAL_WEIGHT = ACTIONS.reduce((sum, [, weight]) => sum + weight, 0);

/**
 * A new card, then `steps` random actions, one after another, as one advisor on one tablet,
 * and last the hot card's mileage once more.
 */
export async function runWorkload(tablet: Tablet, rng: Rng, shop: Shop, steps: number): Promise<void> {
  await newJob(tablet, rng, shop);
  for (let step = 0; step < steps; step++) {
    let r = rng() * TOTAL_WEIGHT;
    const action = ACTIONS.find(([, weight]) => (r -= weight) < 0)?.[0] ?? ACTIONS[0]![0];
    await action(tablet, rng, shop);
  }
  await hotMileage(tablet, rng, shop);
}
