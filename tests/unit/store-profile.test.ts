// The store's profile on the tablet: the server's fields win, the tablet's fill what the server
// left empty, and with neither the copy gets empty text (printed as nothing) and the built-in
// defaults. Stored in meta on fake-indexeddb, so the rows and their keys are the real ones.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import {
  BUILT_IN_STORE_DEFAULTS,
  getStoreProfile,
  getTabletStoreProfile,
  mergeStoreProfile,
  saveServerStoreProfile,
  saveTabletStoreProfile,
} from '../../src/db/store-profile.ts';
import { storeProfileFieldsSchema, type StoreProfileFields } from '../../src/shared/store-profile.ts';

const serverFields: StoreProfileFields = {
  name: '上海一店',
  address: '上海市浦东新区张江路 88 号',
  phone: '021-12345678',
  defaults: { payment: 'card', promisedInHours: 6 },
};
const tabletFields: StoreProfileFields = {
  name: '平板上的店名',
  address: '平板上的地址',
  phone: '13912345678',
  defaults: { oldParts: 'dispose', payment: 'cash', carWash: false, promisedInHours: 2 },
};

describe('mergeStoreProfile', () => {
  it('takes nothing from nowhere: empty text and the built-in defaults', () => {
    expect(mergeStoreProfile(undefined, undefined)).toEqual({
      name: '',
      address: '',
      phone: '',
      defaults: BUILT_IN_STORE_DEFAULTS,
      source: 'none',
    });
  });

  it('uses the tablet profile when the server has none', () => {
    expect(mergeStoreProfile(undefined, tabletFields)).toEqual({
      name: '平板上的店名',
      address: '平板上的地址',
      phone: '13912345678',
      defaults: tabletFields.defaults,
      source: 'tablet',
    });
  });

  it('puts the server over the tablet field by field, and the tablet over the built-in defaults', () => {
    const merged = mergeStoreProfile(serverFields, tabletFields);
    expect(merged).toEqual({
      name: '上海一店',
      address: '上海市浦东新区张江路 88 号',
      phone: '021-12345678',
      defaults: { oldParts: 'dispose', payment: 'card', carWash: false, promisedInHours: 6 },
      source: 'server',
    });
  });

  it('fills a field the server left empty from the tablet', () => {
    const merged = mergeStoreProfile({ ...serverFields, phone: '  ' }, tabletFields);
    expect(merged.phone).toBe('13912345678');
    expect(merged.name).toBe('上海一店');
  });

  it('calls a server profile that sets nothing no profile at all', () => {
    const empty: StoreProfileFields = { name: '', address: ' ', phone: '', defaults: {} };
    expect(mergeStoreProfile(empty, undefined).source).toBe('none');
    expect(mergeStoreProfile(empty, tabletFields).source).toBe('tablet');
  });
});

describe('store profile rows in meta', () => {
  let db: WalkaroundDb;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('reads none on a new tablet, the tablet profile once set, the server over it once fetched, and the tablet again when the server forgets', async () => {
    expect((await getStoreProfile(db)).source).toBe('none');

    await saveTabletStoreProfile(db, { ...tabletFields, name: '  平板上的店名 ' });
    expect(await getStoreProfile(db)).toMatchObject({ name: '平板上的店名', source: 'tablet' });
    expect(await getTabletStoreProfile(db)).toEqual(tabletFields);

    await saveServerStoreProfile(db, serverFields);
    expect(await getStoreProfile(db)).toMatchObject({ name: '上海一店', phone: '021-12345678', source: 'server' });

    await saveServerStoreProfile(db, null);
    expect(await getStoreProfile(db)).toMatchObject({ name: '平板上的店名', source: 'tablet' });
  });

  it('reads a stored row whose defaults are no longer valid as far as it goes', async () => {
    await db.meta.put({ key: 'storeProfile.tablet', ...tabletFields, defaults: { payment: 'barter' }, updatedAt: '2026-12-07T09:00:00+08:00' } as never);
    expect(await getStoreProfile(db)).toMatchObject({ name: '平板上的店名', defaults: BUILT_IN_STORE_DEFAULTS, source: 'tablet' });
  });
});

describe('storeProfileFieldsSchema', () => {
  it.each<[string, Partial<StoreProfileFields>, boolean]>([
    ['a full profile', serverFields, true],
    ['an empty one', { name: '', address: '', phone: '', defaults: {} }, true],
    ['a name with an escape character', { name: '上海\u001b[2J一店' }, false],
    ['a name too long', { name: '店'.repeat(61) }, false],
    ['a promise of 0 hours', { defaults: { promisedInHours: 0 } }, false],
    ['a promise of 2.5 hours', { defaults: { promisedInHours: 2.5 } }, false],
  ])('%s', (_label, change, valid) => {
    expect(storeProfileFieldsSchema.safeParse({ ...serverFields, ...change }).success).toBe(valid);
  });
});
