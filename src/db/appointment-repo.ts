// 预约 on the tablet: marking a booked customer who did not come (or did after all), and
// booking a card for a time. Each is one mutation with its outbox entry (commitMutation); the
// reducer ignores both once the car is checked in.
import type { Job } from '../shared/job.ts';
import { nowIso } from '../shared/local-time.ts';
import type { WalkaroundDb } from './database.ts';
import { commitMutation } from './job-repo.ts';

export function bookAppointment(db: WalkaroundDb, jobId: string, at: Date, note: string, now = new Date()): Promise<Job> {
  return commitMutation(db, jobId, { op: 'appointment.set', payload: { at: nowIso(at), note } }, now);
}

export function markNoShow(db: WalkaroundDb, jobId: string, noShow: boolean, now = new Date()): Promise<Job> {
  return commitMutation(db, jobId, { op: 'appointment.noShow', payload: { noShow } }, now);
}
