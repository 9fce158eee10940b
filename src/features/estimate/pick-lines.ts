// One tap on a catalogue item: the lines it adds. A labour item that carries its usual parts
// (带料工时 / 套餐) adds itself and each part as its own line. Pure, so the picker, its row text
// and the tests apply the same rule: a part already on the estimate is not added twice (its
// quantity stays as the advisor left it), and a part this tablet's catalogue lacks is skipped
// and named, never dropped silently.
import type { CatalogueItem } from '../../shared/catalogue.ts';
import type { LineFields } from '../../shared/estimate.ts';

export type PickedLines = {
  /** The item's own line first, then its parts in the catalogue's order. */
  add: LineFields[];
  /** Parts of the item already on the estimate, left as they are. */
  kept: CatalogueItem[];
  /** Codes of parts this tablet's catalogue does not have (or has as labour). */
  missing: string[];
};

const lineOf = (item: CatalogueItem, quantityMilli: number): LineFields => ({
  kind: item.kind,
  code: item.code,
  description: item.name,
  quantityMilli,
  unitPriceFen: item.unitPriceFen,
  discountBp: 0,
});

/** Looks a part of `item` up; undefined when the catalogue has no part of that code. */
export function partItem(byCode: ReadonlyMap<string, CatalogueItem>, code: string): CatalogueItem | undefined {
  const part = byCode.get(code);
  return part?.kind === 'part' ? part : undefined;
}

export function pickLines(item: CatalogueItem, byCode: ReadonlyMap<string, CatalogueItem>, presentCodes: ReadonlySet<string>): PickedLines {
  const picked: PickedLines = { add: [lineOf(item, 1000)], kept: [], missing: [] };
  for (const { code, quantityMilli } of item.parts ?? []) {
    const part = partItem(byCode, code);
    if (!part) picked.missing.push(code);
    else if (presentCodes.has(code)) picked.kept.push(part);
    else picked.add.push(lineOf(part, quantityMilli));
  }
  return picked;
}
