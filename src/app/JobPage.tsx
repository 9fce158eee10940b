import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../db/instance.ts';
import { getJob } from '../db/job-queries.ts';
import { AdditionsPanel } from '../features/additions/components/AdditionsPanel.tsx';
import { CheckInPage } from '../features/checkin/components/CheckInPage.tsx';
import { EstimateStep } from '../features/estimate/components/EstimateStep.tsx';
import { CataloguePicker } from '../features/estimate/components/CataloguePicker.tsx';
import { PromisedAtField } from '../features/estimate/components/PromisedAtField.tsx';
import { useCatalogue } from '../features/estimate/hooks/use-catalogue.ts';
import { BillPanel } from '../features/handover/components/BillPanel.tsx';
import { HandoverPanel } from '../features/handover/components/HandoverPanel.tsx';
import { QualityCheckPanel } from '../features/handover/components/QualityCheckPanel.tsx';
import { HandOver } from '../features/signing/components/HandOver.tsx';
import { HandOverAll } from '../features/signing/components/HandOverAll.tsx';
import { SigningStep } from '../features/signing/components/SigningStep.tsx';
import { HandoverDamages } from '../features/walkaround/components/HandoverDamages.tsx';
import { PhotoPicker } from '../features/walkaround/components/PhotoPicker.tsx';
import { WalkaroundStep } from '../features/walkaround/components/WalkaroundStep.tsx';
import { recoverJournalledNotes } from '../features/walkaround/recover-notes.ts';
import { WorkPage, type ExternalSections } from '../features/work/components/WorkPage.tsx';
import { isWorkSection } from '../features/work/sections.ts';
import type { LineFields } from '../shared/estimate.ts';
import type { Job } from '../shared/job.ts';

// The app composes features: the check-in form hosts the walk-around, the estimate (ended by
// the signatures' hand-over, so the customer is a tap away) and the signatures as steps, and the card after check-in hosts the additional work, the quality
// check, the handover and the bill as sections, without any feature importing another.
const externalSteps = {
  walkaround: (job: Job) => <WalkaroundStep job={job} />,
  estimate: (job: Job) => <EstimateStep job={job} handOver={<HandOverAll job={job} />} />,
  signing: (job: Job) => <SigningStep job={job} />,
};

const workSections: ExternalSections = {
  additions: (job, handOver) => (
    <AdditionsPanel
      job={job}
      onHandOver={handOver}
      linePicker={(onPick) => <AdditionLinePicker onPick={onPick} />}
      photoPicker={(additionId, label) => <PhotoPicker jobId={job.id} additionId={additionId} label={label} />}
      promisedAtField={(value, onChange) => <PromisedAtField value={value} onChange={onChange} />}
    />
  ),
  qc: (job, handOver) => <QualityCheckPanel job={job} onHandOver={handOver} />,
  handover: (job, handOver) => <HandoverPanel job={job} onHandOver={handOver} damages={<HandoverDamages job={job} />} />,
  bill: (job, handOver) => <BillPanel job={job} onHandOver={handOver} />,
};

/**
 * The estimate's catalogue picker (and its typed line), for lines of additional work: a labour
 * item that carries its usual parts brings them to the addition's form as well.
 */
function AdditionLinePicker({ onPick }: { onPick: (lines: LineFields[]) => Promise<boolean> }) {
  const picks = { add: async (lines: LineFields[]) => ((await onPick(lines)) ? [] : null) };
  return <CataloguePicker catalogue={useCatalogue()} presentCodes={NO_CODES} onAdd={(fields) => onPick([fields])} picks={picks} />;
}
const NO_CODES: ReadonlySet<string> = new Set();

/**
 * One job card. A draft opens on its check-in form; a checked-in card on where the work
 * stands, with its check-in steps still a tap away.
 */
export function JobPage({ jobId, step }: { jobId: string; step: string | undefined }) {
  const job = useLiveQuery(async () => (await getJob(db, jobId)) ?? null, [jobId]);
  // A damage note cut off by a reload goes on the card before anyone signs it.
  useEffect(() => void recoverJournalledNotes(db, jobId).catch(() => undefined), [jobId]);
  if (job === undefined) return <main className="page" aria-busy="true" />;
  const section = isWorkSection(step) ? step : step === undefined && job && job.status !== 'draft' ? 'status' : null;
  if (!job || !section) return <CheckInPage jobId={jobId} step={step} externalSteps={externalSteps} />;
  return (
    <HandOver job={job}>{(handOver) => <WorkPage job={job} section={section} sections={workSections} handOver={handOver} />}</HandOver>
  );
}
