// SQLite migration 3 on a real file: a card stored by a server at schema version 2 (before
// the card's life after check-in existed) gains exactly the empty parts of src/shared, so it
// parses with jobSchema as stored, without zod's defaults; a card that has them keeps them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { emptyEstimate } from '../../src/shared/estimate.ts';
import { emptyAfterCheckIn, emptyCard, jobSchema, type Job } from '../../src/shared/job.ts';
import { MIGRATIONS } from '../../src/server/storage/migrations.ts';
import { openSqliteStorage } from '../../src/server/storage/sqlite-storage.ts';

const NOW = '2026-11-27T09:00:00.000+08:00';
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'walkaround-migration-3-'));
  file = join(dir, 'walkaround.sqlite');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A file as a version-2 server left it: migrations 1 and 2 run, a store, and these job bodies. */
function version2File(bodies: object[]): string {
  const db = new Database(file);
  try {
    for (const sql of MIGRATIONS.slice(0, 2)) db.exec(sql);
    db.pragma('user_version = 2');
    const storeId = uuidv7();
    db.prepare('INSERT INTO stores (id, code, name, created_at) VALUES (?, ?, ?, ?)').run(storeId, 'OLD1', 'Old store', NOW);
    const insert = db.prepare('INSERT INTO jobs (id, store_id, number, plate, vin, created_ms, updated_at, change_seq, body) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?)');
    bodies.forEach((body, i) => {
      const { id, number } = body as { id: string; number: string };
      insert.run(id, storeId, number, Date.parse(NOW), NOW, i + 1, JSON.stringify(body));
    });
    db.prepare('UPDATE change_counter SET value = ?').run(bodies.length);
    return storeId;
  } finally {
    db.close();
  }
}

/** A checked-in card exactly as a version-2 server stored it: none of the parts after check-in. */
function oldBody(number: string) {
  return {
    id: uuidv7(),
    number,
    status: 'checked-in',
    createdAt: NOW,
    updatedAt: NOW,
    checkedInAt: NOW,
    card: { ...emptyCard(), customer: { name: '老客户', phone: '13800000000', company: '' }, odometerKm: 42_000 },
    damages: {},
    photos: {},
    estimate: emptyEstimate(),
    signatures: {},
  };
}

function changeSeqs(): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT change_seq FROM jobs ORDER BY change_seq').pluck().all() as number[];
  } finally {
    db.close();
  }
}

it('fills the empty parts after check-in on a card stored at version 2, and leaves a card that has them as it was', async () => {
  const old = oldBody('OLD1-20261127-A001');
  for (const part of Object.keys(emptyAfterCheckIn())) expect(old).not.toHaveProperty(part);
  const current = {
    ...oldBody('OLD1-20261127-A002'),
    ...emptyAfterCheckIn(),
    status: 'in-repair',
    moves: [{ from: 'checked-in', to: 'in-repair', at: NOW, advisorId: null }],
    handover: { ...emptyAfterCheckIn().handover, paidFen: 12_300, payment: 'cash' },
  };
  const storeId = version2File([old, current]);

  const storage = openSqliteStorage(file);
  try {
    const migrated = await storage.getJob(storeId, old.id);
    // As stored, not as zod would fill it in: parsing adds and drops nothing.
    expect(migrated).toEqual({ ...old, ...emptyAfterCheckIn() });
    expect(jobSchema.parse(migrated)).toEqual(migrated);
    const kept = await storage.getJob(storeId, current.id);
    expect(kept).toEqual(current);
    expect(jobSchema.parse(kept)).toEqual(kept as Job);
  } finally {
    await storage.close();
  }
  const db = new Database(file, { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  db.close();
  // Nothing to pull again: a tablet's own upgrade fills in the same parts.
  expect(changeSeqs()).toEqual([1, 2]);
});
