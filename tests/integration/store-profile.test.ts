// The store's profile end to end: SQLite migration 4 on a real version-3 file, the admin
// command line that sets it, GET /api/v1/store/profile for an enrolled tablet of that store
// only, and the tablet that caches it at enrollment and at each complete sync and prints it
// offline, the server's fields over the tablet's own.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { getStoreProfile, saveTabletStoreProfile } from '../../src/db/store-profile.ts';
import { AdminError, createStore, issueEnrollmentCode, requireStore, setStoreProfile } from '../../src/server/admin/store-admin.ts';
import type { DataDir } from '../../src/server/data-dir.ts';
import { MIGRATIONS } from '../../src/server/storage/migrations.ts';
import { openSqliteStorage } from '../../src/server/storage/sqlite-storage.ts';
import { storeProfileResponseSchema } from '../../src/shared/store-profile.ts';
import { useSeededServer } from '../support/seeded-server.ts';
import type { TestStore } from '../support/store-fixture.ts';
import { createTablet } from '../support/tablet.ts';
import { apiHeaders, enrollDevice, type TestServer } from '../support/test-server.ts';
import { runAdmin } from '../support/admin-cli.ts';

let server: TestServer;
let data: DataDir;
let baseUrl: string;
let store: TestStore;

useSeededServer('store-profile', (started) => ({ server, data, baseUrl, store } = started));

const profilePath = '/api/v1/store/profile';

async function getProfile(token?: string) {
  const reply = await server.send({ method: 'GET', path: profilePath, headers: apiHeaders(token) });
  return { status: reply.status, body: JSON.parse(reply.text) as unknown };
}

