// When the app refuses new photos, and how it says how much is left.
import { describe, expect, it } from 'vitest';
import { BYTES_PER_PHOTO, formatBytes, PHOTO_FLOOR_BYTES, storageVerdict, type StorageVerdict } from '../../src/shared/storage-floor.ts';

const MB = 1_000_000;
const GB = 1000 * MB;

describe('storageVerdict', () => {
  type Case = [string, Parameters<typeof storageVerdict>[0], number | undefined, number | undefined, StorageVerdict];
  const cases: Case[] = [
    ['no Storage API: unknown, allowed', null, undefined, undefined, { ok: true, freeBytes: null }],
    ['empty estimate: unknown', {}, undefined, undefined, { ok: true, freeBytes: null }],
    ['usage missing: unknown', { quota: 10 * GB }, undefined, undefined, { ok: true, freeBytes: null }],
    ['quota missing: unknown', { usage: 1 * GB }, undefined, undefined, { ok: true, freeBytes: null }],
    ['quota 0 (nonsense): unknown', { usage: 0, quota: 0 }, undefined, undefined, { ok: true, freeBytes: null }],
    ['NaN usage: unknown', { usage: Number.NaN, quota: 10 * GB }, undefined, undefined, { ok: true, freeBytes: null }],
    ['plenty free', { usage: 1 * GB, quota: 10 * GB }, undefined, undefined, { ok: true, freeBytes: 9 * GB }],
    ['exactly at the floor: allowed', { usage: 800 * MB, quota: 1 * GB }, 200 * MB, 0, { ok: true, freeBytes: 200 * MB }],
    ['one byte under the floor: refused', { usage: 800 * MB + 1, quota: 1 * GB }, 200 * MB, 0, { ok: false, freeBytes: 200 * MB - 1 }],
    ['usage above quota: 0 free, refused', { usage: 2 * GB, quota: 1 * GB }, undefined, undefined, { ok: false, freeBytes: 0 }],
    ['the batch would cross the floor', { usage: 0, quota: 205 * MB }, 200 * MB, 10 * MB, { ok: false, freeBytes: 205 * MB }],
    ['the batch fits above the floor', { usage: 0, quota: 215 * MB }, 200 * MB, 10 * MB, { ok: true, freeBytes: 215 * MB }],
    ['a negative need counts as none', { usage: 0, quota: 200 * MB }, 200 * MB, -50 * MB, { ok: true, freeBytes: 200 * MB }],
    ['floor 0: only a full disk refuses', { usage: 1 * GB, quota: 1 * GB }, 0, 1, { ok: false, freeBytes: 0 }],
  ];
  it.each(cases)('%s', (_label, estimate, floor, needed, expected) => {
    expect(storageVerdict(estimate, floor, needed)).toEqual(expected);
  });

  it('defaults to PHOTO_FLOOR_BYTES and no extra need', () => {
    expect(storageVerdict({ usage: 0, quota: PHOTO_FLOOR_BYTES })).toEqual({ ok: true, freeBytes: PHOTO_FLOOR_BYTES });
    expect(storageVerdict({ usage: 1, quota: PHOTO_FLOOR_BYTES }).ok).toBe(false);
  });

  it('keeps the floor well above one batch of 10 photos', () => {
    expect(PHOTO_FLOOR_BYTES).toBeGreaterThanOrEqual(20 * 10 * BYTES_PER_PHOTO);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [-5, '0 B'],
    [Number.NaN, '0 B'],
    [512, '512 B'],
    [999, '999 B'],
    [1000, '1.0 KB'],
    [1500, '1.5 KB'],
    [12_000, '12 KB'],
    [12_499, '12 KB'],
    [999_499, '999 KB'],
    [999_999, '1.0 MB'],
    [3_500_000, '3.5 MB'],
    [9_940_000, '9.9 MB'],
    [9_960_000, '10 MB'],
    [350 * MB, '350 MB'],
    [1.2 * GB, '1.2 GB'],
    [56.4 * GB, '56 GB'],
    [2e15, '2000 TB'],
  ])('%d → %s', (n, expected) => {
    expect(formatBytes(n)).toBe(expected);
  });
});
