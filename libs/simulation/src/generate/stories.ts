import { activeStep, DomainError, innerCase, TransferCommand, TransferEvent } from '@mutasi/domain';
import { AGENCY, CaseJourney, DEMO_NIP, positionId, Prng, Scenario, World } from '@mutasi/demo-data';
import { caseEmployee, worldWith } from './case-world';

/** One step of a simulated case: a command the decider accepted, or one it refused (recorded as a refusal, M-04). */
export type PlannedStep = { readonly command: TransferCommand; readonly refusal: null } | { readonly command: TransferCommand; readonly refusal: DomainError };

export interface PlannedCase {
  readonly caseId: string;
  readonly story: string;
  readonly steps: readonly PlannedStep[];
}

/** A scenario that keeps every command it ran, and every command the decider refused, in order. */
class RecordingScenario extends Scenario {
  readonly steps: PlannedStep[] = [];

  override run(command: TransferCommand): TransferEvent[] {
    try {
      const events = super.run(command);
      this.steps.push({ command, refusal: null });
      return events;
    } catch (error) {
      if (error instanceof DomainError) this.steps.push({ command, refusal: error });
      throw error;
    }
  }
}

class SimulatedJourney extends CaseJourney {
  override readonly scenario = new RecordingScenario();
}

/** The route families of the demo world: target position and the employee moved (docs/domain.md §4). */
const ROUTES = [
  { family: 'internal', target: positionId(AGENCY.bandarLestari, 'auditor'), nip: DEMO_NIP.internal, weight: 30 },
  { family: 'same-province', target: positionId(AGENCY.provNb, 'analis-sdm'), nip: DEMO_NIP.sameProvince, weight: 20 },
  { family: 'inter-province', target: positionId(AGENCY.lembahHijau, 'analis-kebijakan'), nip: DEMO_NIP.interProvince, weight: 15 },
  { family: 'central-to-regional', target: positionId(AGENCY.bandarLestari, 'pranata-komputer'), nip: DEMO_NIP.centralToRegional, weight: 15 },
  // Pilkada: the Mendagri overlay joins the chain (docs/domain.md §5).
  { family: 'election-overlay', target: positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian'), nip: DEMO_NIP.electionFreeze, weight: 20 },
] as const;

type Journey = SimulatedJourney;

/** How a case ends, with its share of cases (percent). Each may meet a refusal on the way: it is recorded and the case stops. */
const ENDINGS: readonly { readonly name: string; readonly weight: number; readonly run: (j: Journey, world: World) => void }[] = [
  { name: 'appointed', weight: 45, run: (j) => j.appointed() },
  {
    name: 'objection-dismissed',
    weight: 10,
    run: (j, world) => {
      j.notified();
      j.scenario.run(world.simple('RaiseObjection', { reason: 'saya keberatan: keluarga saya tinggal di kota asal' }, world.actor(`pns.${j.nip}`)));
      j.scenario.run(
        world.simple('ResolveObjection', { outcome: 'DISMISSED', reasoning: 'kebutuhan organisasi; tunjangan pindah diberikan' }, world.person('PPK', j.targetAgencyId, j.state)),
      );
      j.documentsVerified().submit().approveSteps().decree().appoint();
    },
  },
  {
    name: 'returned-and-revised',
    weight: 10,
    run: (j, world) => {
      j.inApproval();
      const active = activeStep(innerCase(j.state)?.approval ?? null);
      if (!active) throw new Error('no active step');
      j.scenario.run(world.simple('ReturnForRevision', { stepId: active.stepId, reason: 'justifikasi belum menyebut angka ABK' }, world.stepActor(j.state)));
      j.scenario.run(world.propose(j.state, j.nip, { justification: 'mengisi kekurangan 2 orang menurut ABK tahun ini' }, undefined, undefined, true));
      j.notify().acknowledge().submit().approveSteps().decree();
    },
  },
  {
    name: 'rejected',
    weight: 5,
    run: (j, world) => {
      j.inApproval();
      const active = activeStep(innerCase(j.state)?.approval ?? null);
      if (!active) throw new Error('no active step');
      j.scenario.run(world.simple('RejectStep', { stepId: active.stepId, reason: 'berkas tidak konsisten' }, world.stepActor(j.state)));
    },
  },
  {
    name: 'withdrawn',
    weight: 5,
    run: (j, world) => {
      j.proposed();
      j.scenario.run(world.simple('WithdrawTransfer', { reason: 'formasi dihapus' }, world.actor('PPK', j.targetAgencyId)));
    },
  },
  {
    // An insider's attempt the rules refuse: the employee approves the needs analysis of their own case (refused and
    // recorded), then the case goes on as it should.
    name: 'refused-insider-then-appointed',
    weight: 15,
    run: (j, world) => {
      j.opened();
      try {
        j.scenario.run(world.simple('ApproveNeedsAnalysis', { notes: 'disetujui' }, world.actor(`pns.${j.nip}`)));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
      j.approveNeeds().propose().notify().acknowledge().documentsVerified().submit().approveSteps().decree().appoint();
    },
  },
  {
    name: 'decree-revoked',
    weight: 5,
    run: (j, world) => {
      j.decreed();
      j.scenario.run(world.simple('RevokeDecree', { reason: 'SK memuat NIP yang salah', reference: 'BA-CABUT-01' }, world.actor('KEPALA_BKN', AGENCY.bkn)));
    },
  },
  {
    name: 'frozen-and-released',
    weight: 5,
    run: (j, world) => {
      j.proposed();
      const bkn = world.actor('KEPALA_BKN', AGENCY.bkn);
      j.scenario.run(world.simple('FreezeCase', { reason: 'laporan dugaan intervensi politik', reference: 'BKN-BEKU-01' }, bkn));
      j.scenario.run(world.simple('UnfreezeCase', { reason: 'pemeriksaan selesai: tidak terbukti', reference: 'BKN-CAIR-01' }, bkn));
      j.notify().acknowledge().documentsVerified().submit().approveSteps().decree().appoint();
    },
  },
];

function pick<T extends { readonly weight: number }>(items: readonly T[], prng: Prng): T {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  let at = prng.next() * total;
  for (const item of items) {
    at -= item.weight;
    if (at < 0) return item;
  }
  return items.at(-1) as T;
}

/**
 * The commands of case number `index` of a run: its route and ending drawn from the run's seed, its own employee
 * (caseEmployee), decided once in
 * memory (so the plan is whole before anything is written) and written afterwards through the command pipeline,
 * which decides each command again against the stored stream.
 */
export function planCase(world: World, seed: number, index: number, caseId: string, endingName?: string): PlannedCase {
  const prng = new Prng(seed * 1_000_003 + index);
  const route = pick(ROUTES, prng);
  const drawn = pick(ENDINGS, prng);
  const ending = ENDINGS.find((e) => e.name === endingName) ?? drawn;
  const template = world.employee(route.nip);
  const employee = caseEmployee(template, index, prng);
  const own = worldWith(world, template, employee);
  const journey = new SimulatedJourney(own, caseId, route.target, employee.nip);
  try {
    ending.run(journey, own);
  } catch (error) {
    // A refusal ends the story where it happened; the refused command is the last step (the rules said no).
    if (!(error instanceof DomainError)) throw error;
  }
  return { caseId, story: `${route.family}/${ending.name}`, steps: journey.scenario.steps };
}
