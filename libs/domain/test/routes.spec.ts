import { addDays, addMonths, Agency, buildApprovalChain, chainAuthorities, DEFAULT_POLICIES, deriveRoute, DomainError, POLICY_2024_1, Position, ROUTES } from '@mutasi/domain';
import { AGENCY, positionId } from '@mutasi/demo-data';
import fc from 'fast-check';
import { TEST_NOW, World } from '@mutasi/testing';

const world = new World();
const a = (id: string): Agency => world.agency(id);
const authorities = chainAuthorities(world.data.agencies);

function chain(route: ReturnType<typeof deriveRoute>, origin: Agency, target: Agency, originPosition: Position, targetPosition: Position, now = TEST_NOW, policy = POLICY_2024_1) {
  return buildApprovalChain({
    route,
    origin: { side: 'ORIGIN', agency: origin, position: originPosition },
    target: { side: 'TARGET', agency: target, position: targetPosition },
    authorities,
    now,
    policy,
  });
}

const pelaksana = (agencyId: string): Position => ({ ...world.position(positionId(AGENCY.bandarLestari, 'pengelola-keuangan')), agencyId });
const summary = (plan: ReturnType<typeof chain>) => plan.steps.map((s) => `${s.kind}:${s.role}@${s.agencyId}`);

describe('route derivation (docs/domain.md §4)', () => {
  it.each([
    [AGENCY.bandarLestari, AGENCY.bandarLestari, 'INTERNAL'],
    [AGENCY.sukamaju, AGENCY.bandarLestari, 'KABKOTA_SAME_PROVINCE'],
    [AGENCY.provNb, AGENCY.bandarLestari, 'PROVINSI_TO_KABKOTA'],
    [AGENCY.bandarLestari, AGENCY.provNb, 'KABKOTA_TO_PROVINSI'],
    [AGENCY.bandarLestari, AGENCY.lembahHijau, 'INTER_PROVINCE'],
    [AGENCY.provNb, AGENCY.provSt, 'INTER_PROVINCE'],
    [AGENCY.kementerian, AGENCY.bandarLestari, 'PUSAT_TO_DAERAH'],
    [AGENCY.lembahHijau, AGENCY.kementerian, 'DAERAH_TO_PUSAT'],
    [AGENCY.kementerian, AGENCY.kemendagri, 'PUSAT_TO_PUSAT'],
  ])('derives the route from %s to %s as %s', (origin, target, route) => {
    expect(deriveRoute(a(origin), a(target), 'PNS', false)).toBe(route);
  });

  it('R-61 gives a PPPK the downsizing route only with a downsizing decree', () => {
    expect(deriveRoute(a(AGENCY.bandarLestari), a(AGENCY.provNb), 'PPPK', true)).toBe('PPPK_PERAMPINGAN');
    expect(deriveRoute(a(AGENCY.bandarLestari), a(AGENCY.provNb), 'PPPK', false)).toBe('KABKOTA_TO_PROVINSI');
  });

  it('refuses a move to a Perwakilan RI abroad with a clear error (no legal source found)', () => {
    const abroad = { ...a(AGENCY.kementerian), id: 'kbri-x', abroad: true };
    expect(() => deriveRoute(a(AGENCY.kementerian), abroad, 'PNS', false)).toThrow(DomainError);
    expect(() => deriveRoute(a(AGENCY.kementerian), abroad, 'PNS', false)).toThrow(/Perwakilan RI/);
  });
});

