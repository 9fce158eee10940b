import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import type { MessageKey } from '../../../ui/messages.ts';
import type { VisitsSource } from '../../../ui/sync/use-vehicle-visits.ts';
import { useEarlierVisits } from '../hooks/use-earlier-visits.ts';

const SOURCE_LABEL: Record<VisitsSource, MessageKey> = {
  server: 'visits.fromServer',
  tablet: 'visits.fromTablet',
  'tablet-offline': 'visits.fromTabletOffline',
  'tablet-failed': 'visits.fromTabletFailed',
};

type EarlierVisitsProps = { jobId: string; plate: string; vin: string };

/** The vehicle's earlier cards, so the advisor sees its history while the customer is there. */
export function EarlierVisitsList({ jobId, plate, vin }: EarlierVisitsProps) {
  const { t } = useI18n();
  const visits = useEarlierVisits(jobId, plate, vin);
  if (!visits || (visits.rows.length === 0 && !visits.asking)) return null;
  return (
    <section className="visits" aria-label={t('visits.title', { count: visits.rows.length })}>
      <h3>{t('visits.title', { count: visits.rows.length })}</h3>
      <p className="visits-source">{visits.asking ? t('visits.asking') : t(SOURCE_LABEL[visits.source])}</p>
      {visits.rows.length > 0 && (
        <table className="visits-table">
          <thead>
            <tr>
              <th scope="col">{t('visits.date')}</th>
              <th scope="col">{t('visits.number')}</th>
              <th scope="col">{t('visits.odometer')}</th>
              <th scope="col">{t('visits.damages')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.rows.map((row) => (
              <tr key={row.id}>
                <td>{formatLocalDateTime(row.createdAt).slice(0, 10)}</td>
                <td>{row.number}</td>
                <td>{row.odometerKm === null ? '—' : t('visits.km', { km: row.odometerKm.toLocaleString('en-US') })}</td>
                <td>{t('visits.damageCount', { count: row.damageCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
