// Group commit for pushes. Every committed push costs a write to disk (synchronous=FULL, so
// an acknowledged push survives a power cut); at the end of a shift many tablets push at
// once, and committing each on its own makes the disk the limit. Pushes that arrive in the
// same turn of the event loop are applied together in one transaction, each in its own
// savepoint (a push that fails undoes only itself), and each tablet hears its answer only
// after that transaction has committed.
import type { Mutation } from '../../shared/mutation.ts';
import type { DeviceRecord, PushOutcome, Storage } from '../storage/storage.ts';
import { mutationCheck } from './check-mutation.ts';

type Waiting = {
  device: DeviceRecord;
  mutations: Mutation[];
  resolve: (outcome: PushOutcome) => void;
  reject: (error: unknown) => void;
};

export type PushQueue = { push(device: DeviceRecord, mutations: Mutation[]): Promise<PushOutcome> };

export function createPushQueue(storage: Storage): PushQueue {
  let waiting: Waiting[] = [];

  function commit(): void {
    const group = waiting;
    waiting = [];
    const now = new Date().toISOString();
    let results: Array<{ outcome: PushOutcome } | { error: unknown }>;
    try {
      results = storage.inOneTransaction(() =>
        group.map(({ device, mutations }) => {
          try {
            return { outcome: storage.push(device, mutations, mutationCheck(storage, device.storeId), now) };
          } catch (error) {
            return { error };
          }
        }),
      );
    } catch (error) {
      // The commit itself failed: nothing of this group is stored, every tablet retries.
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, i) => {
      const result = results[i];
      if (result && 'outcome' in result) item.resolve(result.outcome);
      else item.reject(result?.error);
    });
  }

  return {
    push(device, mutations) {
      return new Promise((resolve, reject) => {
        waiting.push({ device, mutations, resolve, reject });
        if (waiting.length === 1) setImmediate(commit);
      });
    },
  };
}
