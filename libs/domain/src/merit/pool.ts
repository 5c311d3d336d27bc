import { IsoInstant } from '../shared/dates';
import { Policy } from '../policy/policy';
import { Agency } from '../reference/agency';
import { EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { deriveRoute, Route } from '../routes/route';
import { r08EducationFit } from '../rules/education-rules';
import { r22Discipline, r23Study, r24Skp, r60Pppk } from '../rules/eligibility-rules';
import { outcome, RuleOutcome } from '../rules/outcome';
import { r03TenureInPost, r44JptLock } from '../rules/tenure-rules';
import { r04CompetencyFit } from '../rules/vacancy-rules';
import { MeritParts, MeritRanking, meritScore, rankCandidates } from './merit';

/** One employee the proposing agency may draw on, with the facts the pool needs beyond the record. */
export interface PoolMember {
  readonly employee: EmployeeSnapshot;
  readonly positionTitle: string;
  /** The route a move of this employee into the target would take (null when no route is supported). */
  readonly route: Route | null;
  /** Another open case the employee is in (M-09), if any. */
  readonly openCaseId: string | null;
}

export type CandidateStanding = 'ELIGIBLE' | 'ELIGIBLE_WITH_GROUND' | 'NOT_ELIGIBLE';

/** One pool member as assessed: the score with its parts, every eligibility rule's outcome, and the rank when eligible. */
export interface PoolCandidate {
  readonly nip: string;
  readonly name: string;
  readonly agencyId: string;
  readonly positionId: string;
  readonly positionTitle: string;
  readonly kind: EmployeeSnapshot['kind'];
  readonly route: Route | null;
  readonly standing: CandidateStanding;
  readonly rank: number | null;
  readonly score: number;
  readonly parts: MeritParts;
  /** The rules that make the employee not eligible. */
  readonly blockedBy: readonly string[];
  /** Rules the employee passes only on an exception ground from the policy's list (R-03, R-44). */
  readonly needsGround: readonly string[];
  /** Required competencies of the target the employee does not hold (the training gap). */
  readonly competencyGap: readonly string[];
  readonly outcomes: readonly RuleOutcome[];
}

/** The full M-01 pool of a target position: every member assessed, the ranking of the eligible, and why it is empty if so. */
export interface CandidatePool {
  readonly targetPositionId: string;
  readonly scoreVersion: string;
  readonly policyVersion: string;
  readonly size: number;
  readonly eligible: number;
  readonly candidates: readonly PoolCandidate[];
  readonly ranking: MeritRanking;
  readonly emptyBecause: string | null;
}

/** The agencies the proposing (target) agency draws its pool from under the policy (`meritPool`). */
export function poolAgencyIds(target: Agency, agencies: readonly Agency[], originAgencyId: string, policy: Policy): string[] {
  if (policy.meritPool.value === 'SAME_TITLE_ORIGIN_TARGET') return [...new Set([originAgencyId, target.id])];
  const drawable = agencies.filter(
    (a) =>
      a.authority === undefined &&
      a.abroad !== true &&
      (target.kind === 'PUSAT' ? a.kind === 'PUSAT' : a.kind !== 'PUSAT' && a.provinceCode !== null && a.provinceCode === target.provinceCode),
  );
  return [...new Set([target.id, ...drawable.map((a) => a.id)])].sort();
}

/** Whether an employee of a drawable agency is in the pool: the title of the target, or (PROVINCE) one of its required competencies. */
export function isPoolRelevant(employee: EmployeeSnapshot, positionTitle: string, target: Position, policy: Policy): boolean {
  if (employee.positionId === target.id) return false;
  if (positionTitle === target.title) return true;
  if (policy.meritPool.value === 'SAME_TITLE_ORIGIN_TARGET') return false;
  return target.requiredCompetencies.some((c) => employee.competencies.includes(c));
}

/** A pool member with the route into the target derived from the agencies (null when none is supported). */
export function poolMember(employee: EmployeeSnapshot, positionTitle: string, employeeAgency: Agency, targetAgency: Agency, openCaseId: string | null): PoolMember {
  let route: Route | null;
  try {
    route = deriveRoute(employeeAgency, targetAgency, employee.kind, false);
  } catch {
    route = null;
  }
  return { employee, positionTitle, route, openCaseId };
}

const HARD = new Set(['R-04', 'R-08', 'R-22', 'R-23', 'R-24', 'R-60', 'M-09', 'ROUTE']);

/** Every eligibility rule's outcome for one member; R-03 and R-44 are checked without a ground (a block there needs one). */
export function eligibilityOutcomes(member: PoolMember, target: Position, now: IsoInstant, policy: Policy, caseId: string | null): RuleOutcome[] {
  const e = member.employee;
  const open = member.openCaseId !== null && member.openCaseId !== caseId;
  return [
    ...(member.route === null
      ? [outcome('ROUTE', 'BLOCK', 'tidak ada jalur mutasi yang didukung dari instansi pegawai ke jabatan tujuan', 'docs/domain.md §4', {}, 'ROUTE_NOT_SUPPORTED')]
      : [r60Pppk(e, member.route, policy)]),
    r04CompetencyFit(e, target, policy),
    r08EducationFit(e, target, policy),
    r22Discipline(e),
    r23Study(e, now),
    r24Skp(e, now, policy),
    open
      ? outcome(
          'M-09',
          'BLOCK',
          'pegawai sudah berada dalam kasus lain yang masih berjalan',
          'antiintervensi (M-09): satu pegawai, satu kasus berjalan',
          { openCase: true },
          'EMPLOYEE_IN_OPEN_CASE',
        )
      : outcome('M-09', 'PASS', 'tidak berada dalam kasus lain yang masih berjalan', 'antiintervensi (M-09)', { openCase: false }),
    r03TenureInPost(e, now, policy, []),
    r44JptLock(e, now, policy, []),
  ];
}

function assess(member: PoolMember, target: Position, now: IsoInstant, policy: Policy, caseId: string | null): Omit<PoolCandidate, 'rank'> {
  const e = member.employee;
  const outcomes = eligibilityOutcomes(member, target, now, policy, caseId);
  const blockedBy = outcomes.filter((o) => o.outcome === 'BLOCK' && HARD.has(o.ruleId)).map((o) => o.ruleId);
  const needsGround = outcomes.filter((o) => o.outcome === 'BLOCK' && !HARD.has(o.ruleId)).map((o) => o.ruleId);
  const { total, ...parts } = meritScore(e, target, now, policy);
  return {
    nip: e.nip,
    name: e.name,
    agencyId: e.agencyId,
    positionId: e.positionId,
    positionTitle: member.positionTitle,
    kind: e.kind,
    route: member.route,
    standing: blockedBy.length > 0 ? 'NOT_ELIGIBLE' : needsGround.length > 0 ? 'ELIGIBLE_WITH_GROUND' : 'ELIGIBLE',
    score: total,
    parts,
    blockedBy,
    needsGround,
    competencyGap: target.requiredCompetencies.filter((c) => !e.competencies.includes(c)),
    outcomes,
  };
}

function whyEmpty(candidates: readonly Omit<PoolCandidate, 'rank'>[], target: Position, policy: Policy): string | null {
  if (candidates.length === 0) {
    const what =
      policy.meritPool.value === 'PROVINCE' && target.requiredCompetencies.length > 0
        ? `memegang jabatan bernama ${target.title} atau salah satu kompetensi ${target.requiredCompetencies.join(', ')}`
        : `memegang jabatan bernama ${target.title}`;
    return `tidak ada pegawai dari instansi sumber kelompok calon (${policy.meritPool.value}) yang ${what}`;
  }
  if (candidates.some((c) => c.standing !== 'NOT_ELIGIBLE')) return null;
  const counts = new Map<string, number>();
  for (const c of candidates) for (const r of c.blockedBy) counts.set(r, (counts.get(r) ?? 0) + 1);
  return `${candidates.length} pegawai ada dalam kelompok calon tetapi tidak satu pun memenuhi syarat: ${[...counts.entries()].map(([r, n]) => `${r} (${n})`).join(', ')}`;
}

/**
 * The M-01 pool of a target position: every member assessed on every eligibility rule and scored, the eligible ranked
 * (ties to the lower NIP). `chosenNip`, when given, is ranked too even if the pool did not hold them, so the ranking a
 * proposal records is this pool's. The candidates endpoint and the proposal both call this function.
 */
export function candidatePool(
  members: readonly PoolMember[],
  target: Position,
  now: IsoInstant,
  policy: Policy,
  caseId: string | null,
  chosen: PoolMember | null = null,
): CandidatePool {
  const all = chosen !== null && !members.some((m) => m.employee.nip === chosen.employee.nip) ? [...members, chosen] : [...members];
  const unique = all.filter((m, i) => all.findIndex((o) => o.employee.nip === m.employee.nip) === i);
  const assessed = unique.map((m) => assess(m, target, now, policy, caseId));
  const ranked = assessed.filter((a) => a.standing !== 'NOT_ELIGIBLE' || a.nip === chosen?.employee.nip);
  const ranking = rankCandidates(
    ranked.map((a) => (unique.find((m) => m.employee.nip === a.nip) as PoolMember).employee),
    target,
    now,
    policy,
  );
  const rankOf = new Map(ranking.entries.map((e) => [e.nip, e.rank]));
  const candidates = assessed
    .map((a): PoolCandidate => ({ ...a, rank: rankOf.get(a.nip) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || (a.nip < b.nip ? -1 : 1));
  return {
    targetPositionId: target.id,
    scoreVersion: policy.meritScoreVersion,
    policyVersion: policy.version,
    size: candidates.length,
    eligible: candidates.filter((c) => c.standing !== 'NOT_ELIGIBLE').length,
    candidates,
    ranking,
    emptyBecause: whyEmpty(assessed, target, policy),
  };
}

/** What the pool is drawn from: the record as it stands, and who is already in an open case. */
export interface PoolSource {
  readonly employees: readonly EmployeeSnapshot[];
  readonly positionTitle: (positionId: string) => string | undefined;
  readonly agencies: readonly Agency[];
  readonly openCaseOf: (nip: string) => string | null;
}

/**
 * The members of the M-01 pool of `target`: the employees of the drawable agencies who are pool-relevant, each with
 * their route into the target. The application runs this over the rows it selected, the tests over the demo data.
 */
export function poolMembers(source: PoolSource, target: Position, targetAgency: Agency, originAgencyId: string, policy: Policy): PoolMember[] {
  const drawable = new Set(poolAgencyIds(targetAgency, source.agencies, originAgencyId, policy));
  const agencyById = new Map(source.agencies.map((a) => [a.id, a]));
  return source.employees
    .flatMap((e) => {
      const title = source.positionTitle(e.positionId);
      const agency = agencyById.get(e.agencyId);
      if (title === undefined || agency === undefined || !drawable.has(e.agencyId) || !isPoolRelevant(e, title, target, policy)) return [];
      return [poolMember(e, title, agency, targetAgency, source.openCaseOf(e.nip))];
    })
    .sort((a, b) => (a.employee.nip < b.employee.nip ? -1 : 1));
}