describe('approval chains per route', () => {
  const quiet = '2026-06-01T02:00:00.000Z';

  it('R-10 INTERNAL: verification, performance-assessment team, then the PPK decree', () => {
    const plan = chain('INTERNAL', a(AGENCY.bandarLestari), a(AGENCY.bandarLestari), pelaksana(AGENCY.bandarLestari), pelaksana(AGENCY.bandarLestari), quiet);
    expect(summary(plan)).toEqual([
      `VERIFICATION:VERIFIKATOR@${AGENCY.bandarLestari}`,
      `CONSIDERATION:TIM_PENILAI_KINERJA@${AGENCY.bandarLestari}`,
      `DECREE:PPK@${AGENCY.bandarLestari}`,
    ]);
    expect(plan.steps[1]?.ruleIds).toContain('R-10');
  });

  it.each(['KABKOTA_SAME_PROVINCE', 'PROVINSI_TO_KABKOTA', 'KABKOTA_TO_PROVINSI'] as const)(
    '%s: PPK-P, PPK-A consent (R-11), governor forwarding, Kanreg pertek, governor decree',
    (route) => {
      const [origin, target] =
        route === 'KABKOTA_TO_PROVINSI'
          ? [AGENCY.bandarLestari, AGENCY.provNb]
          : route === 'PROVINSI_TO_KABKOTA'
            ? [AGENCY.provNb, AGENCY.bandarLestari]
            : [AGENCY.bandarLestari, AGENCY.sukamaju];
      const plan = chain(route, a(origin), a(target), pelaksana(origin), pelaksana(target), '2027-06-01T02:00:00.000Z');
      expect(summary(plan).filter((s) => !s.startsWith('WRITTEN') && !s.includes('KEPALA_BKN'))).toEqual([
        `PROPOSAL:PPK@${target}`,
        `CONSENT:PPK@${origin}`,
        `FORWARDING:GUBERNUR@${AGENCY.provNb}`,
        `PERTEK:KANREG_BKN@${AGENCY.kanregNb}`,
        `DECREE:GUBERNUR@${AGENCY.provNb}`,
      ]);
      expect(plan.steps.find((s) => s.kind === 'CONSENT')?.ruleIds).toContain('R-11');
      expect(plan.steps.find((s) => s.kind === 'PERTEK')?.dueInDays).toBe(POLICY_2024_1.pertekDays.value);
    },
  );

  it('INTER_PROVINCE: PPK-P, PPK-A, Mendagri coordination, KEPALA_BKN pertek, Mendagri decree', () => {
    const plan = chain('INTER_PROVINCE', a(AGENCY.bandarLestari), a(AGENCY.lembahHijau), pelaksana(AGENCY.bandarLestari), pelaksana(AGENCY.lembahHijau), quiet);
    expect(summary(plan)).toEqual([
      `PROPOSAL:PPK@${AGENCY.lembahHijau}`,
      `CONSENT:PPK@${AGENCY.bandarLestari}`,
      `COORDINATION:MENDAGRI@${AGENCY.kemendagri}`,
      `PERTEK:KEPALA_BKN@${AGENCY.bkn}`,
      `DECREE:MENDAGRI@${AGENCY.kemendagri}`,
    ]);
  });

  it('central and regional routes: PPK-P, PPK-A, BKN; KANREG_BKN signs central→regional in its area', () => {
    const down = chain('PUSAT_TO_DAERAH', a(AGENCY.kementerian), a(AGENCY.bandarLestari), pelaksana(AGENCY.kementerian), pelaksana(AGENCY.bandarLestari), quiet);
    expect(summary(down)).toEqual([
      `PROPOSAL:PPK@${AGENCY.bandarLestari}`,
      `CONSENT:PPK@${AGENCY.kementerian}`,
      `PERTEK:KANREG_BKN@${AGENCY.kanregNb}`,
      `DECREE:KANREG_BKN@${AGENCY.kanregNb}`,
    ]);
    const up = chain('DAERAH_TO_PUSAT', a(AGENCY.lembahHijau), a(AGENCY.kementerian), pelaksana(AGENCY.lembahHijau), pelaksana(AGENCY.kementerian), quiet);
    expect(up.decreeSigner).toEqual({ role: 'KEPALA_BKN', agencyId: AGENCY.bkn });
  });

  it('PPPK_PERAMPINGAN: PPK-P and PPK-A across agencies, then the PPK decree', () => {
    const plan = chain('PPPK_PERAMPINGAN', a(AGENCY.bandarLestari), a(AGENCY.provNb), pelaksana(AGENCY.bandarLestari), pelaksana(AGENCY.provNb), quiet);
    expect(summary(plan)).toEqual([`PROPOSAL:PPK@${AGENCY.provNb}`, `CONSENT:PPK@${AGENCY.bandarLestari}`, `DECREE:PPK@${AGENCY.provNb}`]);
  });

  it('records the policy version that produced the chain', () => {
    expect(chain('INTERNAL', a(AGENCY.provNb), a(AGENCY.provNb), pelaksana(AGENCY.provNb), pelaksana(AGENCY.provNb), quiet).policyVersion).toBe(POLICY_2024_1.version);
  });
});

