// When a plate or VIN already appears on an earlier card of this tablet, the customer and
// vehicle fields are filled from it (empty fields only, all still editable): a returning
// customer should not be typed in twice while they stand at the desk.
import { useCallback, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { db } from '../../../db/instance.ts';
import { earlierVisits } from '../../../db/job-queries.ts';
import type { Card } from '../../../shared/job.ts';
import { normalizePlate } from '../../../shared/plate.ts';
import { normalizeVin } from '../../../shared/vin.ts';

const COPIED = [
  'customer.name',
  'customer.phone',
  'customer.company',
  'vehicle.plate',
  'vehicle.vin',
  'vehicle.model',
  'vehicle.color',
  'vehicle.engineNo',
] as const;

export function usePrefill(jobId: string) {
  const { getValues, setValue } = useFormContext<Card>();
  const [filledFrom, setFilledFrom] = useState<string | null>(null);

  const prefill = useCallback(async () => {
    const plate = normalizePlate(getValues('vehicle.plate'));
    const vin = normalizeVin(getValues('vehicle.vin'));
    const [previous] = await earlierVisits(db, { plate, vin }, jobId);
    if (!previous) return;
    let filled = false;
    for (const path of COPIED) {
      const [section, key] = path.split('.') as ['customer' | 'vehicle', string];
      const value = (previous.card[section] as Record<string, unknown>)[key];
      if (typeof value === 'string' && value && !getValues(path)) {
        setValue(path, value, { shouldValidate: true });
        filled = true;
      }
    }
    if (filled) setFilledFrom(previous.number);
  }, [getValues, jobId, setValue]);

  return { prefill, filledFrom };
}
