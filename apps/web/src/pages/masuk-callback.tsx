import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get } from '../api/http';
import { setSession } from '../auth/session';

type OidcConfig = { mode: 'oidc'; issuer: string; clientId: string; scope: string; audience: string; redirectPath: string };

/** The identity provider sends the user back here with a code; it is exchanged (with the PKCE verifier) for a token. */
export function MasukCallbackPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    (async () => {
      const config = await get<OidcConfig>('/api/auth/config');
      const { completeOidcSignIn } = await import('../auth/oidc');
      const signedIn = await completeOidcSignIn(config, window.location.href);
      const session = setSession(signedIn.accessToken);
      const next = sessionStorage.getItem('mutasi.after-sign-in');
      sessionStorage.removeItem('mutasi.after-sign-in');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : session.user.roles.every((r) => r === 'PNS') ? '/saya' : '/', { replace: true });
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [navigate]);
  return (
    <div className="page narrow">
      <h1>Masuk</h1>
      {error ? (
        <p role="alert" className="problem">
          Gagal masuk: {error}
        </p>
      ) : (
        <p>Menyelesaikan proses masuk…</p>
      )}
    </div>
  );
}
