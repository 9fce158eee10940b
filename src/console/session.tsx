// The signed-in console user, for every page: who, which store, which role.
import { createContext, useContext } from 'react';
import type { ConsoleSession } from '../shared/console/session-api.ts';

export const SessionContext = createContext<ConsoleSession | null>(null);

export function useConsoleSession(): ConsoleSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useConsoleSession outside a signed-in console');
  return session;
}
