import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, In, Repository } from 'typeorm';
import {
  Agency,
  AgencyScope,
  ChainAuthorities,
  chainAuthorities,
  Delegation,
  EmployeeSnapshot,
  MutationPlan,
  Policy,
  poolAgencyIds,
  PoolMember,
  poolMembers,
  Position,
} from '@mutasi/domain';
import { AgencyRow, CurrentEmployeeRow, CurrentPositionRow, DelegationRow, MutationPlanRow } from './entities';
import { toAgency, toDelegation, toEmployee, toPosition } from './mapping';

/** How long agencies are served from memory; an import in this process clears them at once. */
const CACHE_MS = 30_000;

/**
 * Read access to the reference data the rules run on, as it stands: the imported records with the placements of
 * completed transfers recorded since (`employees_current`, `positions_current`). Positions are never cached: their
 * bezetting moves with every appointment.
 */
@Injectable()
export class ReferenceData {
  private cache: { at: number; agencies: Map<string, Agency> } | null = null;

  constructor(
    @InjectRepository(AgencyRow) private readonly agencies: Repository<AgencyRow>,
    @InjectRepository(CurrentPositionRow) private readonly positions: Repository<CurrentPositionRow>,
    @InjectRepository(CurrentEmployeeRow) private readonly employees: Repository<CurrentEmployeeRow>,
    @InjectRepository(DelegationRow) private readonly delegations: Repository<DelegationRow>,
    @InjectRepository(MutationPlanRow) private readonly plans: Repository<MutationPlanRow>,
    private readonly db: DataSource,
  ) {}

  /** Forgets cached agencies (after an import). */
  invalidate(): void {
    this.cache = null;
  }

