import { CustomerMode } from '../features/signing/components/CustomerMode.tsx';
import type { CustomerLock } from '../features/signing/customer-lock.ts';
import { VehicleDiagram } from '../features/walkaround/components/VehicleDiagram.tsx';
import type { Job } from '../shared/job.ts';
import { checkinDamages } from '../shared/signed-content.ts';

const noop = () => undefined;

/**
 * Customer mode with the car's diagram: the customer reviews the check-in condition on the
 * diagram with its marks, as on the paper 接车单. The diagram is drawn read-only, as the printed
 * copy draws it (print/PrintCheckIn.tsx); features do not import each other, so the app joins them.
 */
export function CustomerModeScreen({ lock }: { lock: CustomerLock }) {
  return <CustomerMode lock={lock} diagram={checkinDiagram} />;
}

function checkinDiagram(job: Job) {
  return <VehicleDiagram body={job.card.vehicle.bodyStyle} damages={checkinDamages(job)} selectedId={null} moving={false} onTap={noop} onSelect={noop} />;
}
