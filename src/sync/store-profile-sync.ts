// Keeps the tablet's copy of the store's profile (db/store-profile.ts) as the server has it:
// fetched after enrollment and after each complete sync, used offline from then on, the logo's
// bytes included (the customer's copy prints it offline). Offline or refused, the tablet keeps
// the copy it has; the profile never holds up a sync.
import { getBlob, putBlob } from '../db/blob-store.ts';
import type { WalkaroundDb } from '../db/database.ts';
import { saveServerStoreProfile } from '../db/store-profile.ts';
import { sha256Hex } from '../shared/sha256.ts';
import type { StoreLogo } from '../shared/store-profile.ts';
import { ApiFailure, type ApiClient } from './api-client.ts';

export async function refreshStoreProfile(db: WalkaroundDb, api: Pick<ApiClient, 'storeProfile' | 'getBlob'>, now: Date): Promise<void> {
  try {
    const { profile } = await api.storeProfile();
    await saveServerStoreProfile(db, profile, now);
    if (profile.logo) await fetchLogo(db, api, profile.logo, now);
  } catch (error) {
    // A server from before store profiles answers 404 (refused): the outbox and the pull went
    // through, so the run is still complete; the tablet's own profile stands in.
    if (error instanceof ApiFailure && error.kind === 'refused') return;
    throw error;
  }
}

/** The logo's bytes into the tablet's blob store, once, checked against their hash. */
async function fetchLogo(db: WalkaroundDb, api: Pick<ApiClient, 'getBlob'>, logo: StoreLogo, now: Date): Promise<void> {
  if (await getBlob(db, logo.sha256)) return;
  const bytes = await api.getBlob(logo.sha256);
  // A wrong answer is dropped (and asked again next time), never printed.
  if ((await sha256Hex(bytes)) !== logo.sha256) return;
  await putBlob(db, { sha256: logo.sha256, bytes, mime: logo.mime, byteLength: bytes.byteLength, createdAt: now.toISOString() });
}
