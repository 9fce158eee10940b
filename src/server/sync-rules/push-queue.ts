// Group commit for pushes. Every committed push costs a flush to disk (an acknowledged push
// must survive a power cut); at the end of a shift many tablets push at once, and committing
// each on its own can make the disk the limit. Pushes that arrive in the same turn of the
// event loop are handed to the records together as write units (each commits or is undone
// alone; SQLite commits them in one transaction), and each tablet hears its answer only after
// its unit is durable.
import type { Mutation } from '../../shared/mutation.ts';
import { mutationCheck } from './check-mutation.ts';
import { pushMutations, type PushOutcome, type Pusher } from './push-rules.ts';
import type { SyncRecords } from './sync-records.ts';

type Waiting = {
  device: Pusher;
  mutations: Mutation[];
  resolve: (outcome: PushOutcome) => void;
  reject: (error: unknown) => void;
};

export type PushQueue = { push(device: Pusher, mutations: Mutation[]): Promise<PushOutcome> };

export function createPushQueue(records: SyncRecords): PushQueue {
  let waiting: Waiting[] = [];

  async function commit(): Promise<void> {
    const group = waiting;
    waiting = [];
    const now = new Date().toISOString();
    try {
      const results = await records.writeEach(
        group.map(({ device, mutations }) => ({
          storeId: device.storeId,
          work: (tx) => pushMutations(tx, device, mutations, mutationCheck, now),
        })),
      );
      group.forEach((item, i) => {
        const result = results[i];
        if (result && 'value' in result) item.resolve(result.value);
        else item.reject(result?.error);
      });
    } catch (error) {
      // Nothing of this group is stored: every tablet retries.
      for (const item of group) item.reject(error);
    }
  }

  return {
    push(device, mutations) {
      return new Promise((resolve, reject) => {
        waiting.push({ device, mutations, resolve, reject });
        if (waiting.length === 1) setImmediate(() => void commit());
      });
    },
  };
}
