import { CheckInPage } from '../features/checkin/components/CheckInPage.tsx';
import { WalkaroundStep } from '../features/walkaround/components/WalkaroundStep.tsx';

// The app composes features: the check-in form hosts the walk-around as one of its steps,
// without either feature importing the other.
const externalSteps = { walkaround: (job: Parameters<typeof WalkaroundStep>[0]['job']) => <WalkaroundStep job={job} /> };

/** One job card: the check-in form, with the walk-around step from its own feature. */
export function JobPage({ jobId, step }: { jobId: string; step: string | undefined }) {
  return <CheckInPage jobId={jobId} step={step} externalSteps={externalSteps} />;
}
