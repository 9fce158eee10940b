// For repo tests of the card after check-in: before each test a database of its own holding one
// card, complete and checked in a minute after it was made; `ready` may add more.
import type { WalkaroundDb } from '../../../src/db/database.ts';
import { checkIn } from '../../../src/db/job-repo.ts';
import type { CardPatch } from '../../../src/shared/job.ts';
import { useJobDb } from '../../support/job-db.ts';
import { COMPLETE_CARD } from './complete-card.ts';

export function useCheckedInJob(at: Date, ready: (fresh: { db: WalkaroundDb; jobId: string }) => unknown, card: CardPatch = COMPLETE_CARD): void {
  useJobDb(at, card, async ({ db, job }) => {
    await ready({ db, jobId: job.id });
    await checkIn(db, job.id, new Date(at.getTime() + 60_000));
  });
}
