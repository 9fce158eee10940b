// A seeded random advisor at work on a simulated tablet, for fault-injection tests: new cards,
// card edits, damage marks, photos (removed and restored too), estimate lines, signatures,
// edits of cards other tablets made, and "Sync now" taps that may fail. Every mutation the
// tablet commits is copied as it commits, so a test can later hold the server's log against
// exactly what the tablets made.
import type { Transaction } from 'dexie';
import { addDamage, removeDamage, updateDamage } from '../../src/db/damage-repo.ts';
import { addLine, removeLine, updateEstimate, updateLine } from '../../src/db/estimate-repo.ts';
import { createJob, updateCard } from '../../src/db/job-repo.ts';
import { removePhoto, restorePhoto } from '../../src/db/photo-repo.ts';
import { SignedContentChanged } from '../../src/db/signature-repo.ts';
import { LINE_KINDS, OLD_PARTS, PAYMENT_METHODS } from '../../src/shared/estimate.ts';
import { WARNING_LIGHTS, type CardPatch, type Job } from '../../src/shared/job.ts';
import { nowIso } from '../../src/shared/local-time.ts';
import type { Mutation } from '../../src/shared/mutation.ts';
import { SIGNATURE_KINDS } from '../../src/shared/signature.ts';
import { DAMAGE_TYPES, live, SEVERITIES, VEHICLE_VIEWS } from '../../src/shared/walkaround.ts';
import { realisticCard, type Rng } from '../bench/cards.ts';
import { addFakePhoto, sign, type Tablet } from './tablet.ts';

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
      // Shared cards are signed too, now and then: another tablet's edit may then reach the
      // server first, and the server must refuse the signature (the test checks it did).
      if (shop.privateJobs.has(job.id) ? shop.owner.get(job.id) !== tablet.name : rng() < 0.4) return;
      try {
        await sign(tablet.db, job.id, pick(rng, SIGNATURE_KINDS), shop.nextSeed++);
      } catch (error) {
        // A pull landed between reading and saving: nothing was saved, as with a real advisor.
        if (!(error instanceof SignedContentChanged)) throw error;
      }
    }),
    5,
  ],
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
