// Shared by the reducer tests: run a list of mutations, and freeze inputs to prove purity.
import { applyMutation } from '../../../src/shared/apply-mutation.ts';
import type { Job } from '../../../src/shared/job.ts';
import type { Mutation } from '../../../src/shared/mutation.ts';

/** Applies mutations in order from `start`; fails the test if the job disappears. */
export function run(start: Job | undefined, ms: readonly Mutation[]): Job {
  const job = ms.reduce<Job | undefined>(applyMutation, start);
  if (!job) throw new Error('expected a job');
  return job;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
