import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { CaseView } from '../../api/types';
import { ActionDialog, Field } from '../../components/action-dialog';
import { CodeLabel } from '../../components/code-label';
import { ProblemView } from '../../components/problem-view';
import { formatNumber } from '../../i18n/format';
import { OUTCOMES, ROUTES } from '../../i18n/labels';
import { sendCommand } from './send';

const STANDING: Record<string, string> = { ELIGIBLE: 'Memenuhi syarat', ELIGIBLE_WITH_GROUND: 'Memenuhi dengan alasan pengecualian', NOT_ELIGIBLE: 'Tidak memenuhi syarat' };

/**
 * Kandidat: the ranked merit pool (M-01) with each score's parts and each rule's outcome. Proposing anyone but the
 * best-ranked eligible candidate asks for the justification M-01 records for the inspectors.
 */
export function CaseCandidates({ view, etag, command }: { view: CaseView; etag: string | null; command: 'ProposeCandidate' | 'ReviseProposal' | null }) {
  const client = useQueryClient();
  const pool = useQuery({ queryKey: ['candidates', view.caseId], queryFn: () => ok(api.GET('/api/transfers/{caseId}/candidates', { params: { path: { caseId: view.caseId } } })) });
  const [search, setSearch] = useState('');
  const [all, setAll] = useState(false);
  if (pool.error) return <ProblemView error={pool.error} />;
  if (!pool.data) return <p>Memuat kandidat…</p>;
  const top = pool.data.candidates.find((c) => c.rank === 1);
  const wanted = search.trim().toLowerCase();
  const matching = pool.data.candidates.filter((c) => wanted === '' || c.name.toLowerCase().includes(wanted) || c.nip.includes(wanted));
  const shown = all || wanted !== '' ? matching : matching.slice(0, 10);
  return (
    <>
      <p>
        {pool.data.size} pegawai dinilai, {pool.data.eligible} memenuhi syarat · versi skor {pool.data.scoreVersion} · kebijakan {pool.data.policyVersion}
        {pool.data.emptyBecause ? ` · ${pool.data.emptyBecause}` : ''}
      </p>
      <div className="field">
        <label htmlFor="cari-kandidat">Cari kandidat (nama atau NIP)</label>
        <input id="cari-kandidat" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <ol className="candidates" aria-label="Kandidat berperingkat">
        {shown.map((c) => {
          const fields: Field[] = [
            {
              name: 'initiative',
              label: 'Prakarsa',
              type: 'select',
              options: [
                { value: 'DINAS', label: 'Kepentingan dinas (DINAS)' },
                { value: 'PERMINTAAN_SENDIRI', label: 'Permintaan sendiri (PERMINTAAN_SENDIRI)' },
              ],
              required: true,
            },
            { name: 'justification', label: 'Alasan usulan', type: 'textarea', required: true },
            ...(c.rank !== 1
              ? [
                  {
                    name: 'meritDeviationJustification',
                    label: `Alasan memilih peringkat ${c.rank ?? '—'}, bukan peringkat 1${top ? ` (${top.name})` : ''} (M-01)`,
                    type: 'textarea' as const,
                    required: true,
                  },
                ]
              : []),
          ];
          return (
            <li key={c.nip} className="card candidate">
              <div className="candidate-head">
                <strong>
                  {c.rank !== null ? `#${c.rank}` : '—'} {c.name}
                </strong>{' '}
                <small>NIP {c.nip}</small> · skor {formatNumber(c.score, 2)} · {STANDING[c.standing] ?? c.standing} <code>{c.standing}</code>
              </div>
              <div>
                {c.positionTitle} · {c.agencyId} · <CodeLabel table={ROUTES} code={c.route} />
              </div>
              {c.blockedBy.length > 0 ? <div className="tone-bad">Terhalang aturan: {c.blockedBy.join(', ')}</div> : null}
              <div className="parts">
                Rincian skor: SKP {formatNumber(c.parts.skp, 2)} · kompetensi {formatNumber(c.parts.competency, 2)} · pendidikan {formatNumber(c.parts.education, 2)} · masa jabatan{' '}
                {formatNumber(c.parts.timeInPost, 2)}
                {c.parts.assessment !== undefined ? ` · uji kompetensi ${formatNumber(c.parts.assessment, 2)}` : ''}
              </div>
              {c.outcomes && c.outcomes.length > 0 ? (
                <details>
                  <summary>Hasil aturan ({c.outcomes.filter((o) => o.outcome !== 'PASS').length} tidak lolos)</summary>
                  <ul>
                    {c.outcomes.map((o) => (
                      <li key={o.ruleId}>
                        <strong>{o.ruleId}</strong> <CodeLabel table={OUTCOMES} code={o.outcome} tone={o.outcome === 'PASS' ? 'ok' : o.outcome === 'BLOCK' ? 'bad' : 'warn'} /> —{' '}
                        {o.reason} <small>({o.legalBasis})</small>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {command ? (
                <ActionDialog
                  action={command === 'ProposeCandidate' ? `Usulkan kandidat ${c.name}` : `Perbaiki usulan: ${c.name}`}
                  title={command === 'ProposeCandidate' ? 'Usulkan kandidat' : 'Perbaiki usulan'}
                  description={
                    <>
                      Mengusulkan <strong>{c.name}</strong> (peringkat {c.rank ?? '—'}).
                    </>
                  }
                  fields={fields}
                  variant={c.rank === 1 ? 'primary' : 'secondary'}
                  onSubmit={async (v) => {
                    await sendCommand(
                      view.caseId,
                      command,
                      {
                        employeeNip: c.nip,
                        originPositionId: c.positionId,
                        initiative: v.initiative,
                        justification: v.justification,
                        ...(v.meritDeviationJustification ? { meritDeviationJustification: v.meritDeviationJustification } : {}),
                      },
                      etag,
                    );
                    await client.invalidateQueries({ queryKey: ['case', view.caseId] });
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      {shown.length < matching.length ? (
        <button type="button" className="btn btn-secondary" onClick={() => setAll(true)}>
          Tampilkan semua kandidat ({matching.length})
        </button>
      ) : null}
      {pool.data.withheld > 0 ? <p>{pool.data.withheld} pegawai lain tidak ditampilkan: di luar yang boleh Anda baca.</p> : null}
    </>
  );
}
