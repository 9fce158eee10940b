// The store's profile on the tablet: the server's copy (cached in `meta` after enrollment and
// each complete sync) and the one set in the tablet's settings. Offline the cached copy is
// used; a field the server leaves empty falls back to the tablet's, then to nothing.
import type { OldParts, PaymentMethod } from '../shared/estimate.ts';
import { storeDefaultsSchema, storeLogoSchema, type StoreLogo, type StoreProfileFields } from '../shared/store-profile.ts';
import type { MetaRow, ServerStoreProfileRow, TabletStoreProfileRow, WalkaroundDb } from './database.ts';
import { deleteMeta, writeMeta } from './meta-repo.ts';

export type StoreDefaults = { oldParts: OldParts; payment: PaymentMethod; carWash: boolean; promisedInHours: number };

export type StoreProfile = {
  name: string;
  address: string;
  phone: string;
  defaults: StoreDefaults;
  /** The logo the store uploaded at the console (the server's only); its bytes are in the blob store once fetched. */
  logo?: StoreLogo;
  /** Where the profile came from: the server's if it set anything, else the tablet's, else neither. */
  source: 'server' | 'tablet' | 'none';
};

/**
 * The estimate terms offered when neither the server nor the tablet chose any: the customer
 * takes the old parts home (they see what was changed), pays by WeChat (the most common at a
 * Chinese desk), the car is washed (most 4S stores wash for free), and it is ready 4 hours
 * after check-in (a routine service). Offered one tap away, never filled in silently.
 */
export const BUILT_IN_STORE_DEFAULTS: StoreDefaults = { oldParts: 'take', payment: 'wechat', carWash: true, promisedInHours: 4 };

const SERVER_KEY = 'storeProfile.server';
const TABLET_KEY = 'storeProfile.tablet';

/**
 * The profile the tablet uses, field by field: the server's value where it set one, else the
 * tablet's, else empty text and the built-in defaults. Pure, so the precedence is tested alone.
 */
export function mergeStoreProfile(server: StoreProfileFields | undefined, tablet: StoreProfileFields | undefined): StoreProfile {
  const pick = (field: 'name' | 'address' | 'phone') => {
    const fromServer = server?.[field].trim() ?? '';
    return fromServer !== '' ? fromServer : (tablet?.[field].trim() ?? '');
  };
  const defaults: StoreDefaults = {
    oldParts: server?.defaults.oldParts ?? tablet?.defaults.oldParts ?? BUILT_IN_STORE_DEFAULTS.oldParts,
    payment: server?.defaults.payment ?? tablet?.defaults.payment ?? BUILT_IN_STORE_DEFAULTS.payment,
    carWash: server?.defaults.carWash ?? tablet?.defaults.carWash ?? BUILT_IN_STORE_DEFAULTS.carWash,
    promisedInHours: server?.defaults.promisedInHours ?? tablet?.defaults.promisedInHours ?? BUILT_IN_STORE_DEFAULTS.promisedInHours,
  };
  return { name: pick('name'), address: pick('address'), phone: pick('phone'), defaults, ...(server?.logo ? { logo: server.logo } : {}), source: sourceOf(server, tablet) };
}

function setsAnything(fields: StoreProfileFields | undefined): boolean {
  if (fields === undefined) return false;
  if ([fields.name, fields.address, fields.phone].some((value) => value.trim() !== '')) return true;
  return Object.values(fields.defaults).some((value) => value !== undefined);
}

function sourceOf(server: StoreProfileFields | undefined, tablet: StoreProfileFields | undefined): StoreProfile['source'] {
  if (setsAnything(server)) return 'server';
  if (setsAnything(tablet)) return 'tablet';
  return 'none';
}

/** Only the parts of a stored row that are a profile, so a row of an older shape reads as far as it goes. */
function fieldsOf(row: MetaRow | undefined): StoreProfileFields | undefined {
  if (row === undefined || (row.key !== SERVER_KEY && row.key !== TABLET_KEY)) return undefined;
  const defaults = storeDefaultsSchema.partial().safeParse(row.defaults);
  const logo = storeLogoSchema.safeParse(row.logo);
  return {
    name: typeof row.name === 'string' ? row.name : '',
    address: typeof row.address === 'string' ? row.address : '',
    phone: typeof row.phone === 'string' ? row.phone : '',
    defaults: defaults.success ? defaults.data : {},
    ...(logo.success && logo.data ? { logo: logo.data } : {}),
  };
}

/**
 * The profile the customer's copy and the estimate's defaults use. Written without `async` so
 * it hands back Dexie's own promise and works inside a live query (see readMeta).
 */
export function getStoreProfile(db: WalkaroundDb): Promise<StoreProfile> {
  return db.meta.bulkGet([SERVER_KEY, TABLET_KEY]).then(([server, tablet]) => mergeStoreProfile(fieldsOf(server), fieldsOf(tablet)));
}

/** What was set in this tablet's settings (empty when nothing was), for the settings form. */
export function getTabletStoreProfile(db: WalkaroundDb): Promise<StoreProfileFields | undefined> {
  return db.meta.get(TABLET_KEY).then(fieldsOf);
}

/** The server's copy as last fetched, if any: the settings page shows which fields it overrides. */
export function getServerStoreProfile(db: WalkaroundDb): Promise<StoreProfileFields | undefined> {
  return db.meta.get(SERVER_KEY).then(fieldsOf);
}

export async function saveTabletStoreProfile(db: WalkaroundDb, fields: StoreProfileFields, now = new Date()): Promise<void> {
  const row: TabletStoreProfileRow = { key: TABLET_KEY, ...trimmed(fields), updatedAt: now.toISOString() };
  await writeMeta(db, row);
}

/** Keeps the server's answer; null (the server holds no profile for the store) forgets the old one. */
export async function saveServerStoreProfile(db: WalkaroundDb, fields: StoreProfileFields | null, now = new Date()): Promise<void> {
  if (fields === null) {
    await deleteMeta(db, SERVER_KEY);
    return;
  }
  const row: ServerStoreProfileRow = { key: SERVER_KEY, ...trimmed(fields), fetchedAt: now.toISOString() };
  await writeMeta(db, row);
}

function trimmed(fields: StoreProfileFields): StoreProfileFields {
  return { name: fields.name.trim(), address: fields.address.trim(), phone: fields.phone.trim(), defaults: { ...fields.defaults }, ...(fields.logo ? { logo: fields.logo } : {}) };
}
