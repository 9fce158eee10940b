// The labour and parts catalogue, loaded from IndexedDB once per app session and indexed for
// search, kept at module level so that re-opening the 估价单 step is instant. Works offline:
// the catalogue lives on the tablet (the sample one is seeded on first use).
import { ensureSampleCatalogue, loadCatalogue } from '../../db/catalogue-repo.ts';
import { db } from '../../db/instance.ts';
import { errorText } from '../../shared/error-text.ts';
import type { CatalogueItem } from '../../shared/catalogue.ts';
import { createCatalogueIndex, type CatalogueIndex } from '../../shared/catalogue-search.ts';

export type CatalogueState =
  | { status: 'loading' }
  | { status: 'ready'; count: number; index: CatalogueIndex; byCode: ReadonlyMap<string, CatalogueItem> }
  | { status: 'failed'; reason: string };

let state: CatalogueState = { status: 'loading' };
let started = false;
// Each load gets a number; only the newest may publish, so a slow first load cannot
// overwrite the catalogue just imported.
let generation = 0;
const listeners = new Set<() => void>();

function publish(next: CatalogueState): void {
  state = next;
  for (const listener of listeners) listener();
}

async function load(): Promise<void> {
  const mine = ++generation;
  try {
    await ensureSampleCatalogue(db);
    const items = await loadCatalogue(db);
    const byCode = new Map<string, CatalogueItem>();
    for (const item of items) if (!byCode.has(item.code)) byCode.set(item.code, item);
    if (mine === generation) publish({ status: 'ready', count: items.length, index: createCatalogueIndex(items), byCode });
  } catch (e) {
    if (mine === generation) publish({ status: 'failed', reason: errorText(e) });
  }
}

/** Starts the one load of this session; later calls do nothing. */
export function startCatalogue(): void {
  if (started) return;
  started = true;
  void load();
}

/**
 * Reads the catalogue again, after an import or to retry a failed load. The old index keeps
 * answering searches until the new one is ready, so the picker never goes blank.
 */
export function reloadCatalogue(): Promise<void> {
  started = true;
  if (state.status === 'failed') publish({ status: 'loading' });
  return load();
}

export function subscribeCatalogue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function catalogueSnapshot(): CatalogueState {
  return state;
}
