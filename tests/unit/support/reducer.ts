// Shared by the reducer tests: make mutations as an outbox holds them, run a list of them,
// and freeze inputs to prove purity.
import { applyMutation } from '../../../src/shared/apply-mutation.ts';
import type { Job } from '../../../src/shared/job.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../../../src/shared/mutation.ts';

/**
 * Makes mutations of one job as one tablet's outbox holds them, numbered 1, 2, 3… (seq and the
 * end of the id), each checked against the shared schema so fixtures cannot drift.
 */
export function outboxFor(jobId: string, clientId: string): (body: MutationBody, createdAt: string) => Mutation {
  let counter = 0;
  return (body, createdAt) => {
    counter += 1;
    return mutationSchema.parse({
      ...body,
      mutationId: `0192f3a0-0000-7000-8000-${String(counter).padStart(12, '0')}`,
      clientId,
      seq: counter,
      jobId,
      createdAt,
    });
  };
}

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
