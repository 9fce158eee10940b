// What the store console reads of a job card without opening it: the search keys of the
// archive (客户档案) and the figures of the reports, computed from the card in this one place.
// The console's index (a table per adapter, caught up from the change log) stores exactly
// these; the reports and the search never parse a card themselves.
import { approvedAdditions, decidedAdditions } from '../../shared/additions.ts';
import { promisedAt } from '../../shared/addition-rounds.ts';
import { bill } from '../../shared/bill.ts';
import { estimateTotals, lineAmounts } from '../../shared/estimate.ts';
import { followUpState, answeredCall, type FollowUpState } from '../../shared/follow-up-state.ts';
import { emptyFollowUp, type CallOutcome } from '../../shared/follow-up.ts';
import { SERVICE_TYPES, type Job, type ServiceType } from '../../shared/job.ts';
import { normalizePlate } from '../../shared/plate.ts';
import { enteredAt, type JobStatus } from '../../shared/status-moves.ts';
import { normalizeVin } from '../../shared/vin.ts';
import { isHandoverDamage, live, type DamageType, type VehicleView } from '../../shared/walkaround.ts';

/** A damage mark where the reports' heat map needs it: which view, where on it, what. */
export type MarkFact = { view: VehicleView; x: number; y: number; type: DamageType; stage: 'checkin' | 'handover' };

export type JobFacts = {
  jobId: string;
  number: string;
  status: JobStatus;
  createdAt: string;
  checkedInAt: string | null;
  /** The advisor who checked the car in (完成接车); null on a card not checked in by a signed-in advisor. */
  advisorId: string | null;
  serviceTypes: ServiceType[];
  // ---- search keys, normalised as the tablets' visits query does ----
  plate: string;
  vin: string;
  customerName: string;
  /** Digits only, so 138-0013-8000 and 13800138000 find each other. */
  customerPhone: string;
  // ---- figures ----
  photoCount: number;
  /** The estimate's live lines, in 分. */
  estimateFen: number;
  /** 应收 at handover (the bill), in 分; null until the car is delivered. */
  finalFen: number | null;
  additionsOffered: number;
  additionsOfferedFen: number;
  additionsApproved: number;
  additionsApprovedFen: number;
  /** 交车时间 as it stands (a round may have moved it). */
  promisedAt: string | null;
  deliveredAt: string | null;
  /** The outcome of the follow-up call that reached the customer, if any. */
  followUpOutcome: CallOutcome | null;
  /** When that call was made. */
  followUpCalledAt: string | null;
  /** Calls that did not reach the customer (未接通). */
  followUpNoAnswer: number;
  /** A dissatisfied call nobody has closed yet (the follow-up list's 'open'). */
  followUpOpen: boolean;
  marks: MarkFact[];
  /** 预约: when the car is booked for, if the console booked it. */
  appointmentAt: string | null;
  /** The booked customer did not come (marked by the store). */
  appointmentNoShow: boolean;
};

export function jobFacts(job: Job): JobFacts {
  const deliveredAt = enteredAt(job.moves, 'delivered');
  const offered = decidedAdditions(job);
  const approved = approvedAdditions(job);
  const sum = (lines: typeof offered) => lines.reduce((total, line) => total + lineAmounts(line).netFen, 0);
  const call = answeredCall(job.followUp);
  return {
    jobId: job.id,
    number: job.number,
    status: job.status,
    createdAt: job.createdAt,
    checkedInAt: job.checkedInAt,
    advisorId: job.checkedInBy ?? null,
    serviceTypes: SERVICE_TYPES.filter((type) => job.card.serviceTypes[type] === true),
    plate: normalizePlate(job.card.vehicle.plate),
    vin: normalizeVin(job.card.vehicle.vin),
    customerName: job.card.customer.name.trim(),
    customerPhone: job.card.customer.phone.replace(/\D/g, ''),
    photoCount: live(job.photos).length,
    estimateFen: estimateTotals(live(job.estimate.lines)).totalFen,
    finalFen: deliveredAt === null ? null : bill(job).dueFen,
    additionsOffered: offered.length,
    additionsOfferedFen: sum(offered),
    additionsApproved: approved.length,
    additionsApprovedFen: sum(approved),
    promisedAt: promisedAt(job),
    deliveredAt,
    followUpOutcome: call?.outcome ?? null,
    followUpCalledAt: call?.calledAt ?? null,
    followUpNoAnswer: Object.values(job.followUp.calls).filter((one) => one.outcome === 'noAnswer').length,
    // 'open' does not depend on the time asked at: any instant gives it.
    followUpOpen: followUpState(deliveredAt, job.followUp, new Date(0)) === 'open',
    marks: live(job.damages).map((damage) => ({
      view: damage.view,
      x: damage.x,
      y: damage.y,
      type: damage.type,
      stage: isHandoverDamage(damage) ? 'handover' : 'checkin',
    })),
    appointmentAt: job.appointment?.at ?? null,
    appointmentNoShow: (job.appointment?.noShowAt ?? null) !== null,
  };
}

/** Is the car late: checked in, not ready, and past its promised time at `now`? */
export function isOverdue(facts: Pick<JobFacts, 'status' | 'promisedAt'>, now: Date): boolean {
  const running: readonly JobStatus[] = ['checked-in', 'in-repair', 'quality-check'];
  return running.includes(facts.status) && facts.promisedAt !== null && Date.parse(facts.promisedAt) < now.getTime();
}

/** Where the 72-hour follow-up of a delivered car stands at `now` (the tablets' own rule). */
export function followUpStateOf(job: Job, now: Date): FollowUpState {
  return followUpState(enteredAt(job.moves, 'delivered'), job.followUp, now);
}

/** Where the 72-hour follow-up stands at `now` from the facts alone: the same rule as followUpState. */
export function followUpStateOfFacts(facts: Pick<JobFacts, 'deliveredAt' | 'followUpOutcome' | 'followUpOpen'>, now: Date): FollowUpState {
  if (facts.deliveredAt === null) return 'notYet';
  if (facts.followUpOpen) return 'open';
  if (facts.followUpOutcome !== null) return 'done';
  // No call reached the customer: the state is the time since handover, as for a card without calls.
  return followUpState(facts.deliveredAt, emptyFollowUp(), now);
}
