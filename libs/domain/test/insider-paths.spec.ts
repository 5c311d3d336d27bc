import { activeStep, Actor, addDays, innerCase, ProposalRevised, TransferEvent } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId, userIdFor } from '@mutasi/demo-data';
import { CaseJourney, fakeSha256, given, World } from '@mutasi/testing';

/** The hostile-insider paths of the decider (issue "Close the insider's paths"): each refused, and the allowed case. */
const world = new World();
const BL = AGENCY.bandarLestari;
const INTERNAL = positionId(BL, 'auditor');
const CENTRAL = positionId(BL, 'pranata-komputer');
const step = (j: CaseJourney) => activeStep(innerCase(j.state)?.approval ?? null);
/** `actor` acting under another login but as the same person (same NIP), in `role`. */
const disguised = (actor: Actor, as: Actor): Actor => ({ ...as, userId: `${actor.userId}.second-login`, nip: actor.nip as string });
let cases = 0;
const nextId = (prefix: string): string => `${prefix}-${(cases += 1)}`;
const approve = (j: CaseJourney, actor: Actor) => world.simple('ApproveStep', { stepId: step(j)?.stepId as string, notes: 'ok' }, actor);

describe('R-06 one person takes at most one decision role in a case', () => {
  it('refuses the opener approving the needs analysis; another official may', () => {
    const j = new CaseJourney(world, 'r06-open', INTERNAL, DEMO_NIP.internal).opened();
    const opener = world.actor('PENGUSUL', BL);
    const openerAsPpk: Actor = { ...world.actor('PPK', BL), userId: opener.userId, nip: opener.nip as string };
    given(j.events)
      .when(world.simple('ApproveNeedsAnalysis', { notes: '' }, openerAsPpk))
      .thenRefused({ ruleId: 'R-06', code: 'RULE_R06_CONFLICT_OF_INTEREST' });
    given(j.events)
      .when(world.simple('ApproveNeedsAnalysis', { notes: '' }, world.actor('PPK', BL)))
      .then((events) => expect(events[0]?.metadata.ruleOutcomes[0]).toMatchObject({ ruleId: 'R-06', outcome: 'PASS' }));
  });

  it('refuses a step approver signing the decree, even under a second login; a fresh signer may', () => {
    const j = new CaseJourney(world, 'r06-sk', INTERNAL, DEMO_NIP.internal).approved();
    const verifier = innerCase(j.state)?.approval?.steps[0]?.acted?.actor as Actor;
    const signer = world.stepActor(j.state);
    given(j.events)
      .when(world.decree(j.state, { ...signer, userId: verifier.userId, nip: verifier.nip as string }))
      .thenRefused({ ruleId: 'R-06' });
    given(j.events)
      .when(world.decree(j.state, disguised(verifier, signer)))
      .thenRefused({ ruleId: 'R-06' });
    given(j.events)
      .when(world.decree(j.state, signer))
      .then((events) => expect(events[0]?.type).toBe('DecreeIssued.v1'));
  });

  it('after a return for revision, a chain-1 actor may act again for the same office but not on another step', () => {
    const j = new CaseJourney(world, 'r06-chains', INTERNAL, DEMO_NIP.internal).inApproval();
    const verifier = world.stepActor(j.state);
    j.scenario.run(approve(j, verifier));
    j.scenario.run(world.simple('ReturnForRevision', { stepId: step(j)?.stepId as string, reason: 'revise' }, world.stepActor(j.state)));
    j.scenario.run(world.propose(j.state, DEMO_NIP.internal, { justification: 'revised' }, undefined, undefined, true));
    j.scenario.run(world.simple('NotifyEmployee', { message: 'revised proposal' }, world.actor('PENGUSUL', BL)));
    j.scenario.run(world.simple('AcknowledgeTransfer', {}, world.actor(`pns.${DEMO_NIP.internal}`)));
    j.scenario.run(world.submit(j.state));
    given(j.events)
      .when(approve(j, verifier))
      .then((events) => expect(events[0]?.type).toBe('ApprovalStepGranted.v1'));
    j.scenario.run(approve(j, verifier));
    const team = world.actor('TIM_PENILAI_KINERJA', BL);
    const verifierAsTeam: Actor = { ...team, userId: verifier.userId, nip: verifier.nip as string };
    given(j.events).when(approve(j, verifierAsTeam)).thenRefused({ ruleId: 'R-06' });
    given(j.events)
      .when(approve(j, world.stepActor(j.state)))
      .then((events) => expect(events[0]?.type).toBe('ApprovalStepGranted.v1'));
  });

  it('refuses the employee and a declared relative deciding the objection; another PPK may', () => {
    const j = new CaseJourney(world, 'r06-objection', INTERNAL, DEMO_NIP.internal).notified();
    j.scenario.run(world.simple('RaiseObjection', { reason: 'family reasons' }, world.actor(`pns.${DEMO_NIP.internal}`)));
    const relative = world.person('PPK', BL, j.state);
    const events = j.events.map((e): TransferEvent =>
      e.type === 'CandidateProposed.v1'
        ? { ...e, data: { ...e.data, candidate: { ...e.data.candidate, relations: [{ nip: relative.nip ?? null, name: relative.name, relation: 'ADIK' }] } } }
        : e,
    );
    const resolve = (actor: Actor) => world.simple('ResolveObjection', { outcome: 'DISMISSED', reasoning: 'the service needs the move' }, actor);
    const error = given(events).when(resolve(relative)).thenRefused({ ruleId: 'R-06' });
    expect(error.message).toContain('kerabat pegawai yang telah dilaporkan (ADIK)');
    given(events)
      .when(resolve({ ...relative, userId: 'ppk-as-employee', nip: DEMO_NIP.internal }))
      .thenRefused({ ruleId: 'R-06' });
    given(events)
      .when(resolve(world.actor(userIdFor('PPK', BL, 3))))
      .then((out) => expect(out[0]?.type).toBe('ObjectionResolved.v1'));
  });
});

