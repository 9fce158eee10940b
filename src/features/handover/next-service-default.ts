// 下次保养 as the desk first tells it: the default of the service type from the shop's day and
// the mileage read at handover (else at check-in). It is written once, the first time the bill
// is opened with the car ready (待交车) or handed back, so the customer's copy never shows an
// empty next service and the date counts from the handover, not from a first look days before;
// earlier it is only offered. After that only the advisor changes it (or taps "use default").
import type { HandoverPatch } from '../../shared/handover.ts';
import type { Job } from '../../shared/job.ts';
import type { JobStatus } from '../../shared/job-status.ts';
import { DEFAULT_TIME_ZONE, localDateKey } from '../../shared/local-time.ts';
import { nextServiceDefaults } from '../../shared/next-service.ts';

/** "2026-12-07": the shop's calendar day at an instant, whatever zone the tablet is set to. */
export function shopDay(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const key = localDateKey(now, timeZone);
  return `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
}

type NextServiceJob = Pick<Job, 'card' | 'handover'>;

/** The default next service for this card on the shop's day of `now`. */
export function nextServiceDefault(job: NextServiceJob, now: Date): { date: string; km: number | null } {
  return nextServiceDefaults(job.card.serviceTypes, shopDay(now), job.handover.odometerKm ?? job.card.odometerKm);
}

/** The patch that writes the default, both fields (no mileage known: the mileage stays untold). */
export function nextServiceDefaultPatch(job: NextServiceJob, now: Date): HandoverPatch {
  const { date, km } = nextServiceDefault(job, now);
  return { nextServiceDate: date, nextServiceKm: km };
}

/** The default is written only once the car is ready to hand back: before that it is a suggestion. */
export function writesNextServiceDefault(status: JobStatus): boolean {
  return status === 'ready' || status === 'delivered';
}

/**
 * The write of the first view: the default while nothing was ever set and the car is ready or
 * handed back, else nothing.
 */
export function firstViewPatch(job: NextServiceJob & Pick<Job, 'status'>, now: Date): HandoverPatch | null {
  if (!writesNextServiceDefault(job.status)) return null;
  const { nextServiceDate, nextServiceKm } = job.handover;
  return nextServiceDate === null && nextServiceKm === null ? nextServiceDefaultPatch(job, now) : null;
}
