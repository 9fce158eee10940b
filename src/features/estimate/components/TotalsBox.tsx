import type { EstimateTotals } from '../../../shared/estimate.ts';
import { formatFen } from '../../../shared/money.ts';
import { useI18n } from '../../../ui/i18n.tsx';

/** The sums the customer approves, from estimateTotals (integer 分, never floats). */
export function TotalsBox({ totals, agreed }: { totals: EstimateTotals; /** With approved 追加项目, when there are any. */ agreed?: EstimateTotals | undefined }) {
  const { t, language } = useI18n();
  const money = (fen: number) => formatFen(fen, language);
  return (
    <section className="totals" aria-label={t('estimate.totals')}>
      <dl>
        <div>
          <dt>{t('estimate.labourTotal')}</dt>
          <dd>{money(totals.labourFen)}</dd>
        </div>
        <div>
          <dt>{t('estimate.partsTotal')}</dt>
          <dd>{money(totals.partsFen)}</dd>
        </div>
        {totals.discountFen > 0 && (
          <div className="totals-discount">
            <dt>{t('estimate.discount')}</dt>
            <dd>−{money(totals.discountFen)}</dd>
          </div>
        )}
        <div className="totals-total">
          <dt>{t('estimate.total')}</dt>
          <dd>{money(totals.totalFen)}</dd>
        </div>
        {agreed && (
          <div className="totals-total">
            <dt>{t('addition.totalWithAdditions')}</dt>
            <dd>{money(agreed.totalFen)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
