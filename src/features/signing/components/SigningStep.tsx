import type { Job } from '../../../shared/job.ts';

/** The 客户签字 step: placeholder until signing lands. */
export function SigningStep({ job }: { job: Job }) {
  return <p>{Object.keys(job.signatures).length}</p>;
}