describe('overlays', () => {
  const scoped = (agencyId: string): Position => ({ ...world.position(positionId(AGENCY.bandarLestari, 'kasubbag-kepegawaian')), agencyId });

  it('R-40 adds a Mendagri written approval inside the Pilkada freeze, for positions in R-41 scope only', () => {
    const th = a(AGENCY.tanjungHarapan);
    const inside = chain('INTERNAL', th, th, scoped(th.id), scoped(th.id), TEST_NOW);
    expect(inside.steps.find((s) => s.kind === 'WRITTEN_APPROVAL')).toMatchObject({ role: 'MENDAGRI', agencyId: AGENCY.kemendagri, ruleIds: ['R-40'] });
    const outOfScope = chain('INTERNAL', th, th, pelaksana(th.id), pelaksana(th.id), TEST_NOW);
    expect(outOfScope.steps.some((s) => s.kind === 'WRITTEN_APPROVAL')).toBe(false);
    expect(outOfScope.overlays.find((o) => o.ruleId === 'R-40')?.outcome).toBe('PASS');
  });

  it('R-41 puts a functional position heading a unit (Kepala Puskesmas) in scope', () => {
    const th = a(AGENCY.tanjungHarapan);
    const puskesmas = { ...world.position(positionId(AGENCY.sukamaju, 'kepala-puskesmas')), agencyId: th.id };
    expect(chain('INTERNAL', th, th, pelaksana(th.id), puskesmas, TEST_NOW).steps.some((s) => s.ruleIds.includes('R-40'))).toBe(true);
  });

  it('R-43 adds a Mendagri written approval within six months of a new head’s inauguration, not after', () => {
    const bl = a(AGENCY.bandarLestari);
    const inaugurated = bl.headInaugurationDate as string;
    const early = chain('INTERNAL', bl, bl, scoped(bl.id), scoped(bl.id), `${addMonths(inaugurated, 2)}T02:00:00.000Z`);
    expect(early.steps.find((s) => s.kind === 'WRITTEN_APPROVAL')?.ruleIds).toEqual(['R-43']);
    const later = chain('INTERNAL', bl, bl, scoped(bl.id), scoped(bl.id), `${addDays(addMonths(inaugurated, 6), 1)}T02:00:00.000Z`);
    expect(later.steps.some((s) => s.kind === 'WRITTEN_APPROVAL')).toBe(false);
  });

  it('R-45 and R-46: a PENJABAT regional head adds Mendagri approval and a KEPALA_BKN pertek', () => {
    const sk = a(AGENCY.sukamaju);
    const plan = chain('KABKOTA_SAME_PROVINCE', sk, a(AGENCY.bandarLestari), pelaksana(sk.id), pelaksana(AGENCY.bandarLestari), TEST_NOW);
    expect(summary(plan)).toEqual([
      `PROPOSAL:PPK@${AGENCY.bandarLestari}`,
      `CONSENT:PPK@${sk.id}`,
      `FORWARDING:GUBERNUR@${AGENCY.provNb}`,
      `WRITTEN_APPROVAL:MENDAGRI@${AGENCY.kemendagri}`,
      `PERTEK:KANREG_BKN@${AGENCY.kanregNb}`,
      `PERTEK:KEPALA_BKN@${AGENCY.bkn}`,
      `DECREE:GUBERNUR@${AGENCY.provNb}`,
    ]);
    expect(plan.steps.find((s) => s.kind === 'WRITTEN_APPROVAL')?.ruleIds).toEqual(['R-45']);
    expect(plan.steps.find((s) => s.role === 'KEPALA_BKN')?.ruleIds).toContain('R-46');
  });

  it('merges the overlay into an existing Mendagri step and BKN pertek on an inter-province route', () => {
    const plan = chain('INTER_PROVINCE', a(AGENCY.sukamaju), a(AGENCY.lembahHijau), pelaksana(AGENCY.sukamaju), pelaksana(AGENCY.lembahHijau), TEST_NOW);
    expect(plan.steps.filter((s) => s.role === 'MENDAGRI' && s.kind !== 'DECREE')).toHaveLength(1);
    expect(plan.steps.find((s) => s.kind === 'COORDINATION')?.ruleIds).toContain('R-45');
    expect(plan.steps.find((s) => s.kind === 'PERTEK')?.ruleIds).toContain('R-46');
  });
});

describe('chain properties', () => {
  const workAgencies = world.data.agencies.filter((x) => x.authority === undefined).map((x) => x.id);

  it('every chain ends with the route’s decree signer, and every step has an id, role, agency and deadline', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...workAgencies),
        fc.constantFrom(...workAgencies),
        fc.boolean(),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.boolean(),
        (originId, targetId, inScope, date, pppk) => {
          const origin = a(originId);
          const target = a(targetId);
          const route = deriveRoute(origin, target, pppk ? 'PPPK' : 'PNS', pppk);
          expect(ROUTES).toContain(route);
          const position = inScope ? scopedFor : pelaksana;
          const plan = chain(route, origin, target, position(originId), position(targetId), date.toISOString(), DEFAULT_POLICIES[0]);
          const last = plan.steps.at(-1);
          expect(last).toMatchObject({ kind: 'DECREE', role: plan.decreeSigner.role, agencyId: plan.decreeSigner.agencyId });
          expect(new Set(plan.steps.map((s) => s.stepId)).size).toBe(plan.steps.length);
          for (const s of plan.steps) expect(s.dueInDays).toBeGreaterThan(0);
        },
      ),
    );
  });

  function scopedFor(agencyId: string): Position {
    return { ...world.position(positionId(AGENCY.bandarLestari, 'kasubbag-kepegawaian')), agencyId };
  }
});
