import type { ReactElement } from 'react';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { hasRole } from './auth/session';
import { useSession } from './auth/use-session';
import { Layout } from './components/layout';
import { RequireSession } from './components/require-session';
import { AdminPage } from './pages/admin';
import { CasePage } from './pages/case/case-page';
import { InspeksiPage } from './pages/inspeksi';
import { KasusBaruPage } from './pages/kasus-baru';
import { KasusListPage } from './pages/kasus-list';
import { KotakMasukPage } from './pages/kotak-masuk';
import { KriteriaPage } from './pages/kriteria';
import { MasukPage } from './pages/masuk';
import { MasukCallbackPage } from './pages/masuk-callback';
import { SayaPage } from './pages/saya';

// The charts library is the largest part of the app: loaded only when the dashboard is opened.
const DasborPage = lazy(() => import('./pages/dasbor').then((m) => ({ default: m.DasborPage })));

function Home() {
  const session = useSession();
  if (session && session.user.roles.every((r) => r === 'PNS')) return <Navigate to="/saya" replace />;
  if (hasRole(session, 'ADMIN') && session?.user.roles.length === 1) return <Navigate to="/admin" replace />;
  return <KotakMasukPage />;
}

const guarded = (page: ReactElement) => <RequireSession>{page}</RequireSession>;

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/masuk" element={<MasukPage />} />
        <Route path="/masuk/callback" element={<MasukCallbackPage />} />
        <Route path="/" element={guarded(<Home />)} />
        <Route path="/kasus" element={guarded(<KasusListPage />)} />
        <Route path="/kasus/baru" element={guarded(<KasusBaruPage />)} />
        <Route path="/kasus/:caseId" element={guarded(<CasePage />)} />
        <Route path="/saya" element={guarded(<SayaPage />)} />
        <Route path="/inspeksi" element={guarded(<InspeksiPage />)} />
        <Route
          path="/dasbor"
          element={guarded(
            <Suspense fallback={<p>Memuat dasbor…</p>}>
              <DasborPage />
            </Suspense>,
          )}
        />
        <Route path="/admin" element={guarded(<AdminPage />)} />
        <Route path="/kriteria" element={guarded(<KriteriaPage />)} />
        <Route
          path="*"
          element={
            <div className="page">
              <h1>Halaman tidak ditemukan</h1>
              <p>Alamat ini tidak ada di Mutasi.</p>
            </div>
          }
        />
      </Route>
    </Routes>
  );
}
