import type { Job } from '../../../shared/job.ts';
import type { SignatureKind } from '../../../shared/signature.ts';

type BillPanelProps = { job: Job; onHandOver: (kind: SignatureKind) => void };

/** Not built yet (issue 10, in progress): says so rather than pretending. */
export function BillPanel({ job }: BillPanelProps) {
  return <p className="banner">{job.number}: not built yet</p>;
}
