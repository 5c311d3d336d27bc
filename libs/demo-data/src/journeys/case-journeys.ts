import { activeStep, addDays, DOCUMENT_TITLES, innerCase, IsoInstant, ProposalInput, requiredDocuments } from '@mutasi/domain';
import { createHash } from 'node:crypto';
import { Scenario, World } from './world';

/** A document hash that differs per case and kind, as real uploads would. */
export function fakeSha256(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

/**
 * Drives one case along the happy path, stage by stage, so a test can stop where its story starts:
 * `new CaseJourney(world, 'c1', target, nip).proposed().socialised().inApproval()`.
 */
export class CaseJourney {
  readonly scenario = new Scenario();

  constructor(
    readonly world: World,
    readonly caseId: string,
    readonly targetPositionId: string,
    readonly nip: string,
    readonly proposal: Partial<ProposalInput> = {},
  ) {}

  get state() {
    return this.scenario.state;
  }

  get events() {
    return this.scenario.events;
  }

  get targetAgencyId(): string {
    return this.world.position(this.targetPositionId).agencyId;
  }

  opened(): this {
    return this.open();
  }

  needsApproved(): this {
    return this.opened().approveNeeds();
  }

  proposed(): this {
    return this.needsApproved().propose();
  }

  notified(): this {
    return this.proposed().notify();
  }

  /** Notified and acknowledged; for cross-agency routes every required document is attached and verified. */
  socialised(): this {
    return this.notified().acknowledge().documentsVerified();
  }

  inApproval(): this {
    return this.socialised().submit();
  }

  /** Every approval step granted by its demo actor; the decree step is active. */
  approved(): this {
    return this.inApproval().approveSteps();
  }

  decreed(at?: IsoInstant): this {
    return this.approved().decree(at);
  }

  appointed(): this {
    return this.decreed().appoint();
  }

  // One step each, from wherever the case is: for stories that leave the happy path in between.

  open(): this {
    this.scenario.run(this.world.open(this.caseId, this.targetPositionId));
    return this;
  }

  approveNeeds(): this {
    this.scenario.run(this.world.simple('ApproveNeedsAnalysis', { notes: 'ABK sudah diperiksa' }, this.world.person('TIM_PENILAI_KINERJA', this.targetAgencyId, this.state)));
    return this;
  }

  propose(): this {
    this.scenario.run(this.world.propose(this.state, this.nip, this.proposal));
    return this;
  }

  notify(): this {
    this.scenario.run(this.world.simple('NotifyEmployee', { message: 'Anda diusulkan untuk mutasi' }, this.world.actor('PENGUSUL', this.targetAgencyId)));
    return this;
  }

  acknowledge(): this {
    this.scenario.run(this.world.simple('AcknowledgeTransfer', {}, this.world.actor(`pns.${this.nip}`)));
    return this;
  }

  documentsVerified(): this {
    const c = innerCase(this.state);
    if (!c?.proposal) throw new Error('no proposal');
    for (const kind of requiredDocuments(c.proposal.route, c.proposal.crossAgency, c.proposal.askedDocuments)) {
      this.scenario.run(
        this.world.simple(
          'AttachDocument',
          { kind, title: DOCUMENT_TITLES[kind], sha256: fakeSha256(this.caseId, kind), statement: null },
          this.world.actor('PENGUSUL', this.targetAgencyId),
        ),
      );
      const documentId = innerCase(this.state)?.documents.at(-1)?.documentId as string;
      this.scenario.run(
        this.world.simple(
          'VerifyDocument',
          { documentId, status: 'APPROVED', notes: 'lengkap' },
          this.world.person('VERIFIKATOR', this.targetAgencyId, this.state, 'DOCUMENT_VERIFICATION'),
        ),
      );
    }
    return this;
  }

  submit(): this {
    this.scenario.run(this.world.submit(this.state));
    return this;
  }

  approveSteps(): this {
    while (activeStep(innerCase(this.state)?.approval ?? null)?.kind !== 'DECREE') {
      const step = activeStep(innerCase(this.state)?.approval ?? null);
      if (!step) throw new Error('no active step');
      const consent = step.kind === 'CONSENT' ? { consentToPositionId: this.targetPositionId } : {};
      this.scenario.run(this.world.simple('ApproveStep', { stepId: step.stepId, notes: 'disetujui', ...consent }, this.world.stepActor(this.state)));
    }
    return this;
  }

  decree(at?: IsoInstant, overrides: Parameters<World['decree']>[2] = {}): this {
    this.scenario.run(this.world.decree(this.state, this.world.stepActor(this.state), overrides, at));
    return this;
  }

  appoint(): this {
    const decree = innerCase(this.state)?.decree;
    if (!decree) throw new Error('no decree');
    this.scenario.run(
      this.world.simple(
        'RecordAppointment',
        { appointedOn: decree.effectiveDate, reference: 'BA-PELANTIKAN-01' },
        this.world.person('PPK', this.targetAgencyId, this.state),
        `${addDays(decree.effectiveDate, 1)}T02:00:00.000Z`,
      ),
    );
    return this;
  }
}
