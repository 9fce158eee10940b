// The store's default estimate terms (旧件, 结账方式, 洗车, hours to 交车), offered one tap away
// when a term is still empty. Only the empty terms are filled: a term the advisor chose with
// the customer is never overwritten by a default.
import type { StoreDefaults } from '../../db/store-profile.ts';
import type { Estimate, EstimateFields } from '../../shared/estimate.ts';
import { unsetEstimateTerms } from '../../shared/hand-over-checks.ts';
import { DEFAULT_TIME_ZONE, nowIso } from '../../shared/local-time.ts';

const HALF_HOUR_MS = 30 * 60_000;

/**
 * 交车时间 `hours` from now, rounded up to the next half hour on the shop's clock: a customer is
 * told "14:30", not "14:07", and a promise is never earlier than the store's default allows.
 * (Shanghai's offset is whole hours, so half hours of the instant are half hours of its clock.)
 */
export function defaultPromisedAt(now: Date, hours: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const due = now.getTime() + hours * 3_600_000;
  return nowIso(new Date(Math.ceil(due / HALF_HOUR_MS) * HALF_HOUR_MS), timeZone);
}

/** The fields the defaults fill: exactly the terms still empty, nothing else. */
export function fillEmptyTerms(estimate: Pick<Estimate, keyof EstimateFields | 'lines'>, defaults: StoreDefaults, now: Date): Partial<EstimateFields> {
  const fields: Partial<EstimateFields> = {};
  for (const term of unsetEstimateTerms(estimate)) {
    switch (term) {
      case 'promisedAt':
        fields.promisedAt = defaultPromisedAt(now, defaults.promisedInHours);
        break;
      case 'oldParts':
        fields.oldParts = defaults.oldParts;
        break;
      case 'payment':
        fields.payment = defaults.payment;
        break;
      case 'carWash':
        fields.carWash = defaults.carWash;
        break;
      default: {
        const unknown: never = term;
        throw new Error(`Unknown estimate term ${String(unknown)}`);
      }
    }
  }
  return fields;
}
