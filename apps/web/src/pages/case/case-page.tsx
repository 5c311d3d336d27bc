import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { agencyName, useAgencies, zoneOf } from '../../api/agencies';
import { api, ok } from '../../api/client';
import { ApiProblem } from '../../api/http';
import { CaseView, RuleOutcome } from '../../api/types';
import { CodeLabel } from '../../components/code-label';
import { ProblemView } from '../../components/problem-view';
import { formatDate, formatInstant, formatNumber } from '../../i18n/format';
import { OUTCOMES, ROUTES, STAGES, STATUSES, TRAINING_STATUSES, VERDICTS } from '../../i18n/labels';
import { CaseActions } from './case-actions';
import { CaseCandidates } from './case-candidates';
import { CaseChain } from './case-chain';
import { CaseDocuments } from './case-documents';
import { CaseTimeline } from './case-timeline';

const toneOf = (outcome: string) => (outcome === 'PASS' ? 'ok' : outcome === 'BLOCK' ? 'bad' : 'warn');

/** Rule outcomes: the ones that block, flag or add a step first and always shown; the passes folded under a summary. */
function RuleOutcomes({ outcomes }: { outcomes: readonly RuleOutcome[] }) {
  const item = (o: RuleOutcome, i: number) => (
    <li key={`${o.ruleId}-${i}`}>
      <strong>{o.ruleId}</strong> <CodeLabel table={OUTCOMES} code={o.outcome} tone={toneOf(o.outcome)} /> — {o.reason} <small>Dasar hukum: {o.legalBasis}</small>
    </li>
  );
  const notable = outcomes.filter((o) => o.outcome !== 'PASS');
  const passed = outcomes.filter((o) => o.outcome === 'PASS');
  return (
    <>
      {notable.length > 0 ? <ul className="rules">{notable.map(item)}</ul> : <p>Semua aturan yang diperiksa terpenuhi.</p>}
      {passed.length > 0 ? (
        <details>
          <summary>{passed.length} pemeriksaan aturan terpenuhi</summary>
          <ul className="rules">{passed.map(item)}</ul>
        </details>
      ) : null}
    </>
  );
}

const STAGE_ORDER = ['ANALISIS_KEBUTUHAN', 'USULAN', 'SOSIALISASI', 'PERSETUJUAN', 'SK', 'EVALUASI'];

function StageProgress({ stage }: { stage: string }) {
  const at = STAGE_ORDER.indexOf(stage);
  return (
    <ol className="stages" aria-label="Tahap kasus">
      {STAGE_ORDER.map((s, i) => (
        <li key={s} className={i < at ? 'done' : i === at ? 'current' : ''} aria-current={i === at ? 'step' : undefined}>
          {STAGES[s]}
        </li>
      ))}
    </ol>
  );
}

