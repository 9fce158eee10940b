import { useEffect, useSyncExternalStore } from 'react';
import { catalogueSnapshot, startCatalogue, subscribeCatalogue, type CatalogueState } from '../catalogue-store.ts';

/** The session's catalogue and its search index, loading it on first use. */
export function useCatalogue(): CatalogueState {
  const state = useSyncExternalStore(subscribeCatalogue, catalogueSnapshot);
  useEffect(() => startCatalogue(), []);
  return state;
}
