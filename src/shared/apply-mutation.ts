// The job reducer: the one place where a mutation changes a job. Pure and deterministic, it
// runs on the tablet (optimistic state, rebase after pull) and on the server (authoritative
// state). Unknown or out-of-place mutations leave the job as it was instead of throwing, so
// a replayed or reordered outbox can never wedge sync.
import { emptyEstimate } from './estimate.ts';
import type { Handover, HandoverPatch, KEYED_HANDOVER_PARTS } from './handover.ts';
import { emptyAfterCheckIn, emptyCard, type Card, type CardPatch, type Job } from './job.ts';
import { isAllowedMove, type JobStatus } from './job-status.ts';
import type { Mutation } from './mutation.ts';
import { qcAllowsReady } from './quality-check.ts';

export function applyMutation(job: Job | undefined, m: Mutation): Job | undefined {
  switch (m.op) {
    case 'job.create':
      // Re-applying a create (a retried push, a rebase) must not reset the card.
      if (job) return job;
      return {
        id: m.jobId,
        number: m.payload.number,
        status: 'draft',
        createdAt: m.createdAt,
        updatedAt: m.createdAt,
        checkedInAt: null,
        card: mergeCard(emptyCard(), m.payload.card),
        damages: {},
        photos: {},
        estimate: emptyEstimate(),
        signatures: {},
        ...emptyAfterCheckIn(),
      };
    case 'job.update':
      if (!job) return job;
      return { ...job, updatedAt: later(job.updatedAt, m.createdAt), card: mergeCard(job.card, m.payload.card) };
    case 'job.checkIn':
      // Only a draft is checked in: a late check-in from another tablet must not bring a card
      // already in the workshop back to 已接车.
      if (!job || job.status !== 'draft') return job;
      return {
        ...job,
        status: 'checked-in',
        checkedInAt: m.createdAt,
        ...(m.advisorId ? { checkedInBy: m.advisorId } : {}),
        updatedAt: later(job.updatedAt, m.createdAt),
      };
    case 'damage.add': {
      // Adding an id that exists is a replay: the first add wins, later edits stay.
      if (!job || job.damages[m.payload.id]) return job;
      const damage = { ...m.payload, createdAt: m.createdAt, deletedAt: null };
      return touched(job, m, { damages: { ...job.damages, [damage.id]: damage } });
    }
    case 'damage.update': {
      const damage = job?.damages[m.payload.id];
      // An edit that arrives after the delete does not bring the mark back.
      if (!job || !damage || damage.deletedAt) return job;
      const updated = { ...damage, ...defined(m.payload.fields) };
      return touched(job, m, { damages: { ...job.damages, [damage.id]: updated } });
    }
    case 'damage.remove': {
      const damage = job?.damages[m.payload.id];
      if (!job || !damage || damage.deletedAt) return job;
      return touched(job, m, { damages: { ...job.damages, [damage.id]: { ...damage, deletedAt: m.createdAt } } });
    }
    case 'photo.add': {
      if (!job || job.photos[m.payload.id]) return job;
      return touched(job, m, { photos: { ...job.photos, [m.payload.id]: { ...m.payload, deletedAt: null } } });
    }
    case 'photo.remove':
    case 'photo.restore': {
      const photo = job?.photos[m.payload.id];
      const deletedAt = m.op === 'photo.remove' ? (photo?.deletedAt ?? m.createdAt) : null;
      if (!job || !photo || photo.deletedAt === deletedAt) return job;
      return touched(job, m, { photos: { ...job.photos, [photo.id]: { ...photo, deletedAt } } });
    }
    case 'estimate.update':
      if (!job) return job;
      return touched(job, m, { estimate: { ...job.estimate, ...defined(m.payload.fields) } });
    case 'line.add': {
      if (!job || job.estimate.lines[m.payload.id]) return job;
      const line = { ...m.payload, createdAt: m.createdAt, deletedAt: null };
      return touched(job, m, { estimate: { ...job.estimate, lines: { ...job.estimate.lines, [line.id]: line } } });
    }
    case 'line.update':
    case 'line.remove': {
      const line = job?.estimate.lines[m.payload.id];
      if (!job || !line || line.deletedAt) return job;
      const changed = m.op === 'line.update' ? { ...line, ...defined(m.payload.fields) } : { ...line, deletedAt: m.createdAt };
      return touched(job, m, { estimate: { ...job.estimate, lines: { ...job.estimate.lines, [line.id]: changed } } });
    }
    case 'signature.add':
      // A signature is never changed or removed: staleness is computed, the original kept.
      if (!job || job.signatures[m.payload.id]) return job;
      return touched(job, m, { signatures: { ...job.signatures, [m.payload.id]: m.payload } });

    // After check-in. Each refuses (leaves the job as it was) on a draft: the work starts once
    // the car is checked in.
    case 'job.move': {
      const { from, to } = m.payload;
      // `from` must still be the status: a move made twice, or one overtaken by another
      // tablet's move, changes nothing. A move already recorded (same step, time and advisor)
      // is a replay too, even when the card has come back round to `from` since (质检 → 维修中 → 质检).
      const move = { from, to, at: m.createdAt, advisorId: m.advisorId ?? null };
      const replayed = job?.moves.some((done) => done.from === from && done.to === to && done.at === move.at && done.advisorId === move.advisorId);
      if (!job || replayed || job.status !== from || !isAllowedMove(from, to) || !moveGateOpen(job, to)) return job;
      return touched(job, m, { status: to, moves: [...job.moves, move] });
    }
    case 'addition.add': {
      if (!afterCheckIn(job) || job.additions[m.payload.id]) return job;
      const line = { ...m.payload, createdAt: m.createdAt, deletedAt: null };
      return touched(job, m, { additions: { ...job.additions, [line.id]: line } });
    }
    case 'addition.update':
    case 'addition.remove': {
      const line = job?.additions[m.payload.id];
      if (!job || !line || line.deletedAt) return job;
      const changed = m.op === 'addition.update' ? { ...line, ...defined(m.payload.fields) } : { ...line, deletedAt: m.createdAt };
      return touched(job, m, { additions: { ...job.additions, [line.id]: changed } });
    }
    case 'addition.decide': {
      // A round is recorded as decided, whole: the signature given on it is of exactly these
      // decisions. Lines it names that were removed meanwhile simply count no more.
      if (!afterCheckIn(job) || job.approvals[m.payload.id]) return job;
      const approval = { ...m.payload, decidedAt: m.createdAt, advisorId: m.advisorId ?? null };
      return touched(job, m, { approvals: { ...job.approvals, [approval.id]: approval } });
    }
    case 'qc.check': {
      if (!afterCheckIn(job)) return job;
      const { item, result, note } = m.payload;
      const check = { result, note, at: m.createdAt, advisorId: m.advisorId ?? null };
      return touched(job, m, { qualityCheck: { ...job.qualityCheck, items: { ...job.qualityCheck.items, [item]: check } } });
    }
    case 'qc.override': {
      if (!afterCheckIn(job)) return job;
      const override = { reason: m.payload.reason, at: m.createdAt, advisorId: m.advisorId ?? null };
      return touched(job, m, { qualityCheck: { ...job.qualityCheck, override } });
    }
    case 'handover.update':
      if (!afterCheckIn(job)) return job;
      return touched(job, m, { handover: mergeHandover(job.handover, m.payload.fields) });
    case 'followUp.call': {
      if (!job || job.status !== 'delivered' || job.followUp.calls[m.payload.id]) return job;
      const call = { ...m.payload, calledAt: m.createdAt, advisorId: m.advisorId ?? null };
      return touched(job, m, { followUp: { ...job.followUp, calls: { ...job.followUp.calls, [call.id]: call } } });
    }
    case 'followUp.resolve': {
      if (!job || job.status !== 'delivered') return job;
      const resolution = { note: m.payload.note, at: m.createdAt, advisorId: m.advisorId ?? null };
      return touched(job, m, { followUp: { ...job.followUp, resolution } });
    }
    // An appointment is of a card not checked in yet: once the car is in, a late booking or
    // no-show from another desk leaves the card as it is.
    case 'appointment.set':
      if (!job || job.status !== 'draft') return job;
      return touched(job, m, { appointment: { at: m.payload.at, note: m.payload.note, noShowAt: null } });
    case 'appointment.noShow':
      if (!job?.appointment || job.status !== 'draft') return job;
      return touched(job, m, { appointment: { ...job.appointment, noShowAt: m.payload.noShow ? m.createdAt : null } });
    default:
      return unhandled(m);
  }
}

