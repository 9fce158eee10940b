import { BELONGINGS, COVERS } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { formatFen } from '../../../shared/money.ts';
import type { DeliveryContent, SignedAddition, SignedDamage, SignedLine } from '../../../shared/signed-content.ts';
import type { Fuel } from '../../../shared/vehicle-condition.ts';
import type { Photo } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { discountMessage, formatMilli, fuelMessage } from '../review-format.ts';
import { ReviewPhotos } from './ReviewPhotos.tsx';
import { Section } from './ReviewSection.tsx';
import '../delivery-review.css';

type DeliveryReviewProps = { content: DeliveryContent; photosByHash: ReadonlyMap<string, Photo> };

/**
 * 交车确认: the car handed back, exactly as it will be signed: the work done with the approved
 * additions, the 建议项目表 of declined work, the bill, the condition at check-in against now
 * (each check-in mark, new damage found at handover), the covers, belongings, 旧件 and the next
 * service.
 */
export function DeliveryReview({ content: c, photosByHash }: DeliveryReviewProps) {
  const { t, language } = useI18n();
  const money = (fen: number) => formatFen(fen, language);
  const notSet = t('review.notSet');
  return (
    <>
      <Section title={t('bill.review.work')}>
        <ul className="delivery-lines">
          {c.lines.map((line, i) => (
            // Signed lines have no id: the order is the identity here.
            <WorkLine key={`l${i}`} line={line} />
          ))}
          {c.additions.map((line, i) => (
            <WorkLine key={`a${i}`} line={line} added photosByHash={photosByHash} />
          ))}
        </ul>
        {c.lines.length + c.additions.length === 0 && <p>{t('review.noLines')}</p>}
      </Section>

      {c.declined.length > 0 && (
        <Section title={t('bill.review.declined', { count: c.declined.length })}>
          <p>{t('bill.review.declinedLead')}</p>
          <ul className="delivery-lines delivery-declined">
            {c.declined.map((line, i) => (
              <li key={i}>
                <span className="delivery-line-name">{line.description}</span>
                <span className="delivery-line-amount">{t('bill.review.quoted', { amount: money(line.netFen) })}</span>
                <span className="delivery-line-why">{t('bill.reason', { reason: line.reason })}</span>
                <ReviewPhotos hashes={line.photos} byHash={photosByHash} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('bill.heading')}>
        <dl className="review-totals">
          <dt>{t('bill.agreed')}</dt>
          <dd>{money(c.bill.agreed.totalFen)}</dd>
          {c.bill.discountFen > 0 && (
            <>
              <dt>{t('bill.discountLine', { reason: c.bill.discountReason || t('bill.discountNoReason') })}</dt>
              <dd>−{money(c.bill.discountFen)}</dd>
            </>
          )}
          <dt className="review-total">{t('bill.due')}</dt>
          <dd className="review-total">{money(c.bill.dueFen)}</dd>
          <dt>{t('bill.paid')}</dt>
          <dd>{c.bill.paidFen === null ? t('bill.notPaid') : money(c.bill.paidFen)}</dd>
          <dt>{t('bill.payment')}</dt>
          <dd>{c.bill.payment ? t(`review.payment.${c.bill.payment}`) : notSet}</dd>
        </dl>
      </Section>

      <Section title={t('bill.review.compare')}>
        <table className="review-lines delivery-compare">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t('bill.review.atCheckin')}</th>
              <th scope="col">{t('bill.review.atHandover')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('review.odometer')}</th>
              <td>{km(c.odometerKm.checkin)}</td>
              <td>{km(c.odometerKm.handover)}</td>
            </tr>
            <tr>
              <th scope="row">{t('review.fuel')}</th>
              <td>{fuel(c.fuel.checkin)}</td>
              <td>{fuel(c.fuel.handover)}</td>
            </tr>
          </tbody>
        </table>
        <h3>{t('bill.review.checkinDamages', { count: c.checkinDamages.length })}</h3>
        {c.checkinDamages.length === 0 ? (
          <p>{t('review.noDamage')}</p>
        ) : (
          <ol className="review-damages">
            {c.checkinDamages.map((d, i) => (
              <li key={i}>
                <DamageText damage={d} />
                <p className={d.unchangedAt ? 'review-ok' : 'review-warn'}>
                  {d.unchangedAt ? t('bill.review.unchanged', { time: formatLocalDateTime(d.unchangedAt) }) : t('bill.review.notConfirmed')}
                </p>
                <ReviewPhotos hashes={d.photos} byHash={photosByHash} />
              </li>
            ))}
          </ol>
        )}
        <h3>{t('bill.review.newDamages', { count: c.handoverDamages.length })}</h3>
        {c.handoverDamages.length === 0 ? (
          <p>{t('bill.review.noNewDamage')}</p>
        ) : (
          <ol className="review-damages delivery-new-damage">
            {c.handoverDamages.map((d, i) => (
              <li key={i}>
                <DamageText damage={d} />
                <ReviewPhotos hashes={d.photos} byHash={photosByHash} />
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t('review.items')}>
        <dl className="review-facts">
          <dt>{t('bill.review.coversRemoved')}</dt>
          <dd>
            {c.coversRemoved.length === 0
              ? t('bill.review.noCovers')
              : [...c.coversRemoved]
                  // Signed content sorts keys for the hash; the customer reads them in the form's order.
                  .sort((a, b) => COVERS.indexOf(a.cover) - COVERS.indexOf(b.cover))
                  .map(({ cover, at }) => (
                  <span key={cover} className={`review-aside ${at ? 'review-ok' : 'review-warn'}`}>
                    {t(`cover.${cover}`)}：{at ? t('bill.review.removedAt', { time: formatLocalDateTime(at) }) : t('bill.review.notRemoved')}
                  </span>
                ))}
          </dd>
          <dt>{t('bill.review.belongingsReturned')}</dt>
          <dd>
            {c.belongingsReturned.length === 0
              ? t('review.none')
              : BELONGINGS.filter((b) => c.belongingsReturned.includes(b))
                  .map((b) => t(`belonging.${b}`))
                  .join('、')}
          </dd>
          <dt>{t('review.oldParts')}</dt>
          <dd>
            {c.oldParts ? t(`review.oldParts.${c.oldParts}`) : notSet}
            {c.oldParts && ` · ${t(c.oldPartsDone ? 'bill.review.oldPartsDone' : 'bill.review.oldPartsOpen')}`}
          </dd>
          <dt>{t('bill.next.title')}</dt>
          <dd>{c.nextService.date || c.nextService.km !== null ? t('bill.next.told', { date: c.nextService.date ?? notSet, km: km(c.nextService.km) }) : notSet}</dd>
        </dl>
      </Section>
    </>
  );

  function km(value: number | null): string {
    return value === null ? notSet : t('review.km', { km: value.toLocaleString('en-US') });
  }

  function fuel(value: Fuel | null): string {
    if (!value) return notSet;
    const message = fuelMessage(value);
    return t(message.key, message.params);
  }
}

/** One line of the final work: what, how much, and for an addition why it was added. */
type WorkLineProps = { line: SignedLine | SignedAddition; added?: boolean; photosByHash?: ReadonlyMap<string, Photo> };

function WorkLine({ line, added = false, photosByHash }: WorkLineProps) {
  const { t, language } = useI18n();
  const discount = discountMessage(line.discountBp);
  return (
    <li className={added ? 'delivery-added' : undefined}>
      <span className="delivery-line-name">
        <span className={`review-kind review-kind-${line.kind}`}>{t(`review.kind.${line.kind}`)}</span>
        {added && <span className="review-kind delivery-added-tag">{t('bill.review.added')}</span>} {line.description}
      </span>
      <span className="delivery-line-amount">
        {formatMilli(line.quantityMilli)} × {formatFen(line.unitPriceFen, language)}
        {discount && ` · ${t(discount.key, discount.params)}`} = <strong>{formatFen(line.netFen, language)}</strong>
      </span>
      {'reason' in line && <span className="delivery-line-why">{t('bill.reason', { reason: line.reason })}</span>}
      {'photos' in line && photosByHash && <ReviewPhotos hashes={line.photos} byHash={photosByHash} />}
    </li>
  );
}

function DamageText({ damage: d }: { damage: SignedDamage }) {
  const { t } = useI18n();
  return (
    <>
      <strong>{t('review.damageAt', { view: t(`view.${d.view}`), type: t(`damage.type.${d.type}`), severity: t(`severity.${d.severity ?? 'unset'}`) })}</strong>
      {d.note && <p className="review-note">{d.note}</p>}
    </>
  );
}