/** Kasus detail: everything about one case, and the actions the signed-in user may take on it now. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const agencies = useAgencies();
  const view = useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => {
      const r = await api.GET('/api/transfers/{caseId}', { params: { path: { caseId } } });
      return { view: (await ok(Promise.resolve(r))) as CaseView, etag: r.response.headers.get('ETag') };
    },
  });
  const events = useQuery({
    queryKey: ['case', caseId, 'events', view.data?.view.revision],
    enabled: view.data !== undefined,
    retry: false,
    queryFn: async () => {
      try {
        return (await ok(api.GET('/api/transfers/{caseId}/events', { params: { path: { caseId } } }))).events;
      } catch (e) {
        if (e instanceof ApiProblem && e.problem.status === 403) return null;
        throw e;
      }
    },
  });
  if (view.error)
    return (
      <div className="page">
        <h1>Kasus</h1>
        <ProblemView error={view.error} />
      </div>
    );
  if (!view.data)
    return (
      <div className="page">
        <p>Memuat kasus…</p>
      </div>
    );
  const { view: c, etag } = view.data;
  const zone = zoneOf(agencies, c.target.agencyId);
  const proposing = c.actions.find((a) => a.command === 'ProposeCandidate' || a.command === 'ReviseProposal')?.command as 'ProposeCandidate' | 'ReviseProposal' | undefined;
  return (
    <div className="page">
      <h1>Kasus {c.candidate ? c.candidate.name : c.target.title}</h1>
      <p className="case-id">
        Id kasus <code>{c.caseId}</code> · revisi {c.revision}
      </p>
      <section className="card summary" aria-label="Ringkasan">
        <div>
          <span className="k">Status</span> <CodeLabel table={STATUSES} code={c.frozen ? 'FROZEN' : c.status} tone={c.frozen || c.ended ? 'bad' : 'info'} />
        </div>
        <div>
          <span className="k">Jalur</span> <CodeLabel table={ROUTES} code={c.route} />
        </div>
        <div>
          <span className="k">Pegawai</span>{' '}
          {c.candidate ? (
            <>
              {c.candidate.name} · NIP {c.candidate.nip} · {c.candidate.golongan}
            </>
          ) : (
            'belum diusulkan'
          )}
        </div>
        <div>
          <span className="k">Dari</span>{' '}
          {c.candidate ? (
            <>
              {c.candidate.originPositionTitle} · {agencyName(agencies, c.candidate.originAgencyId)}
            </>
          ) : (
            '—'
          )}
        </div>
        <div>
          <span className="k">Ke</span> {c.target.title} · {agencyName(agencies, c.target.agencyId)}
        </div>
        <div>
          <span className="k">Dibuka</span> {formatInstant(c.openedAt, zone)}
          {c.openedBy ? ` oleh ${c.openedBy.name}` : ''}
        </div>
        {c.frozen ? (
          <div className="tone-bad">
            Dibekukan: {c.frozen.reason} ({c.frozen.reference})
          </div>
        ) : null}
        {c.ended ? (
          <div className="tone-bad">
            Berakhir (<code>{c.ended.outcome}</code>): {c.ended.reason}
          </div>
        ) : null}
        <StageProgress stage={c.stage} />
      </section>

      <section className="card" aria-labelledby="h-aksi">
        <h2 id="h-aksi">Tindakan</h2>
        <CaseActions view={c} etag={etag} />
      </section>

      {proposing ? (
        <section className="card" aria-labelledby="h-kandidat">
          <h2 id="h-kandidat">Kandidat</h2>
          <CaseCandidates view={c} etag={etag} command={proposing} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="h-abk">
        <h2 id="h-abk">Analisis kebutuhan</h2>
        {c.needsAnalysis ? (
          <p>
            Kebutuhan {formatNumber(c.needsAnalysis.kebutuhan)}, bezetting {formatNumber(c.needsAnalysis.bezetting)}: {c.needsAnalysis.justification}
          </p>
        ) : (
          <p>—</p>
        )}
        {c.needsApproval ? (
          <p>
            Disetujui oleh {c.needsApproval.name}, {formatInstant(c.needsApproval.at, zone)}
          </p>
        ) : null}
        {c.candidate ? (
          <p>
            Usulan {c.candidate.initiative === 'PERMINTAAN_SENDIRI' ? 'atas permintaan sendiri' : 'karena kebutuhan dinas'} <code>{c.candidate.initiative}</code>, alasan usulan: “
            {c.candidate.justification}”
          </p>
        ) : null}
        {c.candidate ? (
          <p>
            Peringkat merit kandidat: {c.candidate.merit.chosenRank ?? '—'} dari {c.candidate.merit.candidates} (skor {formatNumber(c.candidate.merit.chosenScore, 2)}, versi{' '}
            {c.candidate.merit.scoreVersion}){c.candidate.meritDeviationJustification ? <> · alasan bukan peringkat 1: “{c.candidate.meritDeviationJustification}”</> : null}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="h-rantai">
        <h2 id="h-rantai">Rantai persetujuan</h2>
        {c.decreeSigner ? (
          <p>
            Penanda tangan SK: {c.decreeSigner.role} · {agencyName(agencies, c.decreeSigner.agencyId)}
          </p>
        ) : null}
        <CaseChain steps={c.approvalChain} agencies={agencies} />
        {c.decree ? (
          <p>
            SK {c.decree.decreeNumber}, tanggal {formatDate(c.decree.decreeDate)}, TMT {formatDate(c.decree.effectiveDate)} · SHA-256{' '}
            <code className="hash">{c.decree.documentSha256}</code>
          </p>
        ) : null}
        {c.appointment ? (
          <p>
            Dilantik {formatDate(c.appointment.appointedOn)} ({c.appointment.reference})
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="h-dokumen">
        <h2 id="h-dokumen">Dokumen</h2>
        <CaseDocuments view={c} />
      </section>

      <section className="card" aria-labelledby="h-aturan">
        <h2 id="h-aturan">Hasil aturan</h2>
        {c.ruleOutcomes.length === 0 ? <p>Belum ada aturan yang diperiksa.</p> : <RuleOutcomes outcomes={c.ruleOutcomes} />}
        {c.flags.length > 0 ? (
          <>
            <h3>Tanda untuk pengawas</h3>
            <ul className="rules">
              {c.flags.map((f, i) => (
                <li key={i}>
                  <strong>{f.ruleId}</strong> {f.reason} <small>{formatInstant(f.raisedAt, zone)}</small>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {c.training && c.training.items.length > 0 ? (
        <section className="card" aria-labelledby="h-pelatihan">
          <h2 id="h-pelatihan">Pengembangan kompetensi</h2>
          <p>
            {c.training.summary.items} butir · {c.training.summary.completed} selesai · {c.training.summary.waived} dibebaskan · {c.training.summary.overdue} lewat tenggat
          </p>
          <ul>
            {c.training.items.map((i) => (
              <li key={i.itemId}>
                {i.competency} ({i.kind}, {i.hours} JP{i.mandatory ? ', wajib' : ''}) ·{' '}
                <CodeLabel table={TRAINING_STATUSES} code={i.status} tone={i.status === 'PLANNED' ? (i.overdue ? 'bad' : 'warn') : 'ok'} />
                {i.dueBy ? ` · tenggat ${formatDate(i.dueBy)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.evaluations.length > 0 ? (
        <section className="card" aria-labelledby="h-evaluasi">
          <h2 id="h-evaluasi">Evaluasi pascamutasi</h2>
          <ul>
            {c.evaluations.map((e) => (
              <li key={e.periodMonths}>
                {e.periodMonths} bulan · jatuh tempo {formatDate(e.dueOn)} ·{' '}
                {e.result ? (
                  <>
                    <CodeLabel table={VERDICTS} code={e.result.verdict} /> (skor {formatNumber(e.result.score, 2)})
                  </>
                ) : (
                  'belum dicatat'
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {events.data ? (
        <section className="card" aria-labelledby="h-riwayat">
          <h2 id="h-riwayat">Riwayat</h2>
          <CaseTimeline events={events.data} agencies={agencies} />
        </section>
      ) : null}
    </div>
  );
}
