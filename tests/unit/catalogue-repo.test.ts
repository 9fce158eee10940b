// The catalogue on the tablet, on fake-indexeddb: the sample seeded once, merge and replace
// imports in one transaction, and an import the size of a large store's price list.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { catalogueCount, ensureSampleCatalogue, importCatalogue, loadCatalogue, type ImportMode } from '../../src/db/catalogue-repo.ts';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import type { CatalogueItem } from '../../src/shared/catalogue.ts';
import { SAMPLE_CATALOGUE } from '../../src/shared/catalogue-sample.ts';

let db: WalkaroundDb;

beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

const part = (code: string, unitPriceFen = 1000, name = '机油滤清器'): CatalogueItem => ({
  code,
  kind: 'part',
  name,
  initials: 'jylqq',
  unit: '个',
  unitPriceFen,
});

const snapshot = async () => (await loadCatalogue(db)).map((item) => `${item.code}:${item.unitPriceFen}`);

describe('ensureSampleCatalogue', () => {
  it('seeds the sample into an empty table, once', async () => {
    expect(await ensureSampleCatalogue(db)).toBe(true);
    expect(await catalogueCount(db)).toBe(SAMPLE_CATALOGUE.length);
    expect(await ensureSampleCatalogue(db)).toBe(false);
    expect(await catalogueCount(db)).toBe(SAMPLE_CATALOGUE.length);
    expect(await db.catalogue.get('L-0101')).toEqual(SAMPLE_CATALOGUE.find((item) => item.code === 'L-0101'));
  });

  it('seeds once when two callers race (two tabs, a double effect)', async () => {
    const results = await Promise.all([ensureSampleCatalogue(db), ensureSampleCatalogue(db), ensureSampleCatalogue(db)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await catalogueCount(db)).toBe(SAMPLE_CATALOGUE.length);
  });

  it("leaves a store's own catalogue alone", async () => {
    await importCatalogue(db, [part('X-1')], 'merge');
    expect(await ensureSampleCatalogue(db)).toBe(false);
    expect(await snapshot()).toEqual(['X-1:1000']);
  });
});

describe('importCatalogue', () => {
  it.each<[ImportMode, string[], number]>([
    ['merge', ['A-1:100', 'B-1:250', 'C-1:300'], 3],
    ['replace', ['B-1:250', 'C-1:300'], 2],
  ])('%s', async (mode, expected, total) => {
    await importCatalogue(db, [part('A-1', 100), part('B-1', 200)], 'merge');
    expect(await importCatalogue(db, [part('C-1', 300), part('B-1', 250)], mode)).toEqual({ written: 2, total });
    expect(await snapshot()).toEqual(expected);
  });

  it('loads in code order', async () => {
    await importCatalogue(db, [part('P-2'), part('L-1'), part('P-10')], 'merge');
    expect((await loadCatalogue(db)).map((item) => item.code)).toEqual(['L-1', 'P-10', 'P-2']);
  });

  it('refuses an item the schema refuses, and writes nothing', async () => {
    await importCatalogue(db, [part('A-1', 100)], 'merge');
    const bad = [part('B-1'), { ...part('C-1'), unitPriceFen: 1.5 }];
    await expect(importCatalogue(db, bad, 'replace')).rejects.toBeInstanceOf(ZodError);
    expect(await snapshot()).toEqual(['A-1:100']);
  });

  it('refuses to replace the catalogue with nothing', async () => {
    await importCatalogue(db, [part('A-1', 100)], 'merge');
    await expect(importCatalogue(db, [], 'replace')).rejects.toBeInstanceOf(RangeError);
    expect(await importCatalogue(db, [], 'merge')).toEqual({ written: 0, total: 1 });
    expect(await snapshot()).toEqual(['A-1:100']);
  });

  it('replaces the sample with 20,000 items of a large store', async () => {
    await ensureSampleCatalogue(db);
    const items = Array.from({ length: 20_000 }, (_, i) => part(`P-${String(i).padStart(5, '0')}`, 100 + i, `机油滤清器 ${i}`));
    expect(await importCatalogue(db, items, 'replace')).toEqual({ written: 20_000, total: 20_000 });
    const loaded = await loadCatalogue(db);
    expect(loaded).toHaveLength(20_000);
    expect(loaded[19_999]).toEqual(items[19_999]);
    expect(await db.catalogue.get('L-0101')).toBeUndefined();
  }, 60_000);
});
