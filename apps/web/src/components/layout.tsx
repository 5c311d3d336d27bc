import { useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { get, request } from '../api/http';
import { clearSession, hasRole } from '../auth/session';
import { useSession } from '../auth/use-session';
import { ROLES, label } from '../i18n/labels';

interface Notifications {
  readonly unread: number;
  readonly items: readonly { id: string; title: string; body?: string; link?: string | null; read: boolean; createdAt: string }[];
}

/** The bell: unread count from the notifications API, the latest few in a list that marks them read when opened. */
function Bell() {
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: ['notifications'], queryFn: () => get<Notifications>('/api/notifications'), refetchInterval: 30_000, retry: false });
  if (!data) return null;
  return (
    <details className="bell">
      <summary aria-label={`Pemberitahuan: ${data.unread} belum dibaca`}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>{' '}
        <span className="bell-count">{data.unread}</span>
      </summary>
      <div className="bell-panel">
        <ul>
          {data.items.slice(0, 10).map((n) => (
            <li key={n.id} className={n.read ? '' : 'unread'}>
              {n.link ? <a href={n.link}>{n.title}</a> : n.title}
            </li>
          ))}
          {data.items.length === 0 ? <li>Belum ada pemberitahuan.</li> : null}
        </ul>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={async () => {
            await request('POST', '/api/notifications/read', { body: {} });
            await client.invalidateQueries({ queryKey: ['notifications'] });
          }}
        >
          Tandai semua dibaca
        </button>
      </div>
    </details>
  );
}

/** Every page's frame: a skip link, the navigation the user's roles can use, who is signed in, and the page. */
export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const official = session !== null && session.user.roles.some((r) => r !== 'PNS');
  const links = [
    { to: '/', label: 'Kotak masuk', show: session !== null, end: true },
    { to: '/kasus', label: 'Kasus', show: official && !hasRole(session, 'ADMIN') },
    { to: '/saya', label: 'Mutasi saya', show: hasRole(session, 'PNS') },
    { to: '/inspeksi', label: 'Inspeksi', show: hasRole(session, 'INSPEKTUR', 'KEPALA_BKN') },
    { to: '/dasbor', label: 'Dasbor', show: official && !hasRole(session, 'ADMIN') },
    { to: '/admin', label: 'Admin', show: hasRole(session, 'ADMIN') },
    { to: '/kriteria', label: 'Kriteria', show: session !== null },
  ];
  return (
    <>
      <a className="skip-link" href="#isi">
        Lewati ke isi
      </a>
      <header className="top">
        <div className="brand">Mutasi ASN</div>
        <nav aria-label="Menu utama">
          <ul>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        {session ? (
          <div className="who">
            <Bell />
            <span className="who-name">
              {session.user.name} · {session.user.roles.map((r) => label(ROLES, r)).join(', ')} · {session.user.agencyId}
            </span>
            <button
              type="button"
              className="btn btn-on-brand"
              onClick={() => {
                clearSession();
                navigate('/masuk');
              }}
            >
              Keluar
            </button>
          </div>
        ) : null}
      </header>
      <main id="isi" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
