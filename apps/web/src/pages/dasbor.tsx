import type { ReactElement } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAgencies } from '../api/agencies';
import { get, query } from '../api/http';
import { currentSession } from '../auth/session';
import { ProblemView } from '../components/problem-view';
import { formatNumber } from '../i18n/format';
import { STAGES, VERDICTS, label } from '../i18n/labels';

interface Pipeline {
  stages: { stage: string; total: number }[];
}
interface LeadTime {
  stage: string;
  completed: number;
  medianDays: number;
  p90Days: number;
}
interface Balance {
  agencyId: string;
  positionId: string;
  title: string;
  kebutuhan: number;
  bezetting: number;
  gap: number;
  casesUnderWay: number;
}
interface Evaluations {
  summary: { evaluations: number; vacancyClosedShare: number | null; averageScore: number | null; met: number };
  items: { caseId: string; verdict: string; score: number }[];
}
interface Training {
  agencyId: string;
  cases: number;
  items: number;
  completed: number;
  waived: number;
  overdue: number;
  completionRate: number | null;
}

/** A chart with its numbers as a table beside it, so screen readers and keyboard users get the same facts. */
function Chart({ title, children, table }: { title: string; children: ReactElement; table: ReactElement }) {
  return (
    <section className="card chart" aria-label={title}>
      <h2>{title}</h2>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height={240}>
          {children}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Tabel {title.toLowerCase()}</summary>
        {table}
      </details>
    </section>
  );
}

/** Dasbor: pipeline, lead times, workload balance, evaluations and training, per agency, live over the SSE stream. */
export function DasborPage() {
  const agencies = useAgencies();
  const client = useQueryClient();
  const [agencyId, setAgencyId] = useState('');
  const [live, setLive] = useState(false);
  const q = query({ agencyId });
  const pipeline = useQuery({ queryKey: ['dash', 'pipeline', q], queryFn: () => get<Pipeline>(`/api/dashboard/pipeline${q}`) });
  const lead = useQuery({ queryKey: ['dash', 'lead', q], queryFn: () => get<LeadTime[]>(`/api/dashboard/lead-times${q}`) });
  const balance = useQuery({ queryKey: ['dash', 'balance', q], queryFn: () => get<Balance[]>(`/api/dashboard/workload-balance${q}`) });
  const evaluations = useQuery({ queryKey: ['dash', 'evaluations', q], queryFn: () => get<Evaluations>(`/api/dashboard/evaluations${q}`) });
  const training = useQuery({ queryKey: ['dash', 'training', q], queryFn: () => get<Training[]>(`/api/dashboard/training${q}`) });

  useEffect(() => {
    const token = currentSession()?.token;
    if (!token) return undefined;
    const source = new EventSource(`/api/dashboard/stream?access_token=${encodeURIComponent(token)}`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('case-changed', () => void client.invalidateQueries({ queryKey: ['dash'] }));
    return () => source.close();
  }, [client]);

  const stages = (pipeline.data?.stages ?? []).map((s) => ({ name: label(STAGES, s.stage), kasus: s.total }));
  const gaps = (balance.data ?? []).slice(0, 12).map((b) => ({ name: b.title, kekurangan: Math.max(b.gap, 0), kelebihan: Math.max(-b.gap, 0), diproses: b.casesUnderWay }));
  return (
    <div className="page">
      <div className="page-head">
        <h1>Dasbor</h1>
        <span role="status" className={live ? 'badge tone-ok' : 'badge'}>
          {live ? 'Langsung: diperbarui otomatis' : 'Tidak tersambung ke siaran langsung'}
        </span>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="d-agency">Instansi</label>
          <select id="d-agency" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">Semua yang boleh saya baca</option>
            {[...agencies.values()].map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemView error={pipeline.error ?? balance.error} />
      <div className="charts">
        <Chart
          title="Kasus berjalan per tahap"
          table={
            <table>
              <tbody>
                {stages.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td>{s.kasus}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <BarChart data={stages}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar isAnimationActive={false} dataKey="kasus" fill="#0b4f8a" />
          </BarChart>
        </Chart>
        <Chart
          title="Lama tiap tahap (hari)"
          table={
            <table>
              <tbody>
                {(lead.data ?? []).map((l) => (
                  <tr key={l.stage}>
                    <th scope="row">{label(STAGES, l.stage)}</th>
                    <td>
                      median {formatNumber(l.medianDays, 1)}, p90 {formatNumber(l.p90Days, 1)} ({l.completed} kasus)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <BarChart data={(lead.data ?? []).map((l) => ({ name: label(STAGES, l.stage), median: l.medianDays, p90: l.p90Days }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis />
            <Tooltip />
            <Legend />
            <Bar isAnimationActive={false} dataKey="median" fill="#0b4f8a" />
            <Bar isAnimationActive={false} dataKey="p90" fill="#b54708" />
          </BarChart>
        </Chart>
        <Chart
          title="Keseimbangan beban kerja"
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">Jabatan</th>
                  <th scope="col">Kebutuhan</th>
                  <th scope="col">Bezetting</th>
                  <th scope="col">Selisih</th>
                  <th scope="col">Diproses</th>
                </tr>
              </thead>
              <tbody>
                {(balance.data ?? []).map((b) => (
                  <tr key={b.positionId}>
                    <th scope="row">{b.title}</th>
                    <td>{b.kebutuhan}</td>
                    <td>{b.bezetting}</td>
                    <td>{b.gap > 0 ? `kurang ${b.gap}` : b.gap < 0 ? `lebih ${-b.gap}` : 'seimbang'}</td>
                    <td>{b.casesUnderWay}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <BarChart data={gaps}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" hide />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar isAnimationActive={false} dataKey="kekurangan" fill="#b42318" />
            <Bar isAnimationActive={false} dataKey="kelebihan" fill="#05603a" />
            <Bar isAnimationActive={false} dataKey="diproses" fill="#0b4f8a" />
          </BarChart>
        </Chart>
        <Chart
          title="Evaluasi pascamutasi"
          table={
            <p>
              {evaluations.data?.summary.evaluations ?? 0} evaluasi, {evaluations.data?.summary.met ?? 0} {VERDICTS.MET?.toLowerCase()}, rata-rata skor{' '}
              {formatNumber(evaluations.data?.summary.averageScore ?? null, 2)}
            </p>
          }
        >
          <BarChart
            data={Object.entries((evaluations.data?.items ?? []).reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.verdict]: (acc[i.verdict] ?? 0) + 1 }), {})).map(
              ([verdict, n]) => ({ name: label(VERDICTS, verdict), jumlah: n }),
            )}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar isAnimationActive={false} dataKey="jumlah" fill="#0b4f8a" />
          </BarChart>
        </Chart>
        <Chart
          title="Penyelesaian pelatihan"
          table={
            <table>
              <tbody>
                {(training.data ?? []).map((t) => (
                  <tr key={t.agencyId}>
                    <th scope="row">{t.agencyId}</th>
                    <td>
                      {t.completed}/{t.items} selesai, {t.overdue} lewat tenggat
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <BarChart data={(training.data ?? []).map((t) => ({ name: t.agencyId, selesai: t.completed, dibebaskan: t.waived, terlambat: t.overdue }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar isAnimationActive={false} dataKey="selesai" fill="#05603a" />
            <Bar isAnimationActive={false} dataKey="dibebaskan" fill="#475467" />
            <Bar isAnimationActive={false} dataKey="terlambat" fill="#b42318" />
          </BarChart>
        </Chart>
      </div>
    </div>
  );
}
