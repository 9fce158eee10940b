// Which booked cars the job list shows first: today's appointments (预约) not checked in yet
// and not marked as no-shows, in the order they are expected. Plain functions without the
// schemas, so the first screen loads them without zod.
import type { Appointment } from './appointment.ts';
import { localDateKey } from './local-time.ts';
import type { JobStatus } from './status-moves.ts';

type Booked = { status: JobStatus; appointment?: Appointment | null | undefined };

/** Is the card a car still expected today: booked for today, a draft, not marked as a no-show? */
export function isExpectedToday(job: Booked, now: Date): boolean {
  const booked = job.appointment;
  return !!booked && job.status === 'draft' && booked.noShowAt === null && localDateKey(new Date(booked.at)) === localDateKey(now);
}

/** Today's expected cars, earliest first, and the rest in the order given. */
export function splitExpectedToday<J extends Booked>(jobs: readonly J[], now: Date): { expected: J[]; rest: J[] } {
  const expected = jobs.filter((job) => isExpectedToday(job, now));
  const rest = jobs.filter((job) => !isExpectedToday(job, now));
  expected.sort((a, b) => Date.parse(a.appointment!.at) - Date.parse(b.appointment!.at));
  return { expected, rest };
}
