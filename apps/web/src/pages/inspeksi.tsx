import type { ReactElement } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { get, query } from '../api/http';
import { CodeLabel } from '../components/code-label';
import { ProblemView } from '../components/problem-view';
import { formatInstant } from '../i18n/format';
import { EVENTS, ROLES } from '../i18n/labels';
import { LedgerCheck } from './ledger-check';

interface TrailItem {
  position: string;
  time: string | null;
  actor: { id: string; name: string | null; role: string; agencyId: string };
  type: string;
  what: string;
  justification: string | null;
  caseId: string;
  revision: number;
  eventId: string;
  hash: string;
}
interface Flag {
  flagId: string;
  ruleId: string;
  pattern: string;
  caseId: string | null;
  agencyId: string;
  actorId: string | null;
  raisedAt: string;
  reason: string;
}
interface Refusal {
  eventId: string;
  actor: { id: string; role: string; agencyId: string };
  command: string;
  caseId: string | null;
  status: number;
  code: string;
  ruleId: string | null;
  reason: string;
  time: string;
}

function Trail({ items }: { items: readonly TrailItem[] }) {
  if (items.length === 0) return <p>Tidak ada peristiwa.</p>;
  return (
    <ol className="timeline">
      {items.map((i) => (
        <li key={i.eventId}>
          <div>
            <strong>
              <CodeLabel table={EVENTS} code={i.type} />
            </strong>{' '}
            · <Link to={`/kasus/${i.caseId}`}>kasus {i.caseId.slice(0, 8)}</Link> rev. {i.revision}
          </div>
          <div>{i.what}</div>
          <div>
            {i.actor.name ?? i.actor.id} <code>{i.actor.id}</code> · <CodeLabel table={ROLES} code={i.actor.role} /> · {i.actor.agencyId} · {formatInstant(i.time)}
          </div>
          {i.justification ? <div className="why">“{i.justification}”</div> : null}
          <div>
            <small>
              hash <code className="hash">{i.hash}</code>
            </small>
          </div>
        </li>
      ))}
    </ol>
  );
}

function Section<T>({ title, path, render }: { title: string; path: string | null; render: (data: T) => ReactElement }) {
  const q = useQuery({ queryKey: ['audit', path], queryFn: () => get<T>(path as string), enabled: path !== null });
  if (path === null) return null;
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <ProblemView error={q.error} />
      {q.data ? render(q.data) : q.isLoading ? <p>Memuat…</p> : null}
    </section>
  );
}

/** Inspeksi: a case's trail, flags, refusals, one actor's actions, the election and inauguration windows, exports and the ledger check. */
export function InspeksiPage() {
  const [params, setParams] = useSearchParams();
  const caseId = params.get('kasus');
  const actorId = params.get('pelaku');
  const ruleId = params.get('aturan');

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['kasus', 'pelaku', 'aturan']) {
      const v = String(form.get(key) ?? '').trim();
      if (v) next.set(key, v);
    }
    setParams(next);
  }

  return (
    <div className="page">
      <h1>Inspeksi</h1>
      <form className="filters" onSubmit={submit} aria-label="Cari jejak">
        <div className="field">
          <label htmlFor="i-kasus">Id kasus</label>
          <input id="i-kasus" name="kasus" defaultValue={caseId ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="i-pelaku">Id pelaku (pengguna)</label>
          <input id="i-pelaku" name="pelaku" defaultValue={actorId ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="i-aturan">Tanda menurut aturan</label>
          <select id="i-aturan" name="aturan" defaultValue={ruleId ?? ''}>
            <option value="">Semua tanda</option>
            <option value="R-40">R-40 masa Pilkada</option>
            <option value="R-43">R-43 masa enam bulan setelah pelantikan</option>
            <option value="M-01">M-01 bukan peringkat terbaik</option>
            <option value="R-06">R-06 benturan kepentingan</option>
          </select>
        </div>
        <button type="submit" className="btn btn-primary">
          Tampilkan
        </button>
      </form>
      {caseId ? (
        <section className="card" aria-label="Catatan kasus">
          <h2>Verifikasi dan ekspor</h2>
          <LedgerCheck key={caseId} caseId={caseId} />
        </section>
      ) : null}
      <Section<{ events: TrailItem[] }> title="Jejak kasus" path={caseId ? `/api/audit/cases/${caseId}/trail` : null} render={(d) => <Trail items={d.events} />} />
      <Section<{ items: TrailItem[] }>
        title={`Tindakan ${actorId ?? ''}`}
        path={actorId ? `/api/audit/events${query({ actorId })}` : null}
        render={(d) => <Trail items={d.items} />}
      />
      <Section<{ items: Flag[] }>
        title="Tanda untuk pengawas"
        path={`/api/audit/flags${query({ ruleId })}`}
        render={(d) => (
          <ul className="rules">
            {d.items.map((f) => (
              <li key={f.flagId}>
                <strong>{f.ruleId}</strong> {f.reason} · {f.caseId ? <Link to={`/kasus/${f.caseId}`}>kasus {f.caseId.slice(0, 8)}</Link> : f.agencyId} · {formatInstant(f.raisedAt)}
              </li>
            ))}
            {d.items.length === 0 ? <li>Tidak ada tanda.</li> : null}
          </ul>
        )}
      />
      <Section<{ items: Refusal[] }>
        title="Penolakan"
        path={`/api/audit/refusals${query({ actorId })}`}
        render={(d) => (
          <ul className="rules">
            {d.items.slice(0, 50).map((r) => (
              <li key={r.eventId}>
                <code>{r.code}</code>
                {r.ruleId ? (
                  <>
                    {' '}
                    · <strong>{r.ruleId}</strong>
                  </>
                ) : null}{' '}
                · {r.command} oleh {r.actor.id} ({r.actor.role}) · {r.reason} · {formatInstant(r.time)}
              </li>
            ))}
            {d.items.length === 0 ? <li>Tidak ada penolakan.</li> : null}
          </ul>
        )}
      />
    </div>
  );
}
