import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { agencyName, useAgencies } from '../api/agencies';
import { get, query } from '../api/http';
import { CaseListItem } from '../api/types';
import { hasRole } from '../auth/session';
import { useSession } from '../auth/use-session';
import { CodeLabel } from '../components/code-label';
import { ProblemView } from '../components/problem-view';
import { formatInstant } from '../i18n/format';
import { ROUTES, STAGES, STATUSES, label } from '../i18n/labels';

const options = (table: Record<string, string>) => [{ value: '', label: 'Semua' }, ...Object.entries(table).map(([value, text]) => ({ value, label: `${text} (${value})` }))];

/** Kasus: search by NIP, name or case id, filter by stage, status, route and agency, 50 a page. */
export function KasusListPage() {
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const session = useSession();
  const agencies = useAgencies();
  const filter = { q: params.get('q'), stage: params.get('stage'), status: params.get('status'), route: params.get('route'), agencyId: params.get('agencyId') };
  const cursor = cursors.at(-1);
  const list = useQuery({
    queryKey: ['cases', filter, cursor],
    queryFn: () => get<{ items: CaseListItem[]; nextCursor: string | null }>(`/api/dashboard/cases${query({ ...filter, cursor })}`),
  });

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['q', 'stage', 'status', 'route', 'agencyId']) {
      const v = form.get(key);
      if (typeof v === 'string' && v !== '') next.set(key, v);
    }
    setCursors([]);
    setParams(next);
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>Kasus</h1>
        {hasRole(session, 'PENGUSUL') ? (
          <Link className="btn btn-primary" to="/kasus/baru">
            Buka kasus baru
          </Link>
        ) : null}
      </div>
      <form className="filters" onSubmit={search} role="search" aria-label="Cari kasus">
        <div className="field">
          <label htmlFor="f-q">NIP, nama, atau id kasus</label>
          <input id="f-q" name="q" defaultValue={filter.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-stage">Tahap</label>
          <select id="f-stage" name="stage" defaultValue={filter.stage ?? ''}>
            {options(STAGES).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" name="status" defaultValue={filter.status ?? ''}>
            {options(STATUSES).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-route">Jalur</label>
          <select id="f-route" name="route" defaultValue={filter.route ?? ''}>
            {options(ROUTES).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-agency">Instansi</label>
          <select id="f-agency" name="agencyId" defaultValue={filter.agencyId ?? ''}>
            <option value="">Semua yang boleh saya baca</option>
            {[...agencies.values()].map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary">
          Cari
        </button>
      </form>
      <ProblemView error={list.error} />
      {list.data ? (
        <>
          <div className="table-wrap">
            <table>
              <caption>{list.data.items.length} kasus di halaman ini</caption>
              <thead>
                <tr>
                  <th scope="col">Kasus</th>
                  <th scope="col">Pegawai</th>
                  <th scope="col">Jabatan tujuan</th>
                  <th scope="col">Jalur</th>
                  <th scope="col">Status</th>
                  <th scope="col">Diperbarui</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.caseId}>
                    <td>
                      <Link to={`/kasus/${c.caseId}`}>Kasus {c.caseId.slice(0, 8)}</Link>
                      <br />
                      <small>{label(STAGES, c.stage)}</small>
                    </td>
                    <td>
                      {c.candidate ? (
                        <>
                          {c.candidate.name}
                          <br />
                          <small>NIP {c.candidate.nip}</small>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {c.position ?? c.targetPositionId}
                      <br />
                      <small>{agencyName(agencies, c.targetAgencyId)}</small>
                    </td>
                    <td>
                      <CodeLabel table={ROUTES} code={c.route} />
                    </td>
                    <td>
                      <CodeLabel table={STATUSES} code={c.status} />
                    </td>
                    <td>{formatInstant(c.updatedAt, agencies.get(c.targetAgencyId)?.timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" className="btn btn-secondary" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
              Halaman sebelumnya
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={!list.data.nextCursor}
              onClick={() => list.data.nextCursor && setCursors([...cursors, list.data.nextCursor])}
            >
              Halaman berikutnya
            </button>
          </div>
        </>
      ) : list.isLoading ? (
        <p>Memuat…</p>
      ) : null}
    </div>
  );
}
