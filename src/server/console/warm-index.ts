// The console's index of cards is caught up from the change log before each console read
// (storage/console-index-rows.ts). After an upgrade, or on a store moved in with years of cards,
// the first catch-up reads every card (about 30 s for 100,000 on SQLite): done at start, in the
// background and one store at a time, the service manager's first page does not wait for it.
import { errorText } from '../../shared/error-text.ts';
import type { Storage } from '../storage/storage.ts';

type Log = { info(details: object, message: string): void; warn(details: object, message: string): void };

/** Catches every store's index up, one store after another; a failure is logged and the next store goes on. */
export async function warmConsoleIndex(storage: Pick<Storage, 'listStores' | 'consoleFacts'>, log: Log): Promise<void> {
  const stores = await storage.listStores().catch((error: unknown) => {
    log.warn({ error: errorText(error) }, 'console index: could not list the stores to catch up');
    return [];
  });
  for (const store of stores) {
    const started = performance.now();
    try {
      // 'open' reads the fewest rows once caught up: the catch-up is what costs.
      await storage.consoleFacts(store.id, { kind: 'open' });
      log.info({ store: store.code, ms: Math.round(performance.now() - started) }, 'console index caught up');
    } catch (error) {
      log.warn({ store: store.code, error: errorText(error) }, 'console index: catch-up at start failed; the first console read will catch up');
    }
  }
}
