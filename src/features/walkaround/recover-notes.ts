// A damage note typed just before the page went away is kept in the typing journal
// (ui/typing-journal) until its write commits. The note's field writes it back when the mark
// is opened again, but nobody may open that mark before the customer signs: so the card
// writes back every note journalled for it as soon as it is opened (JobPage).
import { updateDamage } from '../../db/damage-repo.ts';
import type { WalkaroundDb } from '../../db/database.ts';
import { getJob } from '../../db/job-queries.ts';
import { journalClear, journalKeys, journalRead } from '../../ui/typing-journal.ts';

/** The journal key of a mark's note (DamageNote writes it; the card's id says where it goes). */
export const damageNoteJournal = (jobId: string, damageId: string) => `damage-note:${jobId}:${damageId}`;

/**
 * Writes each note journalled for the card that differs from the stored one to IndexedDB,
 * then drops its entry; an entry for a mark that is gone, or that the card already holds, is
 * dropped as well. A write that fails keeps its entry for the next try. Returns how many
 * notes were written.
 */
export async function recoverJournalledNotes(db: WalkaroundDb, jobId: string): Promise<number> {
  const prefix = damageNoteJournal(jobId, '');
  const keys = journalKeys(prefix);
  if (keys.length === 0) return 0;
  const job = await getJob(db, jobId);
  let written = 0;
  for (const key of keys) {
    const note = journalRead<unknown>(key);
    if (typeof note !== 'string') {
      journalClear(key);
      continue;
    }
    const damage = job?.damages[key.slice(prefix.length)];
    const live = damage !== undefined && damage.deletedAt === null;
    if (live && note !== damage.note) {
      try {
        await updateDamage(db, jobId, damage.id, { note });
        written += 1;
      } catch {
        continue;
      }
    }
    // Typing into the same note meanwhile journals a newer text: that one stays.
    if (journalRead<unknown>(key) === note) journalClear(key);
  }
  return written;
}