describe('R-06 four eyes on documents', () => {
  const crossAgency = () => {
    const j = new CaseJourney(world, nextId('r06-docs'), positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).notified();
    j.scenario.run(world.simple('AcknowledgeTransfer', {}, world.actor(`pns.${DEMO_NIP.sameProvince}`)));
    return j;
  };
  const attach = (j: CaseJourney, actor: Actor) => {
    j.scenario.run(world.simple('AttachDocument', { kind: 'EMPLOYEE_APPLICATION', title: 'Surat permohonan', sha256: fakeSha256(j.caseId), statement: null }, actor));
    return innerCase(j.state)?.documents.at(-1)?.documentId as string;
  };
  const verify = (documentId: string, actor: Actor) => world.simple('VerifyDocument', { documentId, status: 'APPROVED', notes: 'ok' }, actor);

  it('refuses a user holding PENGUSUL and VERIFIKATOR verifying the document he attached', () => {
    const j = crossAgency();
    const pengusul = world.actor('PENGUSUL', AGENCY.provNb);
    const documentId = attach(j, pengusul);
    const sameUserAsVerifier: Actor = { ...pengusul, role: 'VERIFIKATOR' };
    given(j.events).when(verify(documentId, sameUserAsVerifier)).thenRefused({ ruleId: 'R-06' });
    given(j.events)
      .when(verify(documentId, world.actor('VERIFIKATOR', AGENCY.provNb)))
      .then((events) => expect(events[0]?.type).toBe('DocumentVerified.v1'));
  });

  it('refuses a verifier whose NIP is the candidate’s verifying the candidate’s application', () => {
    const j = crossAgency();
    const documentId = attach(j, world.actor('PENGUSUL', BL));
    const candidateAsVerifier: Actor = { ...world.actor('VERIFIKATOR', AGENCY.provNb), nip: DEMO_NIP.sameProvince };
    given(j.events).when(verify(documentId, candidateAsVerifier)).thenRefused({ ruleId: 'R-06' });
  });
});