/**
 * Reached only by an operation with no case above. Mutations are parsed with the shared
 * schema first, so at run time this is a bug; at compile time a new operation added to
 * Mutation without a case makes `m` not `never` here, and the type check fails.
 */
function unhandled(m: never): never {
  throw new Error(`applyMutation has no case for ${JSON.stringify((m as { op?: unknown }).op)}`);
}

function afterCheckIn(job: Job | undefined): job is Job {
  return job !== undefined && job.status !== 'draft';
}

/**
 * What a move needs besides its order: 待交车 only once 质检 passed (or was overridden with a
 * reason), 已交车 only once the customer signed the handover. Whether that signature is still
 * valid is asked before the move is offered; the reducer cannot hash, and a signature made
 * stale by another tablet's later edit must not wedge a move already made.
 */
function moveGateOpen(job: Job, to: JobStatus): boolean {
  if (to === 'ready') return qcAllowsReady(job.qualityCheck, job.estimate.carWash);
  if (to === 'delivered') return Object.values(job.signatures).some((s) => s.kind === 'delivery');
  return true;
}

/** Like mergeCard: keyed parts per key, the rest replaced; an undefined value is "not in this patch". */
export function mergeHandover(handover: Handover, patch: HandoverPatch): Handover {
  const keyed: { [K in (typeof KEYED_HANDOVER_PARTS)[number]]: Handover[K] } = {
    damageChecks: { ...handover.damageChecks, ...(defined(patch.damageChecks) as Record<string, string | null>) },
    coversRemoved: { ...handover.coversRemoved, ...defined(patch.coversRemoved) },
    belongingsReturned: { ...handover.belongingsReturned, ...defined(patch.belongingsReturned) },
  };
  return { ...handover, ...defined(patch), ...keyed };
}

