import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../auth/use-session';

/** Pages behind sign-in: without a session the user goes to Masuk, and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/masuk?lanjut=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
