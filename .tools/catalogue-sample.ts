// Rewrites src/shared/catalogue-sample.ts with every item's initials recomputed by pinyin-pro,
// keeping codes, names, units and prices as they are in the file. Run it after editing a name
// (`npx tsx .tools/catalogue-sample.ts`); tests/unit/catalogue-sample.test.ts fails until you do.
// The app never computes the sample's initials: they ship as data.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { initialsWith } from '../src/shared/catalogue-initials.ts';
import type { CatalogueItem } from '../src/shared/catalogue.ts';
import { SAMPLE_CATALOGUE } from '../src/shared/catalogue-sample.ts';

const target = fileURLToPath(new URL('../src/shared/catalogue-sample.ts', import.meta.url));

const HEADER = `// The sample labour and parts catalogue (工时/配件目录) a tablet starts with: common maintenance
// and repair items of a 4S store, at typical list prices in 分. A store replaces or extends it by
// CSV import. Plain data: the initials were computed by .tools/catalogue-sample.ts (pinyin-pro),
// so the first screen never loads the pinyin dictionary.
import type { CatalogueItem } from './catalogue.ts';

export const SAMPLE_CATALOGUE: CatalogueItem[] = [
`;

// A labour item's usual parts (带料工时) stay as they are in the file.
const partsLiteral = (item: CatalogueItem) =>
  item.parts ? `, parts: [${item.parts.map((part) => `{ code: '${part.code}', quantityMilli: ${part.quantityMilli} }`).join(', ')}]` : '';

const literal = (item: CatalogueItem) =>
  `  { code: '${item.code}', kind: '${item.kind}', name: '${item.name}', initials: '${item.initials}', unit: '${item.unit}', unitPriceFen: ${item.unitPriceFen}${partsLiteral(item)} },`;

export async function main(items: readonly CatalogueItem[] = SAMPLE_CATALOGUE): Promise<void> {
  for (const item of items)
    for (const value of [item.code, item.name, item.unit])
      if (/['\\\n]/.test(value)) throw new Error(`${item.code}: quote, backslash or line break in "${value}"`);
  const lines = items.map((item) => literal({ ...item, initials: initialsWith(pinyin, item.name) }));
  await writeFile(target, `${HEADER}${lines.join('\n')}\n];\n`);
  console.log(`${items.length} items written to ${target}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
