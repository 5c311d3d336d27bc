import { IsoInstant } from '../shared/dates';
import { Policy } from '../policy/policy';
import { Agency, ChainAuthorities } from '../reference/agency';
import { HumanRole } from '../reference/roles';
import { RuleOutcome } from '../rules/outcome';
import { MoveSide, overlayOutcomes } from '../rules/election-rules';
import { Route } from './route';

export type StepKind = 'VERIFICATION' | 'CONSIDERATION' | 'PROPOSAL' | 'CONSENT' | 'FORWARDING' | 'COORDINATION' | 'WRITTEN_APPROVAL' | 'PERTEK' | 'DECREE';

/** One step of an approval chain: who (role of which agency) must act, why, and how long they have. */
export interface PlannedStep {
  readonly stepId: string;
  readonly kind: StepKind;
  readonly role: HumanRole;
  readonly agencyId: string;
  readonly title: string;
  /** Rules that put this step in the chain (R-10, R-11, R-40 …). */
  readonly ruleIds: readonly string[];
  /** Days from activation to the deadline. */
  readonly dueInDays: number;
}

export interface DecreeSigner {
  readonly role: HumanRole;
  readonly agencyId: string;
}

/** The chain recorded when approval starts, with the policy version that produced it. */
export interface ChainPlan {
  readonly route: Route;
  readonly steps: readonly PlannedStep[];
  readonly decreeSigner: DecreeSigner;
  readonly policyVersion: string;
  readonly overlays: readonly RuleOutcome[];
}

export interface ChainInput {
  readonly route: Route;
  readonly origin: MoveSide;
  readonly target: MoveSide;
  readonly authorities: ChainAuthorities;
  readonly now: IsoInstant;
  readonly policy: Policy;
}

type Draft = Omit<PlannedStep, 'stepId' | 'dueInDays'>;

function governorAgency(agency: Agency, authorities: ChainAuthorities): string {
  const province = agency.provinceCode;
  const id = province === null ? undefined : authorities.provinceAgencyIds[province];
  if (id === undefined) throw new Error(`no provincial government on record for province ${String(province)}`);
  return id;
}

/** The decree signer of a route (docs/domain.md §4). */
export function decreeSignerFor(route: Route, target: Agency, authorities: ChainAuthorities): DecreeSigner {
  switch (route) {
    case 'INTERNAL':
    case 'PPPK_PERAMPINGAN':
      return { role: 'PPK', agencyId: target.id };
    case 'KABKOTA_SAME_PROVINCE':
    case 'PROVINSI_TO_KABKOTA':
    case 'KABKOTA_TO_PROVINSI':
      return { role: 'GUBERNUR', agencyId: governorAgency(target, authorities) };
    case 'INTER_PROVINCE':
      return { role: 'MENDAGRI', agencyId: authorities.kemendagriAgencyId };
    case 'PUSAT_TO_DAERAH':
      return { role: 'KANREG_BKN', agencyId: target.kanregAgencyId };
    case 'DAERAH_TO_PUSAT':
    case 'PUSAT_TO_PUSAT':
      return { role: 'KEPALA_BKN', agencyId: authorities.bknAgencyId };
  }
}

function routeSteps(input: ChainInput, signer: DecreeSigner): Draft[] {
  const { route, origin, target, authorities } = input;
  const shape = input.policy.chainShape.value;
  const proposal: Draft = { kind: 'PROPOSAL', role: 'PPK', agencyId: target.agency.id, title: 'Usulan oleh PPK penerima (PPK-P)', ruleIds: [] };
  const consent: Draft = {
    kind: 'CONSENT',
    role: 'PPK',
    agencyId: origin.agency.id,
    title: 'Persetujuan tertulis PPK asal (PPK-A) yang menyebut jabatan tujuan',
    ruleIds: ['R-11'],
  };
  switch (route) {
    case 'INTERNAL':
      return [
        { kind: 'VERIFICATION', role: 'VERIFIKATOR', agencyId: target.agency.id, title: 'Verifikasi berkas', ruleIds: [] },
        { kind: 'CONSIDERATION', role: 'TIM_PENILAI_KINERJA', agencyId: target.agency.id, title: 'Pertimbangan Tim Penilai Kinerja', ruleIds: ['R-10'] },
      ];
    case 'KABKOTA_SAME_PROVINCE':
    case 'PROVINSI_TO_KABKOTA':
    case 'KABKOTA_TO_PROVINSI': {
      // The governor is the receiving PPK of a kabupaten/kota → provinsi move: a separate forwarding step is redundant.
      const forwarding = route !== 'KABKOTA_TO_PROVINSI' || shape.kabkotaToProvinsiForwarding;
      return [
        proposal,
        consent,
        ...(forwarding
          ? [{ kind: 'FORWARDING' as const, role: 'GUBERNUR' as const, agencyId: governorAgency(target.agency, authorities), title: 'Penerusan oleh gubernur', ruleIds: [] }]
          : []),
        { kind: 'PERTEK', role: 'KANREG_BKN', agencyId: target.agency.kanregAgencyId, title: 'Pertimbangan teknis (pertek) Kantor Regional BKN', ruleIds: ['R-30'] },
      ];
    }
    case 'INTER_PROVINCE': {
      // Into a kabupaten/kota the file goes to Mendagri through the receiving side's governor (copy to the Head of BKN).
      const throughGovernor = shape.interProvinceThroughGovernor && target.agency.kind === 'KABKOTA';
      return [
        proposal,
        consent,
        ...(throughGovernor
          ? [
              {
                kind: 'FORWARDING' as const,
                role: 'GUBERNUR' as const,
                agencyId: governorAgency(target.agency, authorities),
                title: 'Penerusan oleh gubernur kabupaten/kota penerima kepada Mendagri, dengan tembusan kepada Kepala BKN',
                ruleIds: [],
              },
            ]
          : []),
        { kind: 'COORDINATION', role: 'MENDAGRI', agencyId: authorities.kemendagriAgencyId, title: 'Koordinasi oleh Kemendagri (Permendagri 58/2019)', ruleIds: [] },
        { kind: 'PERTEK', role: 'KEPALA_BKN', agencyId: authorities.bknAgencyId, title: 'Pertimbangan teknis (pertek) BKN Pusat', ruleIds: ['R-30'] },
      ];
    }
    case 'PUSAT_TO_DAERAH':
    case 'DAERAH_TO_PUSAT':
    case 'PUSAT_TO_PUSAT':
      return [proposal, consent, { kind: 'PERTEK', role: signer.role, agencyId: signer.agencyId, title: 'Pertimbangan teknis (pertek) BKN', ruleIds: ['R-30'] }];
    case 'PPPK_PERAMPINGAN':
      return origin.agency.id === target.agency.id
        ? [{ kind: 'VERIFICATION', role: 'VERIFIKATOR', agencyId: target.agency.id, title: 'Verifikasi berkas perampingan organisasi', ruleIds: ['R-61'] }]
        : [proposal, consent];
  }
}