describe('M-06 dates that cannot lie', () => {
  // Built per test (beforeEach runs inside the test), not in the describe body, which mutation testing counts as static.
  let j: CaseJourney;
  let signer: Actor;
  beforeEach(() => {
    j = new CaseJourney(world, 'm06', INTERNAL, DEMO_NIP.internal).approved();
    signer = world.stepActor(j.state);
  });

  it('refuses a backdated SK, one dated before the last approval, and a TMT decades ahead; accepts true dates', () => {
    given(j.events)
      .when(world.decree(j.state, signer, { decreeDate: '2019-01-01', effectiveDate: '2019-01-02' }))
      .thenRefused({ ruleId: 'M-06', code: 'RULE_M06_DECREE_DATE' });
    given(j.events)
      .when(world.decree(j.state, signer, { decreeDate: addDays(world.now, -1), effectiveDate: addDays(world.now, 5) }))
      .thenRefused({ ruleId: 'M-06' });
    given(j.events)
      .when(world.decree(j.state, signer, { effectiveDate: '2061-01-01' }))
      .thenRefused({ ruleId: 'M-06' });
    given(j.events)
      .when(world.decree(j.state, signer, { decreeDate: addDays(world.now, 1) }, world.now))
      .thenRefused({ ruleId: 'M-06' });
    given(j.events)
      .when(world.decree(j.state, signer))
      .then((events) => expect(events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === 'M-06')?.outcome).toBe('PASS'));
  });

  it('refuses an appointment before the TMT or in the future; accepts one between them', () => {
    const d = new CaseJourney(world, 'm06-appointment', INTERNAL, DEMO_NIP.internal).decreed();
    const tmt = innerCase(d.state)?.decree?.effectiveDate as string;
    const ppk = world.person('PPK', BL, d.state);
    const appoint = (appointedOn: string, at: string) => world.simple('RecordAppointment', { appointedOn, reference: 'BA-1' }, ppk, `${at}T03:00:00.000Z`);
    given(d.events)
      .when(appoint(addDays(tmt, -1), tmt))
      .thenRefused({ ruleId: 'M-06', code: 'RULE_M06_APPOINTMENT_DATE' });
    given(d.events)
      .when(appoint(addDays(tmt, 3), tmt))
      .thenRefused({ ruleId: 'M-06' });
    given(d.events)
      .when(appoint(tmt, tmt))
      .then((events) => expect(events[0]?.type).toBe('AppointmentRecorded.v1'));
  });
});

describe('M-08 the evaluation comes from the record', () => {
  const appointed = () => new CaseJourney(world, nextId('m08'), INTERNAL, DEMO_NIP.internal).appointed();
  const dueOn = (j: CaseJourney) => `${innerCase(j.state)?.evaluations[0]?.dueOn as string}T03:00:00.000Z`;

  it('refuses the proposer as evaluator (R-06); a fresh official may evaluate', () => {
    const j = appointed();
    given(j.events)
      .when(world.evaluate(j.state, 6, world.actor('PENGUSUL', BL), dueOn(j)))
      .thenRefused({ ruleId: 'R-06' });
    given(j.events)
      .when(world.evaluate(j.state, 6, world.person('TIM_PENILAI_KINERJA', BL, j.state), dueOn(j)))
      .then((events) => expect(events[0]?.type).toBe('EvaluationRecorded.v1'));
  });

  it('takes SKP before from the proposal snapshot, SKP after from the import, the vacancy from the placement', () => {
    const j = appointed();
    const snapshot = innerCase(j.state)?.proposal?.candidate.skp ?? [];
    const proposedIn = Number(innerCase(j.state)?.proposal?.proposedAt.slice(0, 4));
    const expectedBefore = [...snapshot].filter((s) => s.year < proposedIn).sort((a, b) => b.year - a.year)[0];
    given(j.events)
      .when(
        world.evaluate(
          j.state,
          6,
          world.person('TIM_PENILAI_KINERJA', BL, j.state),
          dueOn(j),
          {},
          { importedSkpAfter: { year: 2027, rating: 'BAIK' }, placement: { holdsTargetPosition: false, positionGapAfter: 1 } },
        ),
      )
      .then((events) => {
        expect(events[0]?.data).toMatchObject({
          skpBefore: expectedBefore?.rating,
          skpAfter: 'BAIK',
          vacancyClosed: false,
          evidence: { skpBefore: { year: expectedBefore?.year }, skpAfter: { source: 'IMPORTED_SKP', year: 2027 } },
        });
      });
  });

  it('refuses an evaluation with no SKP after the move on record, or resting on an unverified document; accepts a verified one', () => {
    const j = appointed();
    const evaluator = world.person('TIM_PENILAI_KINERJA', BL, j.state);
    given(j.events)
      .when(world.evaluate(j.state, 6, evaluator, dueOn(j), {}, { importedSkpAfter: null }))
      .thenRefused({ ruleId: 'M-08', code: 'RULE_M08_NO_SKP_AFTER' });
    j.scenario.run(
      world.simple(
        'AttachDocument',
        {
          kind: 'PERIODIC_PERFORMANCE_EVALUATION',
          title: 'Evaluasi kinerja semester I',
          sha256: fakeSha256(j.caseId, 'ekp'),
          statement: { skpRating: 'BUTUH_PERBAIKAN', period: 'semester I' },
        },
        world.actor('PENGUSUL', BL),
        dueOn(j),
      ),
    );
    const documentId = innerCase(j.state)?.documents.at(-1)?.documentId as string;
    const withDocument = () => world.evaluate(j.state, 6, evaluator, dueOn(j), { skpAfterDocumentId: documentId }, { importedSkpAfter: null });
    given(j.events).when(withDocument()).thenRefused({ ruleId: 'M-08', code: 'RULE_M08_DOCUMENT_NOT_VERIFIED' });
    j.scenario.run(
      world.simple('VerifyDocument', { documentId, status: 'APPROVED', notes: 'sesuai' }, world.person('VERIFIKATOR', BL, j.state, 'DOCUMENT_VERIFICATION'), dueOn(j)),
    );
    given(j.events)
      .when(withDocument())
      .then((events) => expect(events[0]?.data).toMatchObject({ skpAfter: 'BUTUH_PERBAIKAN', evidence: { skpAfter: { source: 'VERIFIED_DOCUMENT', documentId } } }));
  });
});

