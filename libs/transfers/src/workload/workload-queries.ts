import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Agency,
  AgencyScope,
  candidatePool,
  CandidatePool,
  covers,
  DomainError,
  innerCase,
  invalid,
  poolAgencyIds,
  PoolCandidate,
  ReadScope,
  toDate,
  workloadBalance,
  WorkloadBalance,
} from '@mutasi/domain';
import { Clock, Principal } from '@mutasi/platform';
import { PolicyRegistry, ReadScopes } from '@mutasi/read-models';
import { TransferCases } from '../cases/transfer-cases.service';
import { ReferenceData } from '../reference-data/reference-data';

/** The eligibility rules whose reasons come from protected parts of the record (UU 27/2022): discipline, court, study. */
const PROTECTED_RULES = new Set(['R-22', 'R-23']);
const SUGGESTIONS_PER_POSITION = 5;

/** A pool as a reader may see it: members blocked only on protected grounds outside the reader's sight are counted, not shown. */
export type VisiblePool = Omit<CandidatePool, 'candidates'> & {
  candidates: PoolCandidate[];
  withheld: number;
  chosen: { nip: string; recordedRank: number | null; recordedOf: number } | null;
};

function mayReadProtected(scope: ReadScope, agencyId: string): boolean {
  return scope.sensitive && covers(scope.employees, [agencyId]);
}

function visibleCandidate(c: PoolCandidate, scope: ReadScope): PoolCandidate | null {
  if (mayReadProtected(scope, c.agencyId)) return c;
  const protectedOnly = c.blockedBy.length > 0 && c.blockedBy.every((r) => PROTECTED_RULES.has(r));
  if (protectedOnly) return null;
  return {
    ...c,
    blockedBy: c.blockedBy.filter((r) => !PROTECTED_RULES.has(r)),
    outcomes: c.outcomes.map((o) =>
      PROTECTED_RULES.has(o.ruleId)
        ? {
            ruleId: o.ruleId,
            outcome: o.outcome === 'BLOCK' ? 'BLOCK' : 'PASS',
            inputs: {},
            reason: 'dirahasiakan: bagian catatan kepegawaian yang dilindungi (disiplin, proses hukum, tugas belajar; docs/access.md)',
            legalBasis: o.legalBasis,
          }
        : o,
    ),
  };
}

/**
 * Reads for selection on merit and workload balancing: the full M-01 pool of a case's target position, and the
 * workload balance of an agency or a province with the moves it suggests. Both compute with the domain's own functions
 * over the record as it stands, under the policy in force today.
 */
@Injectable()
export class WorkloadQueries {
  constructor(
    private readonly db: DataSource,
    private readonly refs: ReferenceData,
    private readonly cases: TransferCases,
    private readonly policies: PolicyRegistry,
    private readonly scopes: ReadScopes,
    private readonly clock: Clock,
  ) {}

  /** `GET /api/transfers/{caseId}/candidates`: officials who may see the case; never the employee. */
  async candidates(caseId: string, principal: Principal): Promise<VisiblePool> {
    const { state, scope, audience } = await this.cases.visible(caseId, principal);
    if (audience === 'EMPLOYEE' || scope.cases.kind === 'NONE')
      throw new DomainError(
        'FORBIDDEN',
        'ROLE_NOT_ALLOWED',
        'kelompok calon hanya untuk pejabat dan inspektur kasus ini; setiap ASN dapat membaca kriterianya di /api/policies/current/merit',
      );
    const c = innerCase(state);
    if (!c) throw new DomainError('NOT_FOUND', 'CASE_NOT_FOUND', `tidak ada kasus mutasi ${caseId}`);
    const now = this.clock.now().toISOString();
    const policy = await this.policies.inForce(toDate(now));
    const [target, targetAgency] = await Promise.all([this.refs.position(c.targetPosition.id), this.refs.agency(c.targetAgencyId)]);
    if (!target || !targetAgency) throw new DomainError('NOT_FOUND', 'POSITION_NOT_FOUND', 'jabatan tujuan kasus ini sudah tidak ada dalam data referensi');
    const origin = c.proposal?.originAgencyId ?? c.targetAgencyId;
    const members = await this.refs.meritPool(target, targetAgency, origin, policy);
    const pool = candidatePool(members, target, now, policy, caseId);
    const shown = pool.candidates.map((m) => visibleCandidate(m, scope));
    const recorded = c.proposal?.meritRanking ?? null;
    const chosen = c.proposal
      ? { nip: c.proposal.candidate.nip, recordedRank: recorded?.entries.find((e) => e.nip === c.proposal?.candidate.nip)?.rank ?? null, recordedOf: recorded?.entries.length ?? 0 }
      : null;
    return { ...pool, candidates: shown.filter((m): m is PoolCandidate => m !== null), withheld: shown.filter((m) => m === null).length, chosen };
  }

