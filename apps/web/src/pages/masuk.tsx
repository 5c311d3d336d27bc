import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiProblem, get, request } from '../api/http';
import { setSession } from '../auth/session';
import { ProblemView } from '../components/problem-view';
import { ROLES, label } from '../i18n/labels';

interface DemoUser {
  userId: string;
  name: string;
  agencyId: string;
  roles: string[];
  title?: string;
  nip?: string;
}
type AuthConfig = { mode: 'dev' } | { mode: 'none' } | { mode: 'oidc'; issuer: string; clientId: string; scope: string; audience: string; redirectPath: string };

/** Where a signed-in user lands: back where they were sent from, else their inbox (employees: their own cases). */
function landing(next: string | null, roles: readonly string[]): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/masuk')) return next;
  return roles.length === 1 && roles[0] === 'PNS' ? '/saya' : '/';
}

function DemoUsers({ onSignedIn }: { onSignedIn: (roles: readonly string[]) => void }) {
  const users = useQuery({ queryKey: ['dev-users'], queryFn: () => get<DemoUser[]>('/api/dev/users') });
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  if (users.isLoading) return <p>Memuat pengguna demo…</p>;
  if (users.error) return <ProblemView error={users.error} />;
  const shown = (users.data ?? []).filter((u) => filter === '' || `${u.userId} ${u.name} ${u.agencyId}`.toLowerCase().includes(filter.toLowerCase()));
  const byAgency = new Map<string, DemoUser[]>();
  for (const u of shown) byAgency.set(u.agencyId, [...(byAgency.get(u.agencyId) ?? []), u]);
  async function signIn(userId: string) {
    setError(null);
    try {
      const { body } = await request<{ token: string }>('POST', '/api/dev/token', { body: { userId } });
      onSignedIn(setSession(body.token).user.roles);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <>
      <p>Mode demo: pilih pengguna untuk masuk. Setiap tombol memuat id pengguna.</p>
      <div className="field">
        <label htmlFor="cari-pengguna">Cari pengguna</label>
        <input id="cari-pengguna" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="nama, id, atau instansi" />
      </div>
      <ProblemView error={error} />
      {[...byAgency.entries()].map(([agency, list]) => (
        <section key={agency} className="card">
          <h2>{agency}</h2>
          <ul className="user-list">
            {list.map((u) => (
              <li key={u.userId}>
                <button type="button" className="btn btn-secondary user-button" onClick={() => signIn(u.userId)}>
                  <strong>{u.name}</strong> <span>{u.roles.map((r) => label(ROLES, r)).join(', ')}</span> <code>{u.userId}</code>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Masuk: demo users in standalone mode, the agency's identity provider (OpenID Connect) in production. */
export function MasukPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const config = useQuery({
    queryKey: ['auth-config'],
    queryFn: async () => {
      try {
        return await get<AuthConfig>('/api/auth/config');
      } catch (e) {
        if (e instanceof ApiProblem && e.problem.status === 404) return { mode: 'dev' } as AuthConfig;
        throw e;
      }
    },
  });
  const [error, setError] = useState<unknown>(null);
  const done = (roles: readonly string[]) => navigate(landing(params.get('lanjut'), roles));
  return (
    <div className="page narrow">
      <h1>Masuk</h1>
      {config.data?.mode === 'oidc' ? (
        <section className="card">
          <p>Masuk dengan akun instansi Anda.</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={async () => {
              try {
                const { beginOidcSignIn } = await import('../auth/oidc');
                sessionStorage.setItem('mutasi.after-sign-in', params.get('lanjut') ?? '');
                await beginOidcSignIn(config.data as Extract<AuthConfig, { mode: 'oidc' }>);
              } catch (e) {
                setError(e);
              }
            }}
          >
            Masuk dengan SSO instansi
          </button>
          <ProblemView error={error} />
        </section>
      ) : config.data?.mode === 'dev' ? (
        <DemoUsers onSignedIn={done} />
      ) : config.data ? (
        <section className="card">
          <p>Server ini belum dihubungkan ke penyedia identitas instansi (OpenID Connect), dan masuk demo hanya ada di mode mandiri.</p>
          <p>
            Di mode terdistribusi, buka <a href="/masuk-token">halaman masuk dengan token</a> dan tempel token dari berkas yang dicetak peluncur; di produksi, minta pengelola
            mengatur <code>OIDC_ISSUER</code> dan <code>OIDC_CLIENT_ID</code>.
          </p>
        </section>
      ) : config.error ? (
        <ProblemView error={config.error} />
      ) : (
        <p>Memuat…</p>
      )}
    </div>
  );
}
