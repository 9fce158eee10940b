// Changes the server refused (the `attention` table, filled by the sync client): the card
// shows each with its reason until the advisor has dealt with it, e.g. had the customer sign
// again, and says so. The server keeps the refused change in the job's history either way;
// offline this is a local note only.
import type { WalkaroundDb } from './database.ts';

/** The advisor has dealt with every refusal of this card: stop showing them. */
export async function resolveAttention(db: WalkaroundDb, jobId: string): Promise<void> {
  await db.attention.where('jobId').equals(jobId).delete();
}