/** Adds the overlay steps (R-40, R-43, R-45 → one Mendagri written approval; R-46 → a KEPALA_BKN pertek). */
function withOverlays(steps: Draft[], overlays: readonly RuleOutcome[], authorities: ChainAuthorities): Draft[] {
  const required = (id: string): boolean => overlays.some((o) => o.ruleId === id && o.outcome === 'REQUIRES_STEP');
  const result = [...steps];
  const mendagriRules = ['R-40', 'R-43', 'R-45'].filter(required);
  if (mendagriRules.length > 0) {
    const existing = result.findIndex((s) => s.role === 'MENDAGRI');
    if (existing >= 0) {
      const step = result[existing] as Draft;
      result[existing] = { ...step, title: `${step.title}, including Mendagri's written approval`, ruleIds: [...step.ruleIds, ...mendagriRules] };
    } else {
      const at = firstIndexOf(result, 'PERTEK');
      result.splice(at, 0, {
        kind: 'WRITTEN_APPROVAL',
        role: 'MENDAGRI',
        agencyId: authorities.kemendagriAgencyId,
        title: 'Persetujuan tertulis Mendagri',
        ruleIds: mendagriRules,
      });
    }
  }
  if (required('R-46')) {
    const existing = result.findIndex((s) => s.role === 'KEPALA_BKN' && s.kind === 'PERTEK');
    if (existing >= 0) {
      const step = result[existing] as Draft;
      result[existing] = { ...step, ruleIds: [...step.ruleIds, 'R-46'] };
    } else {
      result.push({
        kind: 'PERTEK',
        role: 'KEPALA_BKN',
        agencyId: authorities.bknAgencyId,
        title: 'Pertek BKN Pusat bagi penjabat kepala daerah (PENJABAT)',
        ruleIds: ['R-30', 'R-46'],
      });
    }
  }
  return result;
}

function firstIndexOf(steps: readonly Draft[], kind: StepKind): number {
  const index = steps.findIndex((s) => s.kind === kind);
  return index >= 0 ? index : steps.length;
}

/**
 * Builds the approval chain of a route with its overlays. The chain always ends with the DECREE step of the
 * route's decree signer; every step gets an id, a role, an agency and a deadline.
 */
export function buildApprovalChain(input: ChainInput): ChainPlan {
  const { policy } = input;
  const signer = decreeSignerFor(input.route, input.target.agency, input.authorities);
  const overlays = overlayOutcomes([input.origin, input.target], input.now, policy);
  const drafts = withOverlays(routeSteps(input, signer), overlays, input.authorities);
  const decree: Draft = { kind: 'DECREE', role: signer.role, agencyId: signer.agencyId, title: 'Penetapan SK oleh penandatangan SK', ruleIds: ['M-02'] };
  const steps = [...drafts, decree].map((d, i): PlannedStep => ({
    ...d,
    stepId: `${i + 1}-${d.kind.toLowerCase().replace('_', '-')}`,
    dueInDays: d.kind === 'PERTEK' ? policy.pertekDays.value : policy.stepDeadlineDays.value,
  }));
  return { route: input.route, steps, decreeSigner: signer, policyVersion: policy.version, overlays };
}
