import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { agencyName, useAgencies, zoneOf } from '../api/agencies';
import { api, ok } from '../api/client';
import { CodeLabel } from '../components/code-label';
import { ProblemView } from '../components/problem-view';
import { formatDate } from '../i18n/format';
import { ROLES, ROUTES, TASK_KINDS } from '../i18n/labels';

/** Kotak masuk: every task waiting for me, overdue first, each a link to its case. */
export function KotakMasukPage() {
  // The inbox is a projection that catches up in the background: it is read again every half minute.
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => ok(api.GET('/api/dashboard/inbox')), refetchInterval: 30_000 });
  const agencies = useAgencies();
  return (
    <div className="page">
      <h1>Kotak masuk</h1>
      {inbox.error ? <ProblemView error={inbox.error} /> : null}
      {inbox.isLoading ? <p>Memuat tugas…</p> : null}
      {inbox.data && inbox.data.length === 0 ? <p className="empty">Tidak ada tugas yang menunggu Anda.</p> : null}
      {inbox.data && inbox.data.length > 0 ? (
        <>
          <p>
            {inbox.data.length} tugas, {inbox.data.filter((i) => i.overdue).length} lewat tenggat.
          </p>
          <ul className="task-list" aria-label="Tugas">
            {inbox.data.map((t) => (
              <li key={`${t.caseId}/${t.taskId}/${t.role}`} className={t.overdue ? 'task overdue' : 'task'}>
                <div className="task-head">
                  <Link to={`/kasus/${t.caseId}`}>{t.title}</Link>
                  {t.overdue ? <span className="badge tone-bad">Lewat tenggat</span> : null}
                  {t.escalations > 0 ? <span className="badge tone-warn">Eskalasi {t.escalations}× (R-30)</span> : null}
                </div>
                <div className="task-meta">
                  <CodeLabel table={TASK_KINDS} code={t.kind} /> · sebagai <CodeLabel table={ROLES} code={t.role} /> · {agencyName(agencies, t.agencyId)}
                </div>
                <div className="task-meta">
                  {t.candidate ?? 'kandidat belum diusulkan'} → {t.position ?? '—'}{' '}
                  {t.route ? (
                    <>
                      · <CodeLabel table={ROUTES} code={t.route} />
                    </>
                  ) : null}
                </div>
                <div className="task-meta">Tenggat: {t.deadline ? `${formatDate(t.deadline)} (${zoneOf(agencies, t.agencyId)})` : 'tidak ada'}</div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
