// Changes the server refused, or that cannot be sent (the `attention` table, filled by the
// sync client): the card shows each with its reason until the advisor has dealt with it, e.g.
// had the customer sign again, and says so. The server keeps the refused change in the job's history either way;
// offline this is a local note only.
import type { AttentionRow, OutboxRow, WalkaroundDb } from './database.ts';

/** The advisor has dealt with every refusal of this card: stop showing them. */
export async function resolveAttention(db: WalkaroundDb, jobId: string): Promise<void> {
  await db.attention.where('jobId').equals(jobId).delete();
}

/** A change of this tablet that cannot go to the server as it is, and why: the card shows it. */
export async function fileAttention(db: WalkaroundDb, mutation: OutboxRow, reason: AttentionRow['reason'], at: string): Promise<void> {
  await db.attention.put({ mutationId: mutation.mutationId, jobId: mutation.jobId, mutation, reason, at });
}
