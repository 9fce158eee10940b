// A card complete enough to check in (customer, vehicle, mileage, fuel, service type, the
// valuables reminder confirmed), for repo tests of what happens after check-in.
import type { CardPatch } from '../../../src/shared/job.ts';

export const COMPLETE_CARD = {
  customer: { name: '张伟', phone: '13812345678' },
  vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788', model: '凯美瑞' },
  odometerKm: 42_000,
  fuel: { kind: 'gauge', eighths: 4 },
  serviceTypes: { repair: true },
  valuablesConfirmedAt: '2026-11-27T09:00:00+08:00',
} as const satisfies CardPatch;