  private async cached(): Promise<NonNullable<ReferenceData['cache']>> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache;
    const agencies = new Map((await this.agencies.find({ order: { id: 'ASC' } })).map((r) => [r.id, toAgency(r)] as const));
    this.cache = { at: Date.now(), agencies };
    return this.cache;
  }

  async allAgencies(): Promise<Agency[]> {
    return [...(await this.cached()).agencies.values()];
  }

  async agency(id: string): Promise<Agency | null> {
    return (await this.cached()).agencies.get(id) ?? null;
  }

  async positionsOf(agencyId: string): Promise<Position[]> {
    return (await this.positions.find({ where: { agencyId }, order: { id: 'ASC' } })).map(toPosition);
  }

  async positionsOfAgencies(agencyIds: readonly string[]): Promise<Position[]> {
    return (await this.positions.find({ where: { agencyId: In([...agencyIds]) }, order: { id: 'ASC' } })).map(toPosition);
  }

  async employeesOfAgencies(agencyIds: readonly string[]): Promise<EmployeeSnapshot[]> {
    return (await this.employees.find({ where: { agencyId: In([...agencyIds]) }, order: { nip: 'ASC' } })).map(toEmployee);
  }

  async position(id: string): Promise<Position | null> {
    const row = await this.positions.findOneBy({ id });
    return row ? toPosition(row) : null;
  }

  async employee(nip: string): Promise<EmployeeSnapshot | null> {
    const row = await this.employees.findOneBy({ nip });
    return row ? toEmployee(row) : null;
  }

  /** Every employee as the record stands (the demo's yearly SKP round). */
  async allEmployees(): Promise<EmployeeSnapshot[]> {
    return (await this.employees.find({ order: { nip: 'ASC' } })).map(toEmployee);
  }

  async delegation(id: string): Promise<Delegation | null> {
    const row = await this.delegations.findOneBy({ id });
    return row ? toDelegation(row) : null;
  }

  /** A mutation plan by id (R-01). */
  async mutationPlan(id: string): Promise<MutationPlan | null> {
    const row = await this.plans.findOneBy({ id });
    return row ? { id: row.id, agencyId: row.agencyId, year: row.year, title: row.title, moves: row.moves } : null;
  }

  /** The mutation plans of some agencies (all when `agencyIds` is null), optionally of one year, by agency then year. */
  async mutationPlans(agencyIds: readonly string[] | null, year: number | null): Promise<MutationPlan[]> {
    const where = { ...(agencyIds ? { agencyId: In([...agencyIds]) } : {}), ...(year !== null ? { year } : {}) };
    const rows = await this.plans.find({ where, order: { agencyId: 'ASC', year: 'DESC' } });
    return rows.map((r) => ({ id: r.id, agencyId: r.agencyId, year: r.year, title: r.title, moves: r.moves }));
  }

  async authorities(): Promise<ChainAuthorities> {
    return chainAuthorities(await this.allAgencies());
  }

  /**
   * Employees page by page (cursor = last NIP seen), optionally of one agency and matching a name or NIP prefix, within
   * the reader's scope: the agencies of `scope` and the candidates of cases that involve `involvedAgency`.
   */
  async searchEmployees(
    filter: { agencyId?: string; q?: string; cursor?: string; limit: number },
    scope: { employees: AgencyScope; involvedAgency: string },
  ): Promise<{ items: EmployeeSnapshot[]; nextCursor: string | null }> {
    const query = this.employees
      .createQueryBuilder('e')
      .orderBy('e.nip', 'ASC')
      .limit(filter.limit + 1);
    if (scope.employees.kind !== 'ALL') {
      const involved = 'e.nip IN (SELECT candidate_nip FROM case_parties WHERE agencies @> ARRAY[:involved]::text[])';
      if (scope.employees.kind === 'AGENCIES')
        query.andWhere(
          new Brackets((b) =>
            b
              .where('e.agency_id = ANY(:scopeAgencies)', { scopeAgencies: scope.employees.kind === 'AGENCIES' ? [...scope.employees.agencyIds] : [] })
              .orWhere(involved, { involved: scope.involvedAgency }),
          ),
        );
      else query.andWhere(involved, { involved: scope.involvedAgency });
    }
    if (filter.agencyId) query.andWhere('e.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.cursor) query.andWhere('e.nip > :cursor', { cursor: filter.cursor });
    if (filter.q) {
      const like = `${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((b) =>
          b
            .where('lower(e.name) LIKE :like', { like })
            .orWhere('lower(e.name) LIKE :inner', { inner: `% ${like}` })
            .orWhere('e.nip LIKE :like', { like }),
        ),
      );
    }
    const rows = await query.getMany();
    const items = rows.slice(0, filter.limit).map(toEmployee);
    return { items, nextCursor: rows.length > filter.limit ? (items.at(-1)?.nip ?? null) : null };
  }

  /** True when `nip` is the candidate of a case that involves `agencyId` (read scope of employee records). */
  async isCandidateOfCaseInvolving(nip: string, agencyId: string): Promise<boolean> {
    const rows = (await this.db.query('SELECT 1 FROM case_parties WHERE candidate_nip = $1 AND agencies @> ARRAY[$2]::text[] LIMIT 1', [nip, agencyId])) as unknown[];
    return rows.length > 0;
  }

  /**
   * The M-01 pool of a target position (`poolMembers`): the rows of the drawable agencies holding the title or (PROVINCE)
   * one of the required competencies, selected in SQL and then passed through the domain's own test, with each one's
   * open case (M-09).
   */
  async meritPool(target: Position, targetAgency: Agency, originAgencyId: string, policy: Policy): Promise<PoolMember[]> {
    const agencies = await this.allAgencies();
    const drawable = poolAgencyIds(targetAgency, agencies, originAgencyId, policy);
    const byCompetency = policy.meritPool.value === 'PROVINCE' && target.requiredCompetencies.length > 0;
    const rows = (await this.db.query(
      `SELECT e.nip, p.title, c.case_id FROM employees_current e JOIN positions p ON p.id = e.position_id LEFT JOIN employee_claims c ON c.nip = e.nip
       WHERE e.agency_id = ANY($1) AND e.position_id <> $2 AND (p.title = $3 OR ($4 AND e.competencies ?| $5)) ORDER BY e.nip`,
      [drawable, target.id, target.title, byCompetency, [...target.requiredCompetencies]],
    )) as { nip: string; title: string; case_id: string | null }[];
    if (rows.length === 0) return [];
    const employees = (await this.employees.find({ where: { nip: In(rows.map((r) => r.nip)) } })).map(toEmployee);
    const facts = new Map(rows.map((r) => [r.nip, r]));
    const titles = new Map(employees.map((e) => [e.positionId, facts.get(e.nip)?.title]));
    return poolMembers(
      { employees, positionTitle: (id) => titles.get(id), agencies, openCaseOf: (nip) => facts.get(nip)?.case_id ?? null },
      target,
      targetAgency,
      originAgencyId,
      policy,
    );
  }
}
