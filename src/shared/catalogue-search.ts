// Search over the labour and parts catalogue as the advisor types: by code, by Chinese name,
// by pinyin initials (jylq → 机油滤清器). Pure and synchronous, so it works offline and answers
// each keystroke without waiting on storage.
//
// Why in memory and not an IndexedDB index: the common query is a substring of a Chinese name
// (刹车片 inside 前刹车片), and IndexedDB indexes only answer prefix ranges of whole keys; a
// word-level multi-entry index would need a Chinese word splitter and still miss partial
// words. 20,000 items are a few MB as strings, loaded once; one pass of `includes` over them
// takes a few milliseconds, where any IndexedDB query pays a transaction and a structured
// clone per row it returns.
import type { CatalogueItem } from './catalogue.ts';

export type CatalogueIndex = {
  readonly size: number;
  /**
   * Items matching every whitespace-separated term of `query`, best first: exact code, code
   * prefix, initials prefix, name prefix, then any substring; ties in code order. A term
   * matches a code by prefix (with or without its dashes: p10021 finds P-10021), and the name
   * or the initials anywhere. An empty query has no results.
   */
  search(query: string, limit?: number): CatalogueItem[];
};

const EXACT_CODE = 0;
const CODE_PREFIX = 1;
const INITIALS_PREFIX = 2;
const NAME_PREFIX = 3;
const SUBSTRING = 4;
const RANKS = 5;

/** Case and width folding shared by the index and the query: ＡＢ、Ab → ab. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Code order as IndexedDB keeps it (UTF-16 code units), not locale order: stable everywhere. */
const byCode = (a: CatalogueItem, b: CatalogueItem) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function createCatalogueIndex(items: readonly CatalogueItem[]): CatalogueIndex {
  const sorted = [...items].sort(byCode);
  const size = sorted.length;
  // Parallel arrays of precomputed lowercase strings: the search loop touches only these.
  const codes: string[] = new Array<string>(size);
  const bareCodes: string[] = new Array<string>(size);
  const names: string[] = new Array<string>(size);
  const initials: string[] = new Array<string>(size);
  // Name and initials in one haystack; the line break keeps a term from matching across both.
  const haystacks: string[] = new Array<string>(size);
  for (let i = 0; i < size; i++) {
    const item = sorted[i] as CatalogueItem;
    const code = fold(item.code);
    codes[i] = code;
    bareCodes[i] = code.replace(/[^a-z0-9]/g, '');
    names[i] = fold(item.name);
    initials[i] = fold(item.initials);
    haystacks[i] = `${names[i]}\n${initials[i]}`;
  }

  function search(query: string, limit = 30): CatalogueItem[] {
    const terms = fold(query).split(/\s+/).filter(Boolean);
    const first = terms[0];
    if (first === undefined || limit <= 0) return [];
    const termCount = terms.length;
    // Items are in code order, so each rank's first `limit` hits are its best; no sort needed.
    const buckets: CatalogueItem[][] = Array.from({ length: RANKS }, () => []);

    outer: for (let i = 0; i < size; i++) {
      const code = codes[i] as string;
      const bare = bareCodes[i] as string;
      const haystack = haystacks[i] as string;
      for (let t = 0; t < termCount; t++) {
        const term = terms[t] as string;
        if (!code.startsWith(term) && !bare.startsWith(term) && !haystack.includes(term)) continue outer;
      }
      // The first term ranks: it is what the advisor typed first, and what they are looking at.
      let rank = SUBSTRING;
      if (code === first || bare === first) rank = EXACT_CODE;
      else if (code.startsWith(first) || bare.startsWith(first)) rank = CODE_PREFIX;
      else if ((initials[i] as string).startsWith(first)) rank = INITIALS_PREFIX;
      else if ((names[i] as string).startsWith(first)) rank = NAME_PREFIX;
      const bucket = buckets[rank] as CatalogueItem[];
      if (bucket.length < limit) bucket.push(sorted[i] as CatalogueItem);
    }
    return buckets.flat().slice(0, limit);
  }

  return { size, search };
}