function touched(job: Job, m: Mutation, change: Partial<Job>): Job {
  return { ...job, ...change, updatedAt: later(job.updatedAt, m.createdAt) };
}

/**
 * The parts of a card that merge key by key (a patch sets some of their keys); every other
 * part is replaced whole. The form's autosave batches its patches by the same list.
 */
export const KEYED_CARD_PARTS = ['customer', 'vehicle', 'warningLights', 'covers', 'belongings', 'serviceTypes'] as const satisfies readonly (keyof Card & keyof CardPatch)[];
export type KeyedCardPart = (typeof KEYED_CARD_PARTS)[number];

export function isKeyedCardPart(part: string): part is KeyedCardPart {
  return (KEYED_CARD_PARTS as readonly string[]).includes(part);
}

/**
 * Merges a patch leaf by leaf: keyed sets (lights, covers, ...) merge per key. A key whose
 * value is `undefined` means "not in this patch" (JSON would drop it on the way to the
 * server), so it never overwrites a stored value.
 */
export function mergeCard(card: Card, patch: CardPatch): Card {
  // Written out rather than looped, so each part keeps its type; the type makes it name every
  // part of KEYED_CARD_PARTS and no other.
  const keyed: { [K in KeyedCardPart]: Card[K] } = {
    customer: { ...card.customer, ...defined(patch.customer) },
    vehicle: { ...card.vehicle, ...defined(patch.vehicle) },
    warningLights: { ...card.warningLights, ...defined(patch.warningLights) },
    covers: { ...card.covers, ...defined(patch.covers) },
    belongings: { ...card.belongings, ...defined(patch.belongings) },
    serviceTypes: { ...card.serviceTypes, ...defined(patch.serviceTypes) },
  };
  return { ...card, ...defined(patch), ...keyed };
}

function defined<T extends object>(part: T | undefined): Partial<T> {
  if (!part) return {};
  return Object.fromEntries(Object.entries(part).filter(([, value]) => value !== undefined)) as Partial<T>;
}

// ISO strings with offsets do not sort as text across offsets; compare instants.
function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}
