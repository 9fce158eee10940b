import { VehicleDiagram } from '../../features/walkaround/components/VehicleDiagram.tsx';
import { BELONGINGS, COVERS, SERVICE_TYPES, WARNING_LIGHTS, type Job } from '../../shared/job.ts';
import { fuelText } from '../../shared/vehicle-condition.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { checkinDamages } from '../../shared/signed-content.ts';
import { useI18n } from '../../ui/i18n.tsx';
import type { MessageKey } from '../../ui/messages.ts';

const noop = () => undefined;

/**
 * The 接车单 itself: customer, vehicle, condition, covers, belongings, the damage list and its
 * diagram. Its labels are the print's own (print.label.*): the form's hints are for the advisor.
 */
export function PrintCheckIn({ job }: { job: Job }) {
  const { t } = useI18n();
  const { card } = job;
  const on = <K extends string>(keys: readonly K[], set: Partial<Record<K, unknown>>, label: (key: K) => MessageKey) =>
    keys.filter((k) => Boolean(set[k])).map((k) => t(label(k))).join('、') || '—';
  const fuel = card.fuel === null ? '—' : fuelText(card.fuel);
  const rows: [string, string][] = [
    [t('customer.name'), card.customer.name || '—'],
    [t('customer.phone'), card.customer.phone || '—'],
    [t('print.label.company'), card.customer.company || '—'],
    [t('vehicle.plate'), card.vehicle.plate || '—'],
    [t('vehicle.vin'), card.vehicle.vin || '—'],
    [t('vehicle.model'), `${card.vehicle.model} ${card.vehicle.color}`.trim() || '—'],
    [t('odometer'), card.odometerKm === null ? '—' : `${card.odometerKm.toLocaleString('en')} km`],
    [t('fuel'), fuel ?? '—'],
    [t('print.label.warningLights'), on(WARNING_LIGHTS, card.warningLights, (k) => `light.${k}`) + (card.warningLightsNote ? `（${card.warningLightsNote}）` : '')],
    [t('print.label.covers'), on(COVERS, card.covers, (k) => `cover.${k}`)],
    [t('belongings'), on(BELONGINGS, card.belongings, (k) => `belonging.${k}`) + (card.belongingsNote ? `、${card.belongingsNote}` : '')],
    [t('valuables'), card.valuablesConfirmedAt ? t('valuables.confirmedAt', { time: formatLocalDateTime(card.valuablesConfirmedAt) }) : '—'],
    [t('serviceTypes'), on(SERVICE_TYPES, card.serviceTypes, (k) => `service.${k}`)],
    [t('print.label.customerRequest'), card.customerRequest || '—'],
  ];
  // Damage found at handover is not part of the check-in record: the handover copy lists it.
  const damages = checkinDamages(job);
  return (
    <>
      <section className="print-section">
        <h2>{t('print.checkIn')}</h2>
        <table className="print-table">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('damage.list', { count: damages.length })}</h3>
        {damages.length === 0 ? (
          <p>{t('damage.none')}</p>
        ) : (
          <ol className="print-damages">
            {damages.map((d) => (
              <li key={d.id}>
                {t(`damage.type.${d.type}`)} · {t(`severity.${d.severity ?? 'unset'}`)} · {t(`view.${d.view}`)}
                {d.note && ` · ${d.note}`}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="print-section print-diagram">
        <h2>{t('step.walkaround')}</h2>
        <VehicleDiagram body={card.vehicle.bodyStyle} damages={damages} selectedId={null} moving={false} onTap={noop} onSelect={noop} />
      </section>
    </>
  );
}
