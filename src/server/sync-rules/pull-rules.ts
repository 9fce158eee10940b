// A pull page: the store's jobs changed after the tablet's cursor, oldest change first, read
// on one snapshot together with the tablet's lastSeq, so lastSeq describes exactly the job
// states returned with it (the tablet drops outbox entries up to it only once it has them).
import type { Job } from '../../shared/job.ts';
import type { Pusher } from './push-rules.ts';
import type { SyncRecords } from './sync-records.ts';

export type PullPage = { jobs: Job[]; cursor: number; more: boolean; lastSeq: number };

export function pullPage(records: SyncRecords, device: Pusher, cursor: number, limit: number): Promise<PullPage> {
  return records.read(async (tx) => {
    const rows = await tx.changedSince(device.storeId, cursor, limit + 1);
    const page = rows.slice(0, limit);
    return {
      jobs: page.map((row) => row.job),
      cursor: page.at(-1)?.changeSeq ?? cursor,
      more: rows.length > limit,
      lastSeq: await tx.lastSeq(device.clientId),
    };
  });
}
