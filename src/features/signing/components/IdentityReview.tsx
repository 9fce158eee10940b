import type { SignedContent } from '../../../shared/signed-content.ts';
import { useI18n } from '../../../ui/i18n.tsx';

/** Which card, whose car: the first thing the customer checks. */
export function IdentityReview({ content }: { content: SignedContent }) {
  const { t } = useI18n();
  const { job, customer, vehicle } = content;
  const or = (value: string) => value || t('review.notSet');
  return (
    <section className="review-section">
      <dl className="review-facts">
        <dt>{t('review.jobNumber')}</dt>
        <dd>{job.number}</dd>
        <dt>{t('review.customer')}</dt>
        <dd>
          {or(customer.name)}
          {customer.phone && <span className="review-aside">{customer.phone}</span>}
        </dd>
        <dt>{t('review.vehicle')}</dt>
        <dd>
          <strong className="review-plate">{or(vehicle.plate)}</strong>
          {vehicle.model && <span className="review-aside">{vehicle.model}</span>}
          {vehicle.vin && <span className="review-aside review-vin">VIN {vehicle.vin}</span>}
        </dd>
      </dl>
    </section>
  );
}
