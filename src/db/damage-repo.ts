// Damage marks of the walk-around: add, edit, move and delete (a tombstone), each one
// mutation with its outbox entry via commitMutation. Works offline like every other change.
import { v7 as uuidv7 } from 'uuid';
import type { Damage } from '../shared/walkaround.ts';
import type { WalkaroundDb } from './database.ts';
import { commitMutation } from './job-repo.ts';

export type DamageFields = Pick<Damage, 'view' | 'x' | 'y' | 'type' | 'severity' | 'note' | 'stage'>;

/** Marks a new damage; returns its id. */
export async function addDamage(db: WalkaroundDb, jobId: string, fields: DamageFields, now = new Date()): Promise<string> {
  const id = uuidv7();
  await commitMutation(db, jobId, { op: 'damage.add', payload: { id, ...fields } }, now);
  return id;
}

/** Edits or moves a mark; only the fields given change (never its stage, set when it is made). */
export async function updateDamage(
  db: WalkaroundDb,
  jobId: string,
  id: string,
  fields: Partial<Omit<DamageFields, 'stage'>>,
  now = new Date(),
): Promise<void> {
  await commitMutation(db, jobId, { op: 'damage.update', payload: { id, fields } }, now);
}

/** Deletes a mark by tombstone: it disappears from the card but stays in the history. */
export async function removeDamage(db: WalkaroundDb, jobId: string, id: string, now = new Date()): Promise<void> {
  await commitMutation(db, jobId, { op: 'damage.remove', payload: { id } }, now);
}
