// 下次保养: the next service told at handover, as a date and a mileage, whichever comes first.
// The default follows the work done: after a maintenance the usual interval of a Chinese 4S
// store's service plan (5,000 km or 6 months); after other work, the yearly check (10,000 km
// or 12 months). The advisor can change both.
import type { ServiceType } from './job.ts';

export type ServiceInterval = { months: number; km: number };

export const MAINTENANCE_INTERVAL: ServiceInterval = { months: 6, km: 5_000 };
export const YEARLY_INTERVAL: ServiceInterval = { months: 12, km: 10_000 };

export function serviceInterval(serviceTypes: Partial<Record<ServiceType, boolean>>): ServiceInterval {
  return serviceTypes.maintenance ? MAINTENANCE_INTERVAL : YEARLY_INTERVAL;
}

/**
 * The default next service from the handover day ("2026-12-07") and the mileage now. Months
 * are calendar months, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb).
 */
export function nextServiceDefaults(
  serviceTypes: Partial<Record<ServiceType, boolean>>,
  handoverDay: string,
  odometerKm: number | null,
): { date: string; km: number | null } {
  const { months, km } = serviceInterval(serviceTypes);
  return { date: addMonths(handoverDay, months), km: odometerKm === null ? null : odometerKm + km };
}

export function addMonths(day: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Expected a day as YYYY-MM-DD, got "${day}"`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}
