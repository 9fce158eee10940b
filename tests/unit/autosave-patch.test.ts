// The form's autosave patches the card by the reducer's own list of parts that merge key by
// key (KEYED_CARD_PARTS): one key of such a part is sent alone, and the reducer keeps its
// other keys; every other part is sent whole.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { patchFor } from '../../src/features/checkin/hooks/use-autosave.ts';
import { KEYED_CARD_PARTS, mergeCard } from '../../src/shared/apply-mutation.ts';
import { emptyCard, type Card } from '../../src/shared/job.ts';

const FITTED = '2026-11-27T09:02:00+08:00';

describe('patchFor', () => {
  it.each([
    ['covers.seat', FITTED, { covers: { seat: FITTED } }],
    ['warningLights.abs', true, { warningLights: { abs: true } }],
    ['belongings.jack', false, { belongings: { jack: false } }],
    ['serviceTypes.repair', true, { serviceTypes: { repair: true } }],
    ['customer.name', '王先生', { customer: { name: '王先生' } }],
    ['vehicle.plate', '粤b 12345', { vehicle: { plate: '粤B12345' } }],
  ])('sends %s alone, as one key of its part', (path, value, patch) => {
    expect(patchFor(path, value)).toEqual(patch);
  });

  it('covers every part the reducer merges key by key', () => {
    const sent = ['covers.seat', 'warningLights.abs', 'belongings.jack', 'serviceTypes.repair', 'customer.name', 'vehicle.plate'];
    expect(new Set(sent.map((path) => path.split('.')[0]))).toEqual(new Set(KEYED_CARD_PARTS));
  });

  it.each([
    ['fuel', { kind: 'gauge', eighths: 6 }, { fuel: { kind: 'gauge', eighths: 6 } }],
    ['odometerKm', 12345, { odometerKm: 12345 }],
    ['customerRequest', '异响', { customerRequest: '异响' }],
  ])('sends %s whole', (path, value, patch) => {
    expect(patchFor(path, value)).toEqual(patch);
  });

  it('refuses a value the draft schema refuses, so it is not saved', () => {
    expect(patchFor('odometerKm', '12a')).toBeNull();
  });

  it('gives a patch the reducer merges without touching the part’s other keys', () => {
    const card: Card = { ...emptyCard(), covers: { floorMat: FITTED } };
    const patch = patchFor('covers.seat', FITTED);
    if (!patch) throw new Error('no patch for covers.seat');
    expect(mergeCard(card, patch).covers).toEqual({ floorMat: FITTED, seat: FITTED });
  });
});
