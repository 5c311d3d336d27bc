import { createHash } from 'node:crypto';
import { AGENCY } from '../agencies';
import { positionId } from '../positions';
import { userIdFor } from '../users';
import { CaseDriver, ProposalChoice } from './case-driver';
import { MutasiHttp, UnexpectedAnswer } from './mutasi-http';

type Suggestion = {
  rank: number;
  target: { positionId: string; title: string; gap: number };
  from: { positionId: string; agencyId: string; title: string; surplus: number };
  employee: { nip: string; name: string; score: number; competencyGap: string[] };
  opensWith: { body: { needsAnalysis: Record<string, unknown> } };
  proposeWith: { body: ProposalChoice & { employeeNip: string; originPositionId: string } };
  notes: string[];
};
type Pool = { size: number; eligible: number; ranking: { entries: { nip: string; name: string; score: number; rank: number }[] }; emptyBecause: string | null };
type TrainingItem = { itemId: string; competency: string; kind: string; hours: number; due: string; mandatory: boolean; dueBy: string | null; status: string };

/** What the workload story did, for a caller that checks it. */
export interface WorkloadStory {
  readonly driver: CaseDriver;
  readonly suggestion: Suggestion;
  readonly pool: Pool;
  readonly training: readonly TrainingItem[];
  readonly refusedBeforeTraining: { readonly status: number; readonly ruleId: string } | null;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const TARGET = positionId(AGENCY.provNb, 'analis-keuangan');

/**
 * The substance of a good mutasi, as a Kepala BKPSDM does it: the workload balance of the province shows a deficit of
 * financial analysts and a surplus of finance officers in Sukamaju; the top suggested move opens a case with the ABK's
 * figures and the plan on record, the candidate pool ranks the suggested officer first, the proposal derives a training
 * plan for the missing competency, the decree waits for that training (R-09), and the evaluation later shows the gap
 * closed.
 */
export async function runWorkloadStory(http: MutasiHttp, say: (line: string) => void): Promise<WorkloadStory> {
  const kepala = userIdFor('PENGUSUL', AGENCY.provNb, 3);
  const balance = await http.as(kepala, 'GET', `/api/workload/balance?agencyId=${AGENCY.provNb}`);
  if (balance.status !== 200) throw new UnexpectedAnswer('read the workload balance', balance);
  const body = balance.body as {
    totals: Record<string, number>;
    suggestions: Suggestion[];
    units: { unit: string; positions: { positionId: string; kebutuhan: number; bezetting: number; gap: number; status: string }[] }[];
  };
  say(`  balance of ${AGENCY.provNb}: kebutuhan ${body.totals.kebutuhan}, bezetting ${body.totals.bezetting}, deficit ${body.totals.deficit}, surplus ${body.totals.surplus}`);
  for (const p of body.units.flatMap((u) => u.positions).filter((x) => x.status !== 'BALANCED'))
    say(`    ${p.positionId.padEnd(34)} kebutuhan ${p.kebutuhan} bezetting ${p.bezetting} gap ${p.gap > 0 ? '+' : ''}${p.gap} ${p.status}`);
  const suggestion = body.suggestions.find((s) => s.target.positionId === TARGET && s.rank === 1);
  if (!suggestion) throw new Error(`the balance suggests no move into ${TARGET}`);
  say(
    `  suggested move 1 into ${suggestion.target.title}: ${suggestion.employee.name} (${suggestion.employee.nip}) from ${suggestion.from.title}, ${suggestion.from.agencyId} (surplus ${suggestion.from.surplus}), score ${suggestion.employee.score}, gap ${suggestion.employee.competencyGap.join(', ') || 'none'}`,
  );

  const d = new CaseDriver(http, TARGET, suggestion.employee.nip, say);
  await d.open(suggestion.opensWith.body.needsAnalysis);
  await d.approveNeeds();
  const candidates = await http.as(kepala, 'GET', `/api/transfers/${d.caseId}/candidates`);
  if (candidates.status !== 200) throw new UnexpectedAnswer('read the candidate pool', candidates);
  const pool = candidates.body as Pool;
  say(
    `  candidate pool: ${pool.size} drawn, ${pool.eligible} eligible; ranking ${pool.ranking.entries
      .slice(0, 5)
      .map((e) => `${e.rank}. ${e.name} ${e.score}`)
      .join(', ')}`,
  );
  const top = pool.ranking.entries[0]?.nip === suggestion.employee.nip;
  const { employeeNip: _nip, originPositionId: _origin, ...choice } = suggestion.proposeWith.body;
  await d.propose({ ...choice, ...(top ? {} : { meritDeviationJustification: 'pegawai berlebih yang disarankan oleh neraca beban kerja' }) });
  const training = (d.view.training as { items: TrainingItem[] } | null)?.items ?? [];
  for (const t of training)
    say(`  training ${t.itemId}: ${t.competency}, ${t.kind}, ${t.hours} hours, ${t.due}${t.mandatory ? ' (mandatory)' : ''}, due by ${t.dueBy ?? 'TMT + months'}`);
  await d.notify();
  await d.acknowledge();
  await d.completeDocuments();
  await d.submit();
  await d.approveChain();
  const refused = training.some((t) => t.due === 'BEFORE_TMT' && t.mandatory) ? await d.issueDecree({}, 422) : null;
  const today = await d.today();
  for (const t of training.filter((x) => x.due === 'BEFORE_TMT')) {
    await d.command(userIdFor('VERIFIKATOR', AGENCY.provNb), 'complete-training', {
      itemId: t.itemId,
      certificateSha256: sha(`${d.caseId}/${t.itemId}`),
      hours: t.hours + 4,
      provider: 'BPSDM Provinsi Nusantara Barat',
      completedOn: today,
    });
  }
  await d.issueDecree();
  await d.reportReplacement();
  await d.appoint();
  return { driver: d, suggestion, pool, training, refusedBeforeTraining: refused ? { status: refused.status, ruleId: String(refused.body.ruleId) } : null };
}
