// Keeps the tablet's copy of the store's profile (db/store-profile.ts) as the server has it:
// fetched after enrollment and after each complete sync, used offline from then on. Offline
// or refused, the tablet keeps the copy it has; the profile never holds up a sync.
import type { WalkaroundDb } from '../db/database.ts';
import { saveServerStoreProfile } from '../db/store-profile.ts';
import { ApiFailure, type ApiClient } from './api-client.ts';

export async function refreshStoreProfile(db: WalkaroundDb, api: Pick<ApiClient, 'storeProfile'>, now: Date): Promise<void> {
  try {
    const { profile } = await api.storeProfile();
    await saveServerStoreProfile(db, profile, now);
  } catch (error) {
    // A server from before store profiles answers 404 (refused): the outbox and the pull went
    // through, so the run is still complete; the tablet's own profile stands in.
    if (error instanceof ApiFailure && error.kind === 'refused') return;
    throw error;
  }
}
