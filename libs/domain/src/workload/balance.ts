import { IsoInstant, toDate } from '../shared/dates';
import { Policy } from '../policy/policy';
import { Agency } from '../reference/agency';
import { EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { recordedFigures } from '../rules/vacancy-rules';
import { candidatePool, poolMembers, PoolCandidate } from '../merit/pool';
import { abkNeed, MutationPlan } from './abk';

export type BalanceStatus = 'DEFICIT' | 'SURPLUS' | 'BALANCED';

/** One position's workload balance: the ABK's need, the people in post, the cases under way, and the gap. */
export interface PositionBalance {
  readonly positionId: string;
  readonly agencyId: string;
  readonly unit: string;
  readonly title: string;
  readonly positionClass: Position['positionClass'];
  readonly kebutuhan: number;
  readonly bezetting: number;
  /** Places other cases under way hold in this position (moving in). */
  readonly incomingUnderWay: number;
  /** Holders of this position in open cases (moving out). */
  readonly outgoingUnderWay: number;
  /** kebutuhan − bezetting − incoming + outgoing: above zero a deficit, below zero a surplus. */
  readonly gap: number;
  readonly status: BalanceStatus;
  readonly abk: { readonly workloadHours: number; readonly exactNeed: number } | null;
  readonly plannedIn: { readonly planId: string; readonly count: number } | null;
}

export interface UnitBalance {
  readonly agencyId: string;
  readonly unit: string;
  readonly kebutuhan: number;
  readonly bezetting: number;
  readonly gap: number;
  readonly positions: readonly PositionBalance[];
}

/** A move the balance suggests: a surplus holder who fits a deficit, with what opening and proposing the case takes. */
export interface SuggestedMove {
  readonly rank: number;
  readonly target: { readonly positionId: string; readonly agencyId: string; readonly title: string; readonly gap: number };
  readonly from: { readonly positionId: string; readonly agencyId: string; readonly title: string; readonly surplus: number };
  readonly employee: Pick<PoolCandidate, 'nip' | 'name' | 'kind' | 'route' | 'standing' | 'score' | 'parts' | 'competencyGap' | 'needsGround'>;
  readonly opensWith: { readonly method: 'POST'; readonly path: string; readonly body: Record<string, unknown> };
  readonly proposeWith: { readonly method: 'POST'; readonly path: string; readonly body: Record<string, unknown> };
  readonly notes: readonly string[];
}

export interface WorkloadBalance {
  readonly policyVersion: string;
  readonly effectiveHoursPerYear: number;
  readonly agencyIds: readonly string[];
  readonly totals: { readonly kebutuhan: number; readonly bezetting: number; readonly deficit: number; readonly surplus: number };
  readonly units: readonly UnitBalance[];
  readonly suggestions: readonly SuggestedMove[];
}

/** The record a balance is computed from. */
export interface BalanceInput {
  /** The agencies asked about. */
  readonly agencyIds: readonly string[];
  readonly agencies: readonly Agency[];
  /** Positions of the agencies asked about and of the agencies their pools draw on. */
  readonly positions: readonly Position[];
  /** The holders of those positions. */
  readonly employees: readonly EmployeeSnapshot[];
  readonly incomingUnderWay: ReadonlyMap<string, number>;
  readonly openCaseOf: (nip: string) => string | null;
  /** Whether an open case is moving the employee out of their position (not yet appointed elsewhere). */
  readonly movingOut: (nip: string) => boolean;
  readonly plans: readonly MutationPlan[];
  readonly now: IsoInstant;
  readonly policy: Policy;
  /** Suggestions kept per deficit position. */
  readonly suggestionsPerPosition: number;
}

function positionBalance(p: Position, input: BalanceInput, outgoing: number): PositionBalance {
  const incoming = input.incomingUnderWay.get(p.id) ?? 0;
  const gap = p.kebutuhan - p.bezetting - incoming + outgoing;
  const abk = p.abkTasks && p.abkTasks.length > 0 ? abkNeed(p.abkTasks, input.policy) : null;
  const year = Number(toDate(input.now).slice(0, 4));
  const plan = input.plans.find((pl) => pl.agencyId === p.agencyId && pl.year === year && pl.moves.some((m) => m.targetPositionId === p.id));
  return {
    positionId: p.id,
    agencyId: p.agencyId,
    unit: p.unit,
    title: p.title,
    positionClass: p.positionClass,
    kebutuhan: p.kebutuhan,
    bezetting: p.bezetting,
    incomingUnderWay: incoming,
    outgoingUnderWay: outgoing,
    gap,
    status: gap > 0 ? 'DEFICIT' : gap < 0 ? 'SURPLUS' : 'BALANCED',
    abk: abk === null ? null : { workloadHours: abk.workloadHours, exactNeed: abk.exactNeed },
    plannedIn: plan ? { planId: plan.id, count: plan.moves.find((m) => m.targetPositionId === p.id)?.count ?? 0 } : null,
  };
}

function suggestionsFor(deficit: PositionBalance, surplus: ReadonlyMap<string, PositionBalance>, input: BalanceInput): Omit<SuggestedMove, 'rank'>[] {
  const target = input.positions.find((p) => p.id === deficit.positionId) as Position;
  const targetAgency = input.agencies.find((a) => a.id === target.agencyId) as Agency;
  const holders = input.employees.filter((e) => surplus.has(e.positionId));
  const titles = (id: string) => input.positions.find((p) => p.id === id)?.title;
  const members = poolMembers(
    { employees: holders, positionTitle: titles, agencies: input.agencies, openCaseOf: input.openCaseOf },
    target,
    targetAgency,
    target.agencyId,
    input.policy,
  );
  const pool = candidatePool(members, target, input.now, input.policy, null);
  const figures = recordedFigures(target, input.policy);
  return pool.candidates
    .filter((c) => c.rank !== null)
    .slice(0, input.suggestionsPerPosition)
    .map((c) => {
      const from = surplus.get(c.positionId) as PositionBalance;
      const needsAnalysis = {
        kebutuhan: figures.kebutuhan,
        bezetting: figures.bezetting,
        ...(figures.workloadHours !== null ? { workloadHours: figures.workloadHours } : {}),
        ...(deficit.plannedIn ? { planReference: deficit.plannedIn.planId } : {}),
        justification: `ABK: kebutuhan ${figures.kebutuhan}, bezetting ${figures.bezetting}; kelebihan ${-from.gap} pegawai pada ${from.title} (${from.agencyId})`,
      };
      const notes = [
        ...(deficit.plannedIn ? [] : ['tidak ada rencana mutasi tercatat yang merencanakan mutasi ini: berikan exceptionReason (R-01, ditandai)']),
        ...(c.needsGround.length > 0 ? [`memerlukan alasan pengecualian dari kebijakan untuk ${c.needsGround.join(', ')}`] : []),
        ...(c.competencyGap.length > 0 ? [`kesenjangan kompetensi ${c.competencyGap.join(', ')}: rencana pelatihan dibuat saat pengusulan (R-09)`] : []),
      ];
      return {
        target: { positionId: target.id, agencyId: target.agencyId, title: target.title, gap: deficit.gap },
        from: { positionId: from.positionId, agencyId: from.agencyId, title: from.title, surplus: -from.gap },
        employee: {
          nip: c.nip,
          name: c.name,
          kind: c.kind,
          route: c.route,
          standing: c.standing,
          score: c.score,
          parts: c.parts,
          competencyGap: c.competencyGap,
          needsGround: c.needsGround,
        },
        opensWith: { method: 'POST', path: '/api/transfers', body: { targetAgencyId: target.agencyId, targetPositionId: target.id, needsAnalysis } },
        proposeWith: {
          method: 'POST',
          path: '/api/transfers/{caseId}/propose-candidate',
          body: {
            employeeNip: c.nip,
            originPositionId: c.positionId,
            initiative: 'DINAS',
            justification: `memindahkan kelebihan pegawai ${from.title} untuk mengisi kekurangan pada ${target.title} (ABK)`,
          },
        },
        notes,
      };
    });
}

/**
 * The workload balance of some agencies (`GET /api/workload/balance`): every unit and position with kebutuhan,
 * bezetting, cases under way and the gap, surplus as well as deficit, and the moves it suggests: for each deficit the
 * holders of surplus positions (in the agencies its pool draws on) who are eligible for it, ranked by merit.
 */
export function workloadBalance(input: BalanceInput): WorkloadBalance {
  const outgoing = new Map<string, number>();
  for (const e of input.employees) if (input.movingOut(e.nip)) outgoing.set(e.positionId, (outgoing.get(e.positionId) ?? 0) + 1);
  const all = input.positions.map((p) => positionBalance(p, input, outgoing.get(p.id) ?? 0));
  const asked = new Set(input.agencyIds);
  const inScope = all.filter((b) => asked.has(b.agencyId));
  const surplus = new Map(all.filter((b) => b.status === 'SURPLUS').map((b) => [b.positionId, b]));
  const units = new Map<string, PositionBalance[]>();
  for (const b of inScope) units.set(`${b.agencyId}\u0000${b.unit}`, [...(units.get(`${b.agencyId}\u0000${b.unit}`) ?? []), b]);
  const unitList = [...units.values()]
    .map((ps): UnitBalance => ({
      agencyId: ps[0]?.agencyId as string,
      unit: ps[0]?.unit as string,
      kebutuhan: ps.reduce((s, p) => s + p.kebutuhan, 0),
      bezetting: ps.reduce((s, p) => s + p.bezetting, 0),
      gap: ps.reduce((s, p) => s + p.gap, 0),
      positions: ps,
    }))
    .sort((a, b) => (a.agencyId + a.unit < b.agencyId + b.unit ? -1 : 1));
  const suggestions = inScope.filter((b) => b.status === 'DEFICIT').flatMap((d) => suggestionsFor(d, surplus, input).map((s, i) => ({ rank: i + 1, ...s })));
  return {
    policyVersion: input.policy.version,
    effectiveHoursPerYear: input.policy.abkEffectiveHoursPerYear.value,
    agencyIds: [...asked].sort(),
    totals: {
      kebutuhan: inScope.reduce((s, b) => s + b.kebutuhan, 0),
      bezetting: inScope.reduce((s, b) => s + b.bezetting, 0),
      deficit: inScope.reduce((s, b) => s + Math.max(0, b.gap), 0),
      surplus: inScope.reduce((s, b) => s + Math.max(0, -b.gap), 0),
    },
    units: unitList,
    suggestions,
  };
}
