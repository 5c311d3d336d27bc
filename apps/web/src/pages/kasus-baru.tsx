import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get, request } from '../api/http';
import { MutationPlan, Position } from '../api/types';
import { useSession } from '../auth/use-session';
import { fieldError, ProblemView } from '../components/problem-view';
import { formatNumber } from '../i18n/format';

/** Kasus baru: a Pengusul opens a case for a position of their agency, from the position's ABK figures. */
export function KasusBaruPage() {
  const session = useSession();
  const navigate = useNavigate();
  const agencyId = session?.user.agencyId ?? '';
  const positions = useQuery({ queryKey: ['positions', agencyId], queryFn: () => get<Position[]>(`/api/agencies/${agencyId}/positions`), enabled: agencyId !== '' });
  const [positionId, setPositionId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const plans = useQuery({ queryKey: ['plans', agencyId], queryFn: () => get<MutationPlan[]>(`/api/workload/plans?agencyId=${agencyId}`), enabled: agencyId !== '' });
  const chosen = positions.data?.find((p) => p.id === positionId);
  const hours = chosen ? workloadHoursOf(chosen) : null;
  /** The plans that plan a move into the chosen position (R-01 checks the case against the one named). */
  const planning = (plans.data ?? []).filter((plan) => plan.moves.some((m) => m.targetPositionId === positionId));

  async function open(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const { body } = await request<{ caseId: string }>('POST', '/api/transfers', {
        idempotencyKey: crypto.randomUUID(),
        body: {
          targetAgencyId: agencyId,
          targetPositionId: positionId,
          needsAnalysis: {
            kebutuhan: Number(text('kebutuhan')),
            bezetting: Number(text('bezetting')),
            justification: text('justification'),
            ...(text('workloadHours') ? { workloadHours: Number(text('workloadHours')) } : {}),
            ...(text('planReference') ? { planReference: text('planReference') } : {}),
            ...(text('exceptionReason') ? { exceptionReason: text('exceptionReason') } : {}),
          },
        },
      });
      navigate(`/kasus/${body.caseId}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page narrow">
      <h1>Buka kasus baru</h1>
      <p>Pilih jabatan yang lowong di {agencyId}. Angka kebutuhan dan bezetting harus sama dengan analisis beban kerja (ABK) yang tercatat (R-04).</p>
      <form onSubmit={open} className="card">
        <div className="field">
          <label htmlFor="jabatan">Jabatan tujuan *</label>
          <select id="jabatan" required value={positionId} onChange={(e) => setPositionId(e.target.value)}>
            <option value="">— pilih jabatan —</option>
            {positions.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} · {p.unit} (kebutuhan {p.kebutuhan}, bezetting {p.bezetting})
              </option>
            ))}
          </select>
        </div>
        {chosen ? (
          <p className="hint">
            ABK tercatat: kebutuhan {formatNumber(chosen.kebutuhan)}, bezetting {formatNumber(chosen.bezetting)}, kekurangan {formatNumber(chosen.kebutuhan - chosen.bezetting)}
            {hours !== null ? `, beban kerja ${formatNumber(hours)} jam/tahun` : ''}.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="kebutuhan">Kebutuhan (ABK) *</label>
          <input
            id="kebutuhan"
            name="kebutuhan"
            type="number"
            min={0}
            required
            key={`k-${positionId}`}
            defaultValue={chosen?.kebutuhan}
            aria-invalid={Boolean(fieldError(error, 'needsAnalysis.kebutuhan'))}
          />
          {fieldError(error, 'needsAnalysis.kebutuhan') ? <small className="field-error">{fieldError(error, 'needsAnalysis.kebutuhan')}</small> : null}
        </div>
        <div className="field">
          <label htmlFor="bezetting">Bezetting (terisi) *</label>
          <input id="bezetting" name="bezetting" type="number" min={0} required key={`b-${positionId}`} defaultValue={chosen?.bezetting} />
          {fieldError(error, 'needsAnalysis.bezetting') ? <small className="field-error">{fieldError(error, 'needsAnalysis.bezetting')}</small> : null}
        </div>
        <div className="field">
          <label htmlFor="jam">Beban kerja (jam/tahun)</label>
          <input id="jam" name="workloadHours" type="number" min={0} step="0.01" key={`h-${positionId}`} defaultValue={hours ?? undefined} />
          {fieldError(error, 'needsAnalysis.workloadHours') ? <small className="field-error">{fieldError(error, 'needsAnalysis.workloadHours')}</small> : null}
        </div>
        <div className="field">
          <label htmlFor="rencana">Rencana mutasi tahunan</label>
          <select id="rencana" name="planReference" key={`r-${positionId}`} defaultValue="">
            <option value="">— tidak ada dalam rencana (isi alasan di bawah) —</option>
            {planning.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title} ({plan.id})
              </option>
            ))}
          </select>
          {positionId && planning.length === 0 ? <small>Tidak ada rencana mutasi {agencyId} yang memuat jabatan ini; isi alasan di luar rencana (R-01).</small> : null}
        </div>
        <div className="field">
          <label htmlFor="pengecualian">Alasan di luar rencana mutasi (jika tidak ada nomor rencana)</label>
          <input id="pengecualian" name="exceptionReason" />
        </div>
        <div className="field">
          <label htmlFor="alasan">Alasan kebutuhan *</label>
          <textarea id="alasan" name="justification" required rows={3} />
        </div>
        <ProblemView error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Buka kasus
        </button>
      </form>
    </div>
  );
}

/** The workload the ABK on record states, in hours a year (Σ volume × standard minutes ÷ 60, as the server computes it). */
function workloadHoursOf(position: Position): number | null {
  const tasks = position.abkTasks ?? [];
  if (tasks.length === 0) return null;
  return Math.round((tasks.reduce((sum, t) => sum + t.volumePerYear * t.minutesPerUnit, 0) / 60) * 100) / 100;
}