describe('SQLite migration 4', () => {
  it('adds the profile table to a version-3 file: its store reads its own name and nothing else, and a profile set then survives reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'walkaround-migration-4-'));
    const file = join(dir, 'walkaround.sqlite');
    try {
      const old = new Database(file);
      for (const sql of MIGRATIONS.slice(0, 3)) old.exec(sql);
      old.pragma('user_version = 3');
      const storeId = uuidv7();
      const codeOnly = uuidv7();
      old.prepare('INSERT INTO stores (id, code, name, created_at) VALUES (?, ?, ?, ?)').run(storeId, 'OLD1', '老店', '2026-11-27T09:00:00.000Z');
      // create-store names a store by its code when given no name: no name to print.
      old.prepare('INSERT INTO stores (id, code, name, created_at) VALUES (?, ?, ?, ?)').run(codeOnly, 'OLD2', 'OLD2', '2026-11-27T09:00:00.000Z');
      old.close();

      let storage = openSqliteStorage(file);
      expect(await storage.storeProfile(storeId)).toEqual({ profile: { name: '老店', address: '', phone: '', defaults: {} }, updatedAt: null });
      expect((await storage.storeProfile(codeOnly))?.profile.name).toBe('');
      expect(await storage.storeProfile(uuidv7())).toBeUndefined();
      await storage.setStoreProfile(storeId, { name: '老店', address: '广州市天河区', phone: '020-87654321', defaults: { carWash: false } }, '2026-12-07T10:00:00.000Z');
      await storage.close();

      const reopened = new Database(file, { readonly: true });
      // Migrated past 4 to this server's version (the later migrations keep the profile as set).
      expect(reopened.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      reopened.close();
      storage = openSqliteStorage(file);
      expect(await storage.storeProfile(storeId)).toEqual({
        profile: { name: '老店', address: '广州市天河区', phone: '020-87654321', defaults: { carWash: false } },
        updatedAt: '2026-12-07T10:00:00.000Z',
      });
      await storage.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GET /api/v1/store/profile', () => {
  it("answers an enrolled tablet with its own store's profile only, as the schema declares, and 401 without a token", async () => {
    const tablet = await enrollDevice(server, store.enrollmentCode, 'Profile tablet');
    const before = await getProfile(tablet.token);
    expect(before).toEqual({ status: 200, body: { profile: { name: `Test store ${store.code}`, address: '', phone: '', defaults: {} }, updatedAt: null } });

    await setStoreProfile(data.storage, await requireStore(data.storage, store.code), {
      name: '上海一店',
      address: '上海市浦东新区张江路 88 号',
      phone: '021-12345678',
      defaults: { payment: 'card', promisedInHours: '6' },
    });
    const after = await getProfile(tablet.token);
    expect(after.status).toBe(200);
    expect(storeProfileResponseSchema.parse(after.body)).toMatchObject({
      profile: { name: '上海一店', address: '上海市浦东新区张江路 88 号', phone: '021-12345678', defaults: { payment: 'card', promisedInHours: 6 } },
    });

    const other = await createStore(data.storage, 'SP2', '二店');
    const otherTablet = await enrollDevice(server, (await issueEnrollmentCode(data.storage, other)).code, 'Other store');
    expect((await getProfile(otherTablet.token)).body).toEqual({ profile: { name: '二店', address: '', phone: '', defaults: {} }, updatedAt: null });

    expect(await getProfile()).toMatchObject({ status: 401, body: { error: 'unauthenticated', message: expect.any(String) } });
  });
});

describe('admin: set-store-profile', () => {
  it('refuses a bad default or a name with a terminal escape and changes nothing', async () => {
    const other = await createStore(data.storage, 'SP3', '三店');
    await setStoreProfile(data.storage, other, { address: '深圳市南山区' });
    const bad = [
      { defaults: { payment: 'barter' } },
      { defaults: { promisedInHours: '0' } },
      { defaults: { carWash: 'maybe' } },
      { name: '三店\u001b[2J' },
    ];
    for (const change of bad) {
      await expect(setStoreProfile(data.storage, other, change)).rejects.toThrow(AdminError);
    }
    await expect(setStoreProfile(data.storage, other, { defaults: { payment: 'barter' } })).rejects.toThrow(/--payment takes cash \| card \| wechat/);
    expect((await data.storage.storeProfile(other.id))?.profile).toEqual({ name: '三店', address: '深圳市南山区', phone: '', defaults: {} });
  });

  it('sets and shows the profile from the command line; none clears a default', async () => {
    const admin = (...args: string[]) => runAdmin(args, { DATA_DIR: data.dir });
    await createStore(data.storage, 'SP4', '四店');
    const set = await admin('set-store-profile', 'SP4', '--address', '北京市朝阳区 1 号', '--phone', '010-11112222', '--car-wash', 'no', '--old-parts', 'dispose');
    expect(set.stdout).toContain('address\t北京市朝阳区 1 号');
    await admin('set-store-profile', 'SP4', '--old-parts', 'none');
    const shown = await admin('store-profile', 'SP4');
    expect(shown.stdout).toContain('name\t四店');
    expect(shown.stdout).toContain('phone\t010-11112222');
    expect(shown.stdout).toContain('car wash\tno');
    expect(shown.stdout).toContain('old parts\t(not set)');
  }, 60_000);
});

describe('the tablet', () => {
  it('caches the profile at enrollment and after a complete sync, and keeps its own fields where the server has none', async () => {
    const spStore = await createStore(data.storage, 'SP5', '五店');
    await setStoreProfile(data.storage, spStore, { phone: '0755-12345678' });
    const tablet = await createTablet('profile', { baseUrl }, (await issueEnrollmentCode(data.storage, spStore)).code);
    expect(await getStoreProfile(tablet.db)).toMatchObject({ name: '五店', phone: '0755-12345678', address: '', source: 'server' });

    await saveTabletStoreProfile(tablet.db, { name: '平板店名', address: '深圳市福田区 9 号', phone: '13912345678', defaults: {} });
    await setStoreProfile(data.storage, spStore, { phone: '0755-87654321', defaults: { payment: 'alipay' } });
    const run = await tablet.engine.syncNow();
    expect(run.complete).toBe(true);
    expect(await getStoreProfile(tablet.db)).toMatchObject({
      name: '五店',
      address: '深圳市福田区 9 号',
      phone: '0755-87654321',
      defaults: { payment: 'alipay' },
      source: 'server',
    });
    await tablet.engine.stop();
    tablet.db.close();
  }, 30_000);
});
