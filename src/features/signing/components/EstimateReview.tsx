import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { formatFen } from '../../../shared/money.ts';
import type { EstimateContent } from '../../../shared/signed-content.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { discountMessage, formatMilli } from '../review-format.ts';
import { Section } from './ReviewSection.tsx';

type EstimateReviewProps = { content: EstimateContent };

/** 估价确认: the work, what it costs, and the terms, as signed. */
export function EstimateReview({ content: c }: EstimateReviewProps) {
  const { t, language } = useI18n();
  const money = (fen: number) => formatFen(fen, language);
  return (
    <>
      <Section title={t('review.lines')}>
        {c.lines.length === 0 ? (
          <p>{t('review.noLines')}</p>
        ) : (
          <table className="review-lines">
            <thead>
              <tr>
                <th scope="col">{t('review.col.item')}</th>
                <th scope="col">{t('review.col.quantity')}</th>
                <th scope="col">{t('review.col.unitPrice')}</th>
                <th scope="col">{t('review.col.discount')}</th>
                <th scope="col">{t('review.col.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {c.lines.map((line, i) => {
                const discount = discountMessage(line.discountBp);
                return (
                  // Signed lines have no id: the order is the identity here.
                  <tr key={i}>
                    <th scope="row">
                      <span className={`review-kind review-kind-${line.kind}`}>{t(`review.kind.${line.kind}`)}</span> {line.description}
                      {line.code && <span className="review-code">{line.code}</span>}
                    </th>
                    <td>{formatMilli(line.quantityMilli)}</td>
                    <td>{money(line.unitPriceFen)}</td>
                    <td>{discount ? t(discount.key, discount.params) : '—'}</td>
                    <td>{money(line.netFen)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <dl className="review-totals">
          <dt>{t('review.labourTotal')}</dt>
          <dd>{money(c.totals.labourFen)}</dd>
          <dt>{t('review.partsTotal')}</dt>
          <dd>{money(c.totals.partsFen)}</dd>
          {c.totals.discountFen > 0 && (
            <>
              <dt>{t('review.discountTotal')}</dt>
              <dd>−{money(c.totals.discountFen)}</dd>
            </>
          )}
          <dt className="review-total">{t('review.total')}</dt>
          <dd className="review-total">{money(c.totals.totalFen)}</dd>
        </dl>
      </Section>
      <EstimateTerms content={c} />
    </>
  );
}

/** 预计交车时间, 旧件处理, 结账方式, 洗车. */
function EstimateTerms({ content: c }: { content: EstimateContent }) {
  const { t } = useI18n();
  const notSet = t('review.notSet');
  return (
    <Section title={t('review.terms')}>
      <dl className="review-facts">
        <dt>{t('review.promisedAt')}</dt>
        <dd>{c.promisedAt ? formatLocalDateTime(c.promisedAt) : notSet}</dd>
        <dt>{t('review.oldParts')}</dt>
        <dd>{c.oldParts ? t(`review.oldParts.${c.oldParts}`) : notSet}</dd>
        <dt>{t('review.payment')}</dt>
        <dd>{c.payment ? t(`review.payment.${c.payment}`) : notSet}</dd>
        <dt>{t('review.carWash')}</dt>
        <dd>{c.carWash === null ? notSet : t(c.carWash ? 'review.yes' : 'review.no')}</dd>
      </dl>
    </Section>
  );
}
