// 追加项目 on this tablet: additional lines offered after check-in and the customer's
// decision by phone. (A decision on the tablet is saved with its signature, in one
// transaction, by addSignature in signature-repo.ts.) Each change is one mutation with its
// outbox entry.
import { v7 as uuidv7 } from 'uuid';
import type { AdditionFields, Decision } from '../shared/additions.ts';
import type { WalkaroundDb } from './database.ts';
import { commitMutation, inOneChange } from './job-repo.ts';

/** Adds an additional line (from the catalogue or typed) with its reason; returns its id. */
export async function addAddition(db: WalkaroundDb, jobId: string, fields: AdditionFields, now = new Date()): Promise<string> {
  const id = uuidv7();
  await commitMutation(db, jobId, { op: 'addition.add', payload: { id, ...fields } }, now);
  return id;
}

/**
 * Several additional lines at once (a labour item and the parts it carries, 带料工时), with the
 * same reason: one transaction, so they are offered to the customer all or none.
 */
export async function addAdditions(db: WalkaroundDb, jobId: string, lines: readonly AdditionFields[], now = new Date()): Promise<string[]> {
  return inOneChange(db, async () => {
    const ids: string[] = [];
    for (const fields of lines) ids.push(await addAddition(db, jobId, fields, now));
    return ids;
  });
}

export async function updateAddition(
  db: WalkaroundDb,
  jobId: string,
  id: string,
  fields: Partial<AdditionFields>,
  now = new Date(),
): Promise<void> {
  await commitMutation(db, jobId, { op: 'addition.update', payload: { id, fields } }, now);
}

export async function removeAddition(db: WalkaroundDb, jobId: string, id: string, now = new Date()): Promise<void> {
  await commitMutation(db, jobId, { op: 'addition.remove', payload: { id } }, now);
}

export type PhoneApproval = {
  decisions: Record<string, Decision>;
  promisedAt: string | null;
  /** When the call was made, the number called and who agreed. */
  calledAt: string;
  phone: string;
  agreedBy: string;
};

/** 电话确认: the customer decided by phone; recorded as such, never as a signature. Returns the round's id. */
export async function recordPhoneApproval(db: WalkaroundDb, jobId: string, approval: PhoneApproval, now = new Date()): Promise<string> {
  const id = uuidv7();
  const { decisions, promisedAt, calledAt, phone, agreedBy } = approval;
  await commitMutation(
    db,
    jobId,
    { op: 'addition.decide', payload: { id, decisions, promisedAt, via: { kind: 'phone', calledAt, phone, agreedBy } } },
    now,
  );
  return id;
}