  /** `GET /api/workload/balance`: an agency, or every regional government of a province, within the reader's scope. */
  async balance(filter: { agencyId?: string; provinceCode?: string }, principal: Principal): Promise<WorkloadBalance> {
    const agencies = await this.refs.allAgencies();
    const asked = this.askedAgencies(filter, agencies);
    const scope = await this.scopes.of(principal);
    const readable: AgencyScope = scope.cases.kind === 'NONE' ? scope.employees : scope.cases;
    if (!covers(readable, asked))
      throw new DomainError('FORBIDDEN', 'AGENCY_NOT_ALLOWED', `neraca beban kerja ${filter.agencyId ?? `provinsi ${filter.provinceCode}`} di luar yang boleh Anda baca`);
    const now = this.clock.now().toISOString();
    const policy = await this.policies.inForce(toDate(now));
    const drawn = new Set(asked);
    for (const id of asked) for (const d of poolAgencyIds(agencies.find((a) => a.id === id) as Agency, agencies, id, policy)) drawn.add(d);
    const ids = [...drawn];
    const [positions, employees, incoming, open, plans] = await Promise.all([
      this.refs.positionsOfAgencies(ids),
      this.refs.employeesOfAgencies(ids),
      this.db.query('SELECT c.position_id, count(*)::int AS n FROM position_claims c JOIN positions p ON p.id = c.position_id WHERE p.agency_id = ANY($1) GROUP BY c.position_id', [
        ids,
      ]) as Promise<{ position_id: string; n: number }[]>,
      this.db.query(
        `SELECT c.nip, c.case_id, EXISTS (SELECT 1 FROM placements p WHERE p.case_id = c.case_id AND p.kind = 'APPOINTMENT') AS appointed
         FROM employee_claims c JOIN employees_current e ON e.nip = c.nip WHERE e.agency_id = ANY($1)`,
        [ids],
      ) as Promise<{ nip: string; case_id: string; appointed: boolean }[]>,
      this.refs.mutationPlans(asked, Number(toDate(now).slice(0, 4))),
    ]);
    const openCases = new Map(open.map((r) => [r.nip, r.case_id]));
    const leaving = new Set(open.filter((r) => !r.appointed).map((r) => r.nip));
    return workloadBalance({
      agencyIds: asked,
      agencies,
      positions,
      employees,
      incomingUnderWay: new Map(incoming.map((r) => [r.position_id, r.n])),
      openCaseOf: (nip) => openCases.get(nip) ?? null,
      movingOut: (nip) => leaving.has(nip),
      plans,
      now,
      policy,
      suggestionsPerPosition: SUGGESTIONS_PER_POSITION,
    });
  }

  private askedAgencies(filter: { agencyId?: string; provinceCode?: string }, agencies: readonly Agency[]): string[] {
    if (filter.agencyId) {
      if (!agencies.some((a) => a.id === filter.agencyId)) throw new DomainError('NOT_FOUND', 'AGENCY_NOT_FOUND', `tidak ada instansi ${filter.agencyId}`);
      return [filter.agencyId];
    }
    if (filter.provinceCode) {
      const regional = agencies.filter((a) => a.kind !== 'PUSAT' && a.provinceCode === filter.provinceCode).map((a) => a.id);
      if (regional.length === 0) throw new DomainError('NOT_FOUND', 'PROVINCE_NOT_FOUND', `tidak ada pemerintah daerah di provinsi ${filter.provinceCode}`);
      return regional;
    }
    throw invalid('FILTER_REQUIRED', 'agencyId', 'sebutkan agencyId atau provinceCode');
  }
}
