import { useSyncExternalStore } from 'react';
import { currentSession, onSessionChange, Session } from './session';

let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function snapshot(): Session | null {
  const raw = sessionStorage.getItem('mutasi.session');
  if (raw !== cached.raw) cached = { raw, session: currentSession() };
  return cached.session;
}

/** The signed-in user, re-rendering when they sign in or out. */
export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, snapshot);
}
