import { useSyncExternalStore } from 'react';
import { customerLock, type CustomerLock } from '../customer-lock.ts';

/** The customer-mode lock of this tablet, or null when the advisor has the app. */
export function useCustomerLock(): CustomerLock | null {
  return useSyncExternalStore(customerLock.subscribe, customerLock.getSnapshot, customerLock.getSnapshot);
}
