import type { ReactNode } from 'react';
import type { Job } from '../../../shared/job.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useSave } from '../use-save.ts';
import { SaveFailure } from './SaveFailure.tsx';
import { CarReturns } from './CarReturns.tsx';
import { MileageFuelCheck } from './MileageFuelCheck.tsx';
import '../handover.css';

type HandoverPanelProps = {
  job: Job;
  onHandOver: (kind: SignatureKind) => void;
  /** The body check against the check-in marks, drawn by the walk-around (the app passes it in). */
  damages: ReactNode;
};

/**
 * 交车 at the car, with the customer: the body against its check-in record, mileage and fuel,
 * the covers off, the belongings and 旧件 back. The bill, the next service and the customer's
 * signature are the bill section's.
 */
export function HandoverPanel({ job, damages }: HandoverPanelProps) {
  const { t } = useI18n();
  const { failure, save } = useSave();
  return (
    <section className="handover" aria-labelledby="handover-title">
      <h2 id="handover-title">{t('handover.title')}</h2>
      <p className="handover-hint">{t('handover.hint')}</p>
      <SaveFailure failure={failure} />
      {damages}
      <MileageFuelCheck jobId={job.id} checkin={{ odometerKm: job.card.odometerKm, fuel: job.card.fuel }} handover={job.handover} save={save} />
      <CarReturns job={job} save={save} />
    </section>
  );
}