describe('M-09 one employee, one open case', () => {
  it('refuses a proposal of an employee already in another open case (409 naming it); proposes one who is not', () => {
    const j = new CaseJourney(world, 'm09', CENTRAL, DEMO_NIP.centralToRegional).needsApproved();
    const error = given(j.events)
      .when(world.propose(j.state, DEMO_NIP.centralToRegional, {}, undefined, undefined, false, { employeeOpenCase: 'other-case' }))
      .thenRefused({ kind: 'CONFLICT', code: 'EMPLOYEE_IN_OPEN_CASE', ruleId: 'M-09' });
    expect(error.details.extensions).toEqual({ openCaseId: 'other-case' });
    given(j.events)
      .when(world.propose(j.state, DEMO_NIP.centralToRegional, {}, undefined, undefined, false, { employeeOpenCase: 'm09' }))
      .then((events) => expect(events[0]?.type).toBe('CandidateProposed.v1'));
  });

  it('R-04 refuses a proposal when the places are held by other cases, naming them', () => {
    const j = new CaseJourney(world, 'r04-propose', CENTRAL, DEMO_NIP.centralToRegional).needsApproved();
    given(j.events)
      .when(world.propose(j.state, DEMO_NIP.centralToRegional, {}, undefined, undefined, false, { placesHeld: { count: 1, caseIds: ['case-x'] } }))
      .thenRefused({ ruleId: 'R-04', code: 'RULE_R04_PLACES_HELD' });
  });
});

describe('M-05 eligibility inputs changed by a recent import', () => {
  it('flags a proposal whose candidate’s eligibility inputs were changed by an import, naming it; passes otherwise', () => {
    const j = new CaseJourney(world, 'm05', INTERNAL, DEMO_NIP.internal).needsApproved();
    const change = { importId: 'imp-1', importedAt: addDays(world.now, -10), importedBy: 'admin.bkn', fields: ['discipline'] };
    given(j.events)
      .when(world.propose(j.state, DEMO_NIP.internal, {}, undefined, undefined, false, { eligibilityChanges: [change] }))
      .then((events) => {
        const m05 = events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === 'M-05');
        expect(m05).toMatchObject({ outcome: 'FLAG' });
        expect(m05?.reason).toContain('impor imp-1');
        expect(m05?.reason).toContain('discipline');
      });
    given(j.events)
      .when(world.propose(j.state, DEMO_NIP.internal))
      .then((events) => expect(events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === 'M-05')?.outcome).toBe('PASS'));
  });
});

describe('the decision roster', () => {
  it('records every human decision with its role, across chains', () => {
    const j = new CaseJourney(world, 'roster', INTERNAL, DEMO_NIP.internal).appointed();
    const roles = innerCase(j.state)?.decisions.map((d) => d.role);
    expect(roles).toEqual([
      'PROPOSAL',
      'NEEDS_APPROVAL',
      'PROPOSAL',
      'PROPOSAL',
      'PROPOSAL',
      `STEP:VERIFICATION:VERIFIKATOR@${BL}`,
      `STEP:CONSIDERATION:TIM_PENILAI_KINERJA@${BL}`,
      'DECREE',
      'APPOINTMENT',
    ]);
    const revised = j.events.find((e): e is ProposalRevised => e.type === 'ProposalRevised.v1');
    expect(revised).toBeUndefined();
  });
});
