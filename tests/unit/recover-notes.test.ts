// A damage note the last page journalled but did not commit goes on the card when the card is
// opened, without its mark being opened: the customer must not sign a card missing it. Only
// the card's own entries are touched; an entry for a mark that is gone, or that the card
// already holds, is dropped; a newer entry typed meanwhile stays.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDamage, removeDamage } from '../../src/db/damage-repo.ts';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { getJob } from '../../src/db/job-queries.ts';
import { createJob } from '../../src/db/job-repo.ts';
import { damageNoteJournal, recoverJournalledNotes } from '../../src/features/walkaround/recover-notes.ts';
import { journalRead, journalWrite } from '../../src/ui/typing-journal.ts';

let db: WalkaroundDb;
let stored: Map<string, string>;

beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  stored = new Map();
  vi.stubGlobal('localStorage', {
    get length() {
      return stored.size;
    },
    key: (index: number) => [...stored.keys()][index] ?? null,
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const MARK = { view: 'left', x: 0.4, y: 0.5, type: 'scratch', severity: 'minor', note: '左前门划痕' } as const;

async function noteOf(jobId: string, damageId: string): Promise<string | undefined> {
  return (await getJob(db, jobId))?.damages[damageId]?.note;
}

async function outboxSize(): Promise<number> {
  return db.table('outbox').count();
}

describe('recovering journalled damage notes', () => {
  it('writes a note that differs from the stored one and drops its entry', async () => {
    const job = await createJob(db);
    const damageId = await addDamage(db, job.id, MARK);
    journalWrite(damageNoteJournal(job.id, damageId), '左前门两道划痕');

    expect(await recoverJournalledNotes(db, job.id)).toBe(1);
    expect(await noteOf(job.id, damageId)).toBe('左前门两道划痕');
    expect(journalRead(damageNoteJournal(job.id, damageId))).toBeUndefined();
  });

  it('writes nothing for a note the card already holds, and drops the entry', async () => {
    const job = await createJob(db);
    const damageId = await addDamage(db, job.id, MARK);
    const before = await outboxSize();
    journalWrite(damageNoteJournal(job.id, damageId), MARK.note);

    expect(await recoverJournalledNotes(db, job.id)).toBe(0);
    expect(await outboxSize()).toBe(before);
    expect(journalRead(damageNoteJournal(job.id, damageId))).toBeUndefined();
  });

  it('drops the entry of a mark that was deleted, without bringing the mark back', async () => {
    const job = await createJob(db);
    const damageId = await addDamage(db, job.id, MARK);
    await removeDamage(db, job.id, damageId);
    journalWrite(damageNoteJournal(job.id, damageId), '左前门两道划痕');

    expect(await recoverJournalledNotes(db, job.id)).toBe(0);
    expect(await noteOf(job.id, damageId)).toBe(MARK.note);
    expect((await getJob(db, job.id))?.damages[damageId]?.deletedAt).not.toBeNull();
    expect(journalRead(damageNoteJournal(job.id, damageId))).toBeUndefined();
  });

  it("leaves another card's entries alone", async () => {
    const job = await createJob(db);
    const other = await createJob(db);
    const damageId = await addDamage(db, other.id, MARK);
    journalWrite(damageNoteJournal(other.id, damageId), '右后轮毂擦伤');

    expect(await recoverJournalledNotes(db, job.id)).toBe(0);
    expect(journalRead(damageNoteJournal(other.id, damageId))).toBe('右后轮毂擦伤');
    expect(await noteOf(other.id, damageId)).toBe(MARK.note);
  });

  it('keeps an entry journalled again while the earlier one was being written', async () => {
    const job = await createJob(db);
    const damageId = await addDamage(db, job.id, MARK);
    const key = damageNoteJournal(job.id, damageId);
    journalWrite(key, '左前门两道');
    // The advisor types on in the open note while the recovered text is being written.
    db.table('outbox').hook('creating', () => journalWrite(key, '左前门两道划痕'));
    expect(await recoverJournalledNotes(db, job.id)).toBe(1);

    expect(await noteOf(job.id, damageId)).toBe('左前门两道');
    expect(journalRead(key)).toBe('左前门两道划痕');
  });
});
