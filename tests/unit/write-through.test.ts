// The saved indicator's state machine (ui/write-through, ui/unsaved-input): a keystroke is
// written at once, one write at a time, what is typed meanwhile merged into the next; the
// state says "saved" only once the write committed, "saving" while one is in flight,
// "pending" while a value is only in memory, "failed" with the reason when the store refused.
// The last part runs the form's own merge and updateCard on a real Dexie (fake-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { updateCard } from '../../src/db/job-repo.ts';
import { mergePatch, patchFor } from '../../src/features/checkin/hooks/use-autosave.ts';
import type { CardPatch } from '../../src/shared/job.ts';
import { combineSaveStates, hasUnsavedInput, overallSaveState, reportSaveState, type SaveState } from '../../src/ui/unsaved-input.ts';
import { writeThrough } from '../../src/ui/write-through.ts';
import { useJobDb } from '../support/job-db.ts';

type Deferred = { value: string; resolve: () => void; reject: (error: Error) => void };

/** A writer whose writes finish only when the test says so, recording every state it reports. */
function harness() {
  const writes: Deferred[] = [];
  const states: SaveState['status'][] = [];
  let last: SaveState = { status: 'saved' };
  const writer = writeThrough<string>({
    write: (value) =>
      new Promise<void>((resolve, reject) => {
        writes.push({ value, resolve, reject });
      }),
    merge: (older, newer) => `${older}+${newer}`,
    onState: (state) => {
      last = state;
      if (states.at(-1) !== state.status) states.push(state.status);
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { writer, writes, states, settle, last: () => last };
}

describe('writeThrough', () => {
  it('writes a keystroke at once and says saved only after the write committed', async () => {
    const { writer, writes, states, settle, last } = harness();
    writer.push('王');
    expect(writes.map((w) => w.value)).toEqual(['王']);
    expect(last().status).toBe('saving');
    writes[0]?.resolve();
    await settle();
    expect(last().status).toBe('saved');
    expect(states).toEqual(['saving', 'saved']);
  });

  it('keeps what is typed during a write pending, then writes it merged in one next write', async () => {
    const { writer, writes, settle, last } = harness();
    writer.push('a');
    writer.push('b');
    writer.push('c');
    expect(writes.map((w) => w.value)).toEqual(['a']);
    expect(last().status).toBe('pending');
    writes[0]?.resolve();
    await settle();
    expect(writes.map((w) => w.value)).toEqual(['a', 'b+c']);
    expect(last().status).toBe('saving');
    writes[1]?.resolve();
    await settle();
    expect(last().status).toBe('saved');
  });

  it('holds a value (input method composing) as pending until flush writes it', async () => {
    const { writer, writes, settle, last } = harness();
    writer.hold('wang');
    expect(writes).toEqual([]);
    expect(last().status).toBe('pending');
    const flushed = writer.flush();
    expect(writes.map((w) => w.value)).toEqual(['wang']);
    writes[0]?.resolve();
    await flushed;
    await settle();
    expect(last().status).toBe('saved');
  });

  it('says failed with the reason, keeps the value under newer typing and writes both on the next keystroke', async () => {
    const { writer, writes, settle, last } = harness();
    writer.push('a');
    writer.push('b');
    writes[0]?.reject(new Error('QuotaExceededError'));
    await settle();
    expect(last()).toEqual({ status: 'failed', reason: 'QuotaExceededError' });
    expect(writes).toHaveLength(1); // no retry loop against a failing store
    writer.push('c');
    expect(writes.map((w) => w.value)).toEqual(['a', 'a+b+c']);
    expect(last().status).toBe('failed'); // until a write commits
    writes[1]?.resolve();
    await settle();
    expect(last().status).toBe('saved');
  });

  it('flush resolves only when everything handed to it has committed', async () => {
    const { writer, writes, settle } = harness();
    writer.push('a');
    writer.hold('b');
    let done = false;
    const flushed = writer.flush().then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(false);
    writes[0]?.resolve();
    await settle();
    expect(writes.map((w) => w.value)).toEqual(['a', 'b']);
    expect(done).toBe(false);
    writes[1]?.resolve();
    await flushed;
    expect(done).toBe(true);
  });
});

describe('the header state over every field on screen', () => {
  it.each<[SaveState['status'][], SaveState['status']]>([
    [[], 'saved'],
    [['saved', 'saving'], 'saving'],
    [['saving', 'pending'], 'pending'],
    [['pending', 'failed', 'saving'], 'failed'],
  ])('%j together say %s', (all, expected) => {
    const states = all.map((status): SaveState => (status === 'failed' ? { status, reason: 'x' } : { status }));
    expect(combineSaveStates(states).status).toBe(expected);
  });

  it('counts a number box with unparsed text as not saved, and forgets a source once saved', () => {
    reportSaveState('quantity', { status: 'pending' });
    reportSaveState('card', { status: 'saving' });
    expect(overallSaveState().status).toBe('pending');
    expect(hasUnsavedInput()).toBe(true);
    reportSaveState('quantity', { status: 'saved' });
    expect(overallSaveState().status).toBe('saving');
    reportSaveState('card', { status: 'saved' });
    expect(overallSaveState().status).toBe('saved');
    expect(hasUnsavedInput()).toBe(false);
  });
});

describe('the card form writing through to Dexie', () => {
  let fresh: { db: Parameters<typeof updateCard>[0]; jobId: string };
  useJobDb(new Date('2026-12-07T09:00:00+08:00'), {}, ({ db, job }) => {
    fresh = { db, jobId: job.id };
  });

  it('stores every keystroke of two fields typed fast, in fewer outbox entries than keys', async () => {
    const { db, jobId } = fresh;
    const before = await db.outbox.count();
    const states: SaveState['status'][] = [];
    const writer = writeThrough<CardPatch>({
      write: (patch) => updateCard(db, jobId, patch),
      merge: mergePatch,
      onState: (state) => states.push(state.status),
    });
    const company = '深圳市某某科技有限公司';
    for (let i = 1; i <= company.length; i += 1) writer.push(patchFor('customer.company', company.slice(0, i)) ?? {});
    writer.push(patchFor('customerRequest', '冷车异响') ?? {});
    await writer.flush();
    const job = await db.jobs.get(jobId);
    expect(job?.card.customer.company).toBe(company);
    expect(job?.card.customerRequest).toBe('冷车异响');
    const entries = (await db.outbox.count()) - before;
    expect(entries).toBeGreaterThanOrEqual(1);
    expect(entries).toBeLessThan(company.length + 1);
    expect(states.at(-1)).toBe('saved');
  });
});
