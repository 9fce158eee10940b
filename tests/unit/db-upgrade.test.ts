// Dexie version 1 → 2 (the walk-around): a card written by a v1 build, read through today's
// openDatabase, gains empty damage and photo sets and the sedan outline, and nothing else
// about it changes; the new blobs table is there and works.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { emptyEstimate } from '../../src/shared/estimate.ts';
import { openDatabase } from '../../src/db/database.ts';
import { emptyAfterCheckIn, jobSchema } from '../../src/shared/job.ts';

// Version 1 exactly as published; this copy never follows later edits of database.ts.
const V1_STORES = {
  jobs: 'id, &number, createdAt, card.vehicle.plate, card.vehicle.vin, *searchTerms',
  outbox: 'seq, &mutationId, jobId',
  meta: 'key',
};

// A checked-in card as a v1 build stored it: no damages, no photos, no body style.
const V1_JOB = Object.freeze({
  id: '0192f3a0-0000-7000-8000-000000000001',
  number: 'WK-20261127-A001',
  status: 'checked-in',
  createdAt: '2026-11-27T09:00:00.000+08:00',
  updatedAt: '2026-11-27T09:30:00.000+08:00',
  checkedInAt: '2026-11-27T09:30:00.000+08:00',
  card: {
    customer: { name: '张三', phone: '13812345678', company: '' },
    vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788', vinCheckAccepted: false, model: '凯美瑞', color: '白', engineNo: '' },
    odometerKm: 42_000,
    odometerLowerAccepted: false,
    fuel: { kind: 'gauge', eighths: 4 },
    warningLights: { engine: true },
    warningLightsNote: '',
    covers: { seat: '2026-11-27T09:01:00.000+08:00' },
    belongings: { spareTyre: true },
    belongingsNote: '',
    valuablesConfirmedAt: '2026-11-27T09:00:00.000+08:00',
    serviceTypes: { maintenance: true },
    customerRequest: '换机油',
  },
  searchTerms: ['粤B12345', '1M8GDM9AXKP042788', '张三', '13812345678', '5678', 'WK20261127A001', '2788'],
});

const V1_OUTBOX_ENTRY = Object.freeze({
  mutationId: '0192f3a0-0000-7000-8000-0000000000a1',
  clientId: '0192f3a0-0000-7000-8000-0000000000c1',
  seq: 1,
  jobId: V1_JOB.id,
  op: 'job.checkIn',
  payload: {},
  createdAt: '2026-11-27T09:30:00.000+08:00',
});

const V1_DEVICE = Object.freeze({ key: 'device', clientId: V1_OUTBOX_ENTRY.clientId, storeCode: 'WK', deviceCode: 'A', lastSeq: 1 });

async function writeWithV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  try {
    await v1.table('jobs').put(structuredClone(V1_JOB));
    await v1.table('outbox').put(structuredClone(V1_OUTBOX_ENTRY));
    await v1.table('meta').put(structuredClone(V1_DEVICE));
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['jobs', 'meta', 'outbox']);
  } finally {
    v1.close();
  }
}

// v5: the card's life after check-in, empty, equal to the reducer's empty values.
const AFTER_CHECK_IN = emptyAfterCheckIn();

describe('Dexie v1 → current (v2 walk-around, v3 estimate, v4 sync, v5 after check-in)', () => {
  it('lets a pulled card share a number with a card numbered before enrollment, and adds the sync tables', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await writeWithV1(name);
    const db = openDatabase(name);
    try {
      const upgraded = await db.jobs.get(V1_JOB.id);
      const fromAnotherTablet = { ...upgraded!, id: '0192f3a0-0000-7000-8000-000000000002' };
      await db.jobs.put(fromAnotherTablet);
      expect(await db.jobs.where('number').equals(V1_JOB.number).primaryKeys()).toEqual([V1_JOB.id, fromAnotherTablet.id]);
      expect(await db.advisors.count()).toBe(0);
      expect(await db.attention.count()).toBe(0);
      expect(await db.blobReceipts.count()).toBe(0);
      expect(await db.outbox.toArray()).toEqual([V1_OUTBOX_ENTRY]);
    } finally {
      await db.delete();
    }
  });

  it('adds damages {}, photos {}, bodyStyle sedan, an empty estimate and no signatures, and changes nothing else', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await writeWithV1(name);
    const db = openDatabase(name);
    try {
      const row = await db.jobs.get(V1_JOB.id);
      expect(row).toEqual({
        ...V1_JOB,
        card: { ...V1_JOB.card, vehicle: { ...V1_JOB.card.vehicle, bodyStyle: 'sedan' } },
        damages: {},
        photos: {},
        estimate: { promisedAt: null, oldParts: null, payment: null, carWash: null, lines: {} },
        signatures: {},
        ...AFTER_CHECK_IN,
      });
      // The upgraded row is a valid job for today's schema.
      const { searchTerms: _searchTerms, ...job } = row!;
      expect(jobSchema.safeParse(job).success).toBe(true);
      // The indexes still find it, and the rest of the database is untouched.
      expect(await db.jobs.where('searchTerms').startsWith('粤B12').primaryKeys()).toEqual([V1_JOB.id]);
      expect(await db.jobs.where('number').equals(V1_JOB.number).count()).toBe(1);
      expect(await db.outbox.toArray()).toEqual([V1_OUTBOX_ENTRY]);
      expect(await db.meta.toArray()).toEqual([V1_DEVICE]);
      expect(db.verno).toBe(5);
    } finally {
      await db.delete();
    }
  });

  it('creates a working blobs table keyed by sha256', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await writeWithV1(name);
    const db = openDatabase(name);
    try {
      expect(await db.blobs.count()).toBe(0);
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).buffer;
      const sha256 = 'e'.repeat(64);
      await db.blobs.add({ sha256, bytes, mime: 'image/jpeg', byteLength: 7, createdAt: '2026-11-27T10:00:00.000+08:00' });
      const row = await db.blobs.get(sha256);
      expect(row?.bytes).toBeInstanceOf(ArrayBuffer);
      expect([...new Uint8Array(row!.bytes)]).toEqual([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
      await expect(db.blobs.add({ ...row!, mime: 'image/png' })).rejects.toThrow();
    } finally {
      await db.delete();
    }
  });

  it('keeps a card that already has walk-around data (an interrupted upgrade re-run) as it is', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const damage = {
      id: '0192f3a0-0000-7000-8000-0000000000d1',
      view: 'left',
      x: 0.5,
      y: 0.5,
      type: 'dent',
      severity: 'minor',
      note: '',
      createdAt: '2026-11-27T09:10:00.000+08:00',
      deletedAt: null,
    };
    const suv = { ...V1_JOB, card: { ...V1_JOB.card, vehicle: { ...V1_JOB.card.vehicle, bodyStyle: 'suv' } }, damages: { [damage.id]: damage }, photos: {} };
    await v1.table('jobs').put(structuredClone(suv));
    v1.close();

    const db = openDatabase(name);
    try {
      expect(await db.jobs.get(V1_JOB.id)).toEqual({ ...suv, estimate: emptyEstimate(), signatures: {}, ...AFTER_CHECK_IN });
    } finally {
      await db.delete();
    }
  });
});
