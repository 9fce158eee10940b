import type { ReactNode } from 'react';
import { BELONGINGS, COVERS, SERVICE_TYPES, WARNING_LIGHTS } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { CheckinContent } from '../../../shared/signed-content.ts';
import type { Photo } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import type { MessageKey } from '../../../ui/messages.ts';
import { fuelMessage } from '../review-format.ts';
import { ReviewPhotos } from './ReviewPhotos.tsx';
import { Section } from './ReviewSection.tsx';

type CheckinReviewProps = {
  content: CheckinContent;
  photosByHash: ReadonlyMap<string, Photo>;
  /** The diagram with the marks, as on the paper 接车单 (drawn by the walk-around, passed in by the app). */
  diagram?: ReactNode;
};

/** 接车确认: the condition the car is handed over in, exactly as it will be signed. */
export function CheckinReview({ content: c, photosByHash, diagram }: CheckinReviewProps) {
  const { t } = useI18n();
  // Signed content sorts its keys for the hash; the customer reads them in the form's order.
  const list = <K extends string>(items: readonly K[], order: readonly K[], label: (key: K) => MessageKey, note = '') =>
    items.length === 0 && !note
      ? t('review.none')
      : [...order.filter((key) => items.includes(key)).map((key) => t(label(key))), ...(note ? [note] : [])].join('、');
  const fuel = c.fuel && fuelMessage(c.fuel);

  return (
    <>
      <Section title={t('review.condition')}>
        <dl className="review-facts">
          <dt>{t('review.odometer')}</dt>
          <dd>{c.odometerKm === null ? t('review.notSet') : t('review.km', { km: c.odometerKm.toLocaleString('en-US') })}</dd>
          <dt>{t('review.fuel')}</dt>
          <dd>{fuel ? t(fuel.key, fuel.params) : t('review.notSet')}</dd>
          <dt>{t('review.warningLights')}</dt>
          <dd className={c.warningLights.length > 0 ? 'review-warn' : undefined}>{list(c.warningLights, WARNING_LIGHTS, (k) => `light.${k}`, c.warningLightsNote)}</dd>
        </dl>
      </Section>

      <Section title={t('review.damage', { count: c.damages.length })}>
        {diagram && <div className="customer-diagram">{diagram}</div>}
        {c.damages.length === 0 ? (
          <p>{t('review.noDamage')}</p>
        ) : (
          <ol className="review-damages">
            {c.damages.map((d, i) => (
              // Signed damage has no id: its place in the list is its identity here.
              <li key={i}>
                <strong>
                  {t('review.damageAt', { view: t(`view.${d.view}`), type: t(`damage.type.${d.type}`), severity: t(`severity.${d.severity ?? 'unset'}`) })}
                </strong>
                {d.note && <p className="review-note">{d.note}</p>}
                <ReviewPhotos hashes={d.photos} byHash={photosByHash} />
              </li>
            ))}
          </ol>
        )}
      </Section>

      {c.generalPhotos.length > 0 && (
        <Section title={t('review.photos')}>
          <ReviewPhotos hashes={c.generalPhotos} byHash={photosByHash} />
        </Section>
      )}

      <Section title={t('review.items')}>
        <dl className="review-facts">
          <dt>{t('review.belongings')}</dt>
          <dd>{list(c.belongings, BELONGINGS, (k) => `belonging.${k}`, c.belongingsNote)}</dd>
          <dt>{t('review.covers')}</dt>
          <dd>{list(c.covers, COVERS, (k) => `cover.${k}`)}</dd>
        </dl>
      </Section>

      <section className="review-section review-valuables">
        <h2>⚠ {t('review.valuables')}</h2>
        <p>{t('review.valuablesText')}</p>
        <p className={c.valuablesConfirmedAt ? 'review-ok' : 'review-warn'}>
          {c.valuablesConfirmedAt
            ? `✓ ${t('review.valuablesConfirmed', { time: formatLocalDateTime(c.valuablesConfirmedAt) })}`
            : t('review.valuablesOpen')}
        </p>
      </section>

      <Section title={t('review.request')}>
        <dl className="review-facts">
          <dt>{t('serviceTypes')}</dt>
          <dd>{list(c.serviceTypes, SERVICE_TYPES, (k) => `service.${k}`)}</dd>
        </dl>
        {c.customerRequest && <p className="review-quote">{c.customerRequest}</p>}
      </Section>
    </>
  );
}
