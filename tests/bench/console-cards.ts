// Whole job cards for the console benchmark, made straight as the server stores them (not
// through the reducer: 100,000 cards must be quick to make), from a seeded generator so every
// run measures the same store: three years of a 4S store's desk, 8 advisors, every service type,
// damage marks, photos, estimate lines, additional lines decided by phone, statuses up to
// delivered with their moves, payments and 72-hour follow-up calls. About a third of the cards
// are a returning customer's vehicle, so customer pages have several visits. The first cards
// are checked against the shared job schema, so the shapes stay those of real cards.
import { randomBytes } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';
import { emptyFollowUp } from '../../src/shared/follow-up.ts';
import { emptyHandover } from '../../src/shared/handover.ts';
import { emptyCard, jobSchema, SERVICE_TYPES, type Card, type Job, type ServiceType } from '../../src/shared/job.ts';
import { nowIso } from '../../src/shared/local-time.ts';
import { emptyQualityCheck } from '../../src/shared/quality-check.ts';
import type { JobStatus } from '../../src/shared/status-moves.ts';
import { DAMAGE_TYPES, PHOTO_SLOTS, SEVERITIES, VEHICLE_VIEWS } from '../../src/shared/walkaround.ts';
import { realisticCard, seededRng, type Rng } from './cards.ts';

const DAY_MS = 86_400_000;
const LINES = [
  ['labour', 'L-0101', '更换机油机滤', 1000, 8_000],
  ['part', 'P-10001', '机油滤清器', 1000, 6_800],
  ['part', 'P-10002', '全合成机油 4L', 1000, 45_000],
  ['labour', 'L-0201', '更换刹车片', 1500, 12_000],
  ['part', 'P-30001', '前刹车片', 1000, 68_000],
  ['labour', 'L-0301', '四轮定位', 1000, 20_000],
  ['labour', 'L-0401', '钣金喷漆 左前门', 3000, 15_000],
  ['part', 'P-50001', '空调滤芯', 1000, 9_800],
] as const;
const OUTCOMES = ['satisfied', 'satisfied', 'satisfied', 'neutral', 'dissatisfied', 'noAnswer'] as const;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const hex = () => randomBytes(32).toString('hex');

export type CardSpec = { storeCode: string; advisorIds: readonly string[]; count: number; now: number; seed: number };

/** `count` cards in creation order, created over the 3 years before `now`. */
export function* consoleCards(spec: CardSpec): Generator<Job> {
  const rng = seededRng(spec.seed);
  const start = spec.now - 3 * 365 * DAY_MS;
  const seen: Card[] = [];
  const perDay = new Map<string, number>();
  for (let i = 0; i < spec.count; i++) {
    // Evenly spread, a little jitter, desk hours of Shenzhen (08:00-18:00 +08:00).
    const dayStart = start + Math.floor((i / spec.count) * 3 * 365) * DAY_MS;
    const created = new Date(dayStart - (dayStart % DAY_MS) + (rng() * 10 + 0) * 3_600_000);
    const job = oneCard(rng, spec, created, seen, perDay);
    if (i < 200) jobSchema.parse(job);
    yield job;
  }
}

