import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { batchState, forgetBatch, subscribeBatches, type BatchState } from '../photos/photo-batches.ts';

/** The photo batch of one target (photos/photo-batches.ts); its messages go with the component. */
export function usePhotoBatch(key: string): BatchState {
  const current = useCallback(() => batchState(key), [key]);
  const state = useSyncExternalStore(subscribeBatches, current, current);
  useEffect(() => () => forgetBatch(key), [key]);
  return state;
}
