import type { Job } from '../../../shared/job.ts';

/** The 估价单 step: placeholder until the estimate editor lands. */
export function EstimateStep({ job }: { job: Job }) {
  return <p>{Object.keys(job.estimate.lines).length}</p>;
}
