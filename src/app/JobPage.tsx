import { CheckInPage } from '../features/checkin/components/CheckInPage.tsx';
import { EstimateStep } from '../features/estimate/components/EstimateStep.tsx';
import { SigningStep } from '../features/signing/components/SigningStep.tsx';
import { WalkaroundStep } from '../features/walkaround/components/WalkaroundStep.tsx';
import type { Job } from '../shared/job.ts';

// The app composes features: the check-in form hosts the walk-around, the estimate and the
// signatures as steps, without any feature importing another.
const externalSteps = {
  walkaround: (job: Job) => <WalkaroundStep job={job} />,
  estimate: (job: Job) => <EstimateStep job={job} />,
  signing: (job: Job) => <SigningStep job={job} />,
};

/** One job card: the check-in form, with the steps other features render. */
export function JobPage({ jobId, step }: { jobId: string; step: string | undefined }) {
  return <CheckInPage jobId={jobId} step={step} externalSteps={externalSteps} />;
}
