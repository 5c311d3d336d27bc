import { MutationPlan, Position } from '@mutasi/domain';
import { AGENCY } from './agencies';
import { positionId } from './positions';

/**
 * Positions holding more people than their ABK needs (the surplus units a real agency has after years of unplanned
 * moves): how many over. Their holders are what the workload balance suggests moving to the deficits.
 */
export const DEMO_SURPLUS: Readonly<Record<string, number>> = {
  [positionId(AGENCY.sukamaju, 'pengelola-keuangan')]: 2,
  [positionId(AGENCY.bandarLestari, 'pengelola-keuangan')]: 1,
  [positionId(AGENCY.lembahHijau, 'pengadministrasi')]: 3,
  [positionId(AGENCY.provNb, 'pengadministrasi')]: 2,
  [positionId(AGENCY.tanjungHarapan, 'pengelola-keuangan')]: 2,
};

/** The id of an agency's mutation plan for a year. */
export function planIdFor(agencyId: string, year: number): string {
  return `rencana-mutasi.${agencyId}.${year}`;
}

/** Each agency's mutation plan for `year`: a planned move into every position whose ABK shows a deficit. */
export function demoPlans(positions: readonly Position[], agencyNames: ReadonlyMap<string, string>, year: number): MutationPlan[] {
  const byAgency = new Map<string, Position[]>();
  for (const p of positions) if (p.kebutuhan > p.bezetting) byAgency.set(p.agencyId, [...(byAgency.get(p.agencyId) ?? []), p]);
  return [...byAgency.entries()].map(([agencyId, deficits]) => ({
    id: planIdFor(agencyId, year),
    agencyId,
    year,
    title: `Rencana Mutasi ${agencyNames.get(agencyId) ?? agencyId} Tahun ${year}`,
    moves: deficits.map((p) => ({ targetPositionId: p.id, count: p.kebutuhan - p.bezetting, note: `ABK: kebutuhan ${p.kebutuhan}, bezetting ${p.bezetting}` })),
  }));
}
