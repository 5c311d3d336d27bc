import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, ok } from '../api/client';
import { CodeLabel } from '../components/code-label';
import { ProblemView } from '../components/problem-view';
import { formatInstant } from '../i18n/format';
import { ROUTES, STAGES, STATUSES } from '../i18n/labels';

/** Mutasi saya: the employee's own cases; each opens the case page, where they acknowledge, object or upload. */
export function SayaPage() {
  const mine = useQuery({ queryKey: ['me', 'cases'], queryFn: () => ok(api.GET('/api/me/cases')) });
  return (
    <div className="page">
      <h1>Mutasi saya</h1>
      <p>
        Usulan mutasi yang menyebut Anda sebagai pegawai. Buka kasus untuk membaca alasannya, peringkat Anda, dan untuk menerima atau mengajukan keberatan.{' '}
        <Link to="/kriteria">Kriteria merit yang berlaku</Link>.
      </p>
      <ProblemView error={mine.error} />
      {mine.data && mine.data.items.length === 0 ? <p className="empty">Tidak ada usulan mutasi untuk Anda.</p> : null}
      <ul className="task-list">
        {mine.data?.items.map((c) => (
          <li key={c.caseId} className="task">
            <div className="task-head">
              <Link to={`/kasus/${c.caseId}`}>
                {c.position ?? c.targetPositionId} · {c.targetAgencyId}
              </Link>
            </div>
            <div className="task-meta">
              <CodeLabel table={STATUSES} code={c.status} /> · {STAGES[c.stage] ?? c.stage} · <CodeLabel table={ROUTES} code={c.route} />
            </div>
            <div className="task-meta">Dibuka {formatInstant(c.openedAt)}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
