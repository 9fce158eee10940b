import { useEffect, useReducer, useRef } from 'react';
import type { WalkaroundDb } from '../../db/database.ts';
import { loadDb, type DeferredDb } from './deferred-db.ts';

export type DbQuery<T> = (db: WalkaroundDb) => Promise<T> | T;

/**
 * dexie-react-hooks' useLiveQuery for the first screen's modules, with Dexie loaded on demand
 * (deferred-db.ts): undefined until the query first answers, then its latest answer, kept while
 * a new query starts; an error is thrown to the render, as useLiveQuery does. `query` null: not
 * yet (nothing is loaded). A new `query` function is a new query: give a stable one
 * (module-level, or useCallback with its inputs).
 */
export function useDeferredLiveQuery<T>(query: DbQuery<T> | null): T | undefined {
  const state = useRef<{ value: T | undefined; error: unknown }>({ value: undefined, error: null });
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    if (!query) return;
    let ended = false;
    let subscription: { unsubscribe: () => void } | null = null;
    const fail = (error: unknown) => {
      if (ended) return;
      state.current = { ...state.current, error };
      rerender();
    };
    // In a task of its own, so the rest of this commit (the list's own effects) runs first.
    const start = setTimeout(() => loadDb().then(subscribe, fail), 0);
    const subscribe = ({ db, liveQuery }: DeferredDb) => {
      if (ended) return;
      subscription = liveQuery(() => query(db)).subscribe({
        next: (value) => {
          if (state.current.error === null && Object.is(state.current.value, value)) return;
          state.current = { value, error: null };
          rerender();
        },
        error: fail,
      });
    };
    return () => {
      ended = true;
      clearTimeout(start);
      subscription?.unsubscribe();
    };
  }, [query]);

  if (state.current.error !== null) throw state.current.error;
  return state.current.value;
}
