// 按上次项目: the returning car's last estimate offered again, line by line, at today's
// catalogue prices. Pure, so the step and its tests apply the same rule; what cannot come
// back (a code gone from the catalogue, a typed line, a code already on this estimate) is
// listed with why, never dropped silently.
import type { CatalogueItem } from '../../shared/catalogue.ts';
import type { EstimateLine, LineFields } from '../../shared/estimate.ts';

/** Why a line of the last visit is not added again. */
export type SkipReason = 'notInCatalogue' | 'typed' | 'onEstimate';
export type SkippedLine = { description: string; code: string; reason: SkipReason };
export type RepeatedLines = { add: LineFields[]; skipped: SkippedLine[] };

/**
 * The lines to add for the last visit's `lines` (live ones, in their order): the catalogue's
 * name, kind and price of today, last time's quantity, and no discount (a discount was agreed
 * for that visit, not for this one). A code twice on the last estimate comes back once.
 */
export function repeatLastLines(
  lines: readonly Pick<EstimateLine, 'code' | 'description' | 'quantityMilli'>[],
  byCode: ReadonlyMap<string, CatalogueItem>,
  presentCodes: ReadonlySet<string>,
): RepeatedLines {
  const add: LineFields[] = [];
  const skipped: SkippedLine[] = [];
  const taken = new Set(presentCodes);
  for (const line of lines) {
    const { code, description } = line;
    if (code === '') {
      skipped.push({ description, code, reason: 'typed' });
      continue;
    }
    if (taken.has(code)) {
      skipped.push({ description, code, reason: 'onEstimate' });
      continue;
    }
    const item = byCode.get(code);
    if (!item) {
      skipped.push({ description, code, reason: 'notInCatalogue' });
      continue;
    }
    taken.add(code);
    add.push({ kind: item.kind, code, description: item.name, quantityMilli: line.quantityMilli, unitPriceFen: item.unitPriceFen, discountBp: 0 });
  }
  return { add, skipped };
}