function oneCard(rng: Rng, spec: CardSpec, created: Date, seen: Card[], perDay: Map<string, number>): Job {
  const at = (minutes: number) => nowIso(new Date(created.getTime() + minutes * 60_000));
  const card = returningOrNew(rng, seen);
  const services = SERVICE_TYPES.filter((type) => rng() < (type === 'maintenance' ? 0.55 : type === 'repair' ? 0.35 : 0.08));
  card.serviceTypes = Object.fromEntries((services.length > 0 ? services : (['maintenance'] as ServiceType[])).map((type) => [type, true]));
  const age = spec.now - created.getTime();
  const advisorId = pick(rng, spec.advisorIds);
  const day = at(0).slice(0, 10).replaceAll('-', '');
  const sequence = (perDay.get(day) ?? 0) + 1;
  perDay.set(day, sequence);
  // Nearly every card older than a week was delivered; the last week's are in every stage.
  const status: JobStatus = rng() < 0.03 ? 'draft' : age > 7 * DAY_MS ? 'delivered' : pick(rng, ['checked-in', 'in-repair', 'quality-check', 'ready', 'delivered']);
  const checkedIn = status !== 'draft';
  const checkInMinutes = 5 + Math.floor(rng() * 25);
  const promisedAt = at(checkInMinutes + 60 * (2 + Math.floor(rng() * 30)));

  const damages: Job['damages'] = {};
  const photos: Job['photos'] = {};
  const photo = (minutes: number, damageId: string | null, slot: (typeof PHOTO_SLOTS)[number] | null) => {
    const id = uuidv4();
    photos[id] = { id, sha256: hex(), thumbSha256: hex(), mime: 'image/jpeg', width: 1600, height: 1200, byteLength: 150_000 + Math.floor(rng() * 100_000), damageId, slot, annotatedFromId: null, takenAt: at(minutes), deletedAt: null };
  };
  const marks = Math.floor(rng() ** 2 * 6);
  for (let m = 0; m < marks; m++) {
    const id = uuidv4();
    damages[id] = { id, view: pick(rng, VEHICLE_VIEWS), x: rng(), y: rng(), type: pick(rng, DAMAGE_TYPES), severity: pick(rng, SEVERITIES), note: '', createdAt: at(2), deletedAt: null };
    photo(3, id, null);
  }
  for (const slot of PHOTO_SLOTS.slice(0, 2 + Math.floor(rng() * (PHOTO_SLOTS.length - 1)))) photo(4, null, slot);

  const lines: Job['estimate']['lines'] = {};
  for (let l = 0, n = 1 + Math.floor(rng() * 5); l < n; l++) {
    const [kind, code, description, quantityMilli, unitPriceFen] = pick(rng, LINES);
    const id = uuidv4();
    lines[id] = { id, kind, code, description, quantityMilli, unitPriceFen, discountBp: rng() < 0.2 ? 1000 : 0, createdAt: at(10), deletedAt: null };
  }

  const additions: Job['additions'] = {};
  const approvals: Job['approvals'] = {};
  if (checkedIn && rng() < 0.3) {
    const decisions: Record<string, 'approved' | 'declined'> = {};
    for (let a = 0, n = 1 + Math.floor(rng() * 2); a < n; a++) {
      const [kind, code, description, quantityMilli, unitPriceFen] = pick(rng, LINES);
      const id = uuidv4();
      additions[id] = { id, kind, code, description, quantityMilli, unitPriceFen, discountBp: 0, reason: '检查发现磨损', createdAt: at(90), deletedAt: null };
      decisions[id] = rng() < 0.65 ? 'approved' : 'declined';
    }
    const approvalId = uuidv4();
    approvals[approvalId] = { id: approvalId, decisions, promisedAt: null, via: { kind: 'phone', calledAt: at(100), phone: card.customer.phone, agreedBy: card.customer.name }, decidedAt: at(100), advisorId };
  }

  const order: JobStatus[] = ['checked-in', 'in-repair', 'quality-check', 'ready', 'delivered'];
  const moves: Job['moves'] = [];
  for (let s = 1; checkedIn && s <= order.indexOf(status); s++) {
    moves.push({ from: order[s - 1]!, to: order[s]!, at: at(checkInMinutes + s * 60 * (1 + rng() * 8)), advisorId });
  }
  const deliveredAt = moves.find((move) => move.to === 'delivered')?.at ?? null;
  const followUp = emptyFollowUp();
  if (deliveredAt && rng() < 0.75) {
    const id = uuidv4();
    followUp.calls[id] = { id, outcome: pick(rng, OUTCOMES), note: '', calledAt: nowIso(new Date(Date.parse(deliveredAt) + (24 + rng() * 60) * 3_600_000)), advisorId };
  }
  const handover = emptyHandover();
  if (deliveredAt) Object.assign(handover, { paidFen: 0, payment: 'wechat', discountFen: rng() < 0.1 ? 5_000 : 0 });

  return {
    id: uuidv4(),
    number: `${spec.storeCode}-${day}-${pick(rng, ['A', 'B', 'C', 'D'])}${String(sequence).padStart(3, '0')}`,
    status,
    createdAt: at(0),
    updatedAt: moves.at(-1)?.at ?? at(checkInMinutes),
    checkedInAt: checkedIn ? at(checkInMinutes) : null,
    ...(checkedIn ? { checkedInBy: advisorId } : {}),
    card,
    damages,
    photos,
    estimate: { promisedAt, oldParts: null, payment: null, carWash: null, lines },
    signatures: {},
    moves,
    additions,
    approvals,
    qualityCheck: emptyQualityCheck(),
    handover,
    followUp,
  };
}

/** A returning customer's vehicle one time in three, else a new customer with a new car. */
function returningOrNew(rng: Rng, seen: Card[]): Card {
  if (seen.length > 100 && rng() < 0.33) {
    const before = pick(rng, seen);
    return { ...before, customer: { ...before.customer }, vehicle: { ...before.vehicle }, odometerKm: (before.odometerKm ?? 0) + 5_000 };
  }
  const { card: patch } = realisticCard(rng);
  const empty = emptyCard();
  const card: Card = { ...empty, ...patch, customer: { ...empty.customer, ...patch.customer }, vehicle: { ...empty.vehicle, ...patch.vehicle } } as Card;
  if (seen.length < 20_000) seen.push(card);
  return card;
}
