// Browser side of the pure catalogue search timing: the app's src/shared/catalogue-search.ts
// over the same 20,000 items the built app was given, searched with exactly the strings the
// search box held after each keystroke, timed with performance.now(). For information next
// to the per-keystroke figure: how much of it is search() itself.
import type { CatalogueItem } from '../../src/shared/catalogue.ts';
import { createCatalogueIndex, type CatalogueIndex } from '../../src/shared/catalogue-search.ts';
import type { CatalogueBenchApi } from './bench-api.ts';

let index: CatalogueIndex | null = null;

const catalogueBench: CatalogueBenchApi = {
  build(items: CatalogueItem[]) {
    const start = performance.now();
    index = createCatalogueIndex(items);
    return { ms: performance.now() - start, size: index.size };
  },

  search(queries, limit, repeats, warmup) {
    const current = index;
    if (!current) throw new Error('call catalogueBench.build() first');
    for (let i = 0; i < warmup; i++) for (const query of queries) current.search(query, limit);
    // Each query timed `repeats` times, interleaved, and the median kept: one GC pause must
    // not become one query's figure.
    const samples = queries.map(() => [] as number[]);
    for (let r = 0; r < repeats; r++) {
      queries.forEach((query, i) => {
        const start = performance.now();
        current.search(query, limit);
        samples[i]?.push(performance.now() - start);
      });
    }
    return queries.map((query, i) => {
      const sorted = [...(samples[i] ?? [])].sort((a, b) => a - b);
      return { query, ms: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, hits: current.search(query, limit).length };
    });
  },
};

window.catalogueBench = catalogueBench;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
