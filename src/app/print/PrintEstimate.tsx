import { formatQuantity } from '../../features/estimate/line-input.ts';
import { estimateTotals, lineAmounts } from '../../shared/estimate.ts';
import type { Job } from '../../shared/job.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { formatFen } from '../../shared/money.ts';
import { live } from '../../shared/walkaround.ts';
import { useI18n } from '../../ui/i18n.tsx';

/** The 估价单: every live line with its amount, the totals, and the terms. */
export function PrintEstimate({ job }: { job: Job }) {
  const { t } = useI18n();
  const lines = live(job.estimate.lines);
  if (lines.length === 0) return null;
  const totals = estimateTotals(lines);
  const { promisedAt, oldParts, payment, carWash } = job.estimate;
  return (
    <section className="print-section">
      <h2>{t('estimate.title')}</h2>
      <table className="print-table print-lines">
        <thead>
          <tr>
            <th>{t('line.code')}</th>
            <th>{t('line.description')}</th>
            <th>{t('line.quantity')}</th>
            <th>{t('line.unitPrice')}</th>
            <th>{t('line.discount')}</th>
            <th>{t('line.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const { discountFen, netFen } = lineAmounts(line);
            return (
              <tr key={line.id}>
                <td>{line.code}</td>
                <td>
                  {line.description} <small>({t(line.kind === 'labour' ? 'estimate.labour' : 'estimate.parts')})</small>
                </td>
                <td className="num">{formatQuantity(line.quantityMilli)}</td>
                <td className="num">{formatFen(line.unitPriceFen)}</td>
                <td className="num">{discountFen > 0 ? `-${formatFen(discountFen)}` : '—'}</td>
                <td className="num">{formatFen(netFen)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={5}>{t('estimate.labour')}</th>
            <td className="num">{formatFen(totals.labourFen)}</td>
          </tr>
          <tr>
            <th colSpan={5}>{t('estimate.parts')}</th>
            <td className="num">{formatFen(totals.partsFen)}</td>
          </tr>
          {totals.discountFen > 0 && (
            <tr>
              <th colSpan={5}>{t('estimate.discount')}</th>
              <td className="num">-{formatFen(totals.discountFen)}</td>
            </tr>
          )}
          <tr className="print-total">
            <th colSpan={5}>{t('estimate.total')}</th>
            <td className="num">{formatFen(totals.totalFen)}</td>
          </tr>
        </tfoot>
      </table>
      <p>
        {t('estimate.promisedAt')}: {promisedAt ? formatLocalDateTime(promisedAt) : '—'} · {t('estimate.oldParts')}:{' '}
        {oldParts ? t(`oldParts.${oldParts}`) : '—'} · {t('estimate.payment')}: {payment ? t(`payment.${payment}`) : '—'} ·{' '}
        {t('estimate.carWash')}: {carWash === null ? '—' : t(carWash ? 'estimate.yes' : 'estimate.no')}
      </p>
    </section>
  );
}
