import { createHash } from 'node:crypto';
import { DecisionRole, HumanRole, PlannedStep, stepRole, toDate } from '@mutasi/domain';
import { holdersOf, userIdFor } from '../users';
import { HttpResult, MutasiHttp, UnexpectedAnswer } from './mutasi-http';

/** What a scenario proposes, beyond the candidate and the target. */
export interface ProposalChoice {
  readonly initiative?: 'DINAS' | 'PERMINTAAN_SENDIRI';
  readonly justification?: string;
  readonly meritDeviationJustification?: string;
  readonly exceptionGrounds?: readonly { ruleId: string; ground: string }[];
}

type Step = { stepId: string; kind: PlannedStep['kind']; role: HumanRole; agencyId: string; status: string };

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Drives one transfer case over HTTP, signed in as the right demo user at each step, and reports each step. Used by
 * `npm run demo` and by the end-to-end tests. Every method expects success unless told which status to expect.
 */
export class CaseDriver {
  caseId = '';
  view: Record<string, unknown> = {};

  constructor(
    private readonly http: MutasiHttp,
    readonly targetPositionId: string,
    readonly nip: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  get targetAgencyId(): string {
    return this.targetPositionId.split('.')[0] as string;
  }

  /**
   * The first demo holder of `role` in `agencyId` who has taken no other decision on the case (R-06: one person, one
   * decision role); `decision` is the role about to be taken, which the same person may take again.
   */
  person(role: HumanRole, agencyId: string, decision?: DecisionRole): string {
    const decisions = (this.view.decisions ?? []) as { role: string; userId: string }[];
    const free = holdersOf(role, agencyId).find((id) => !decisions.some((d) => d.userId === id && d.role !== decision));
    if (!free) throw new Error(`every demo ${role} of ${agencyId} has already taken a decision on case ${this.caseId}`);
    return free;
  }

  /** Sends a case command as `userId`; checks the status; keeps the case view. */
  async command(userId: string, command: string, body: unknown, expect = 200, headers: Record<string, string> = {}): Promise<HttpResult> {
    const result = await this.http.as(userId, 'POST', `/api/transfers/${this.caseId}/${command}`, body, headers);
    if (result.status !== expect) throw new UnexpectedAnswer(`${command} as ${userId}`, result);
    if (result.status === 200) this.view = result.body as Record<string, unknown>;
    const outcome =
      result.status === 200
        ? `→ ${String(this.view.stage)} / ${String(this.view.status)}`
        : `→ refused ${result.status} ${result.body.code}${result.body.ruleId ? ` (${result.body.ruleId})` : ''}: ${result.body.detail}`;
    this.log(`  ${command.padEnd(22)} by ${userId.padEnd(38)} ${outcome}`);
    return result;
  }

  async open(analysis: Record<string, unknown> = {}): Promise<void> {
    const user = userIdFor('PENGUSUL', this.targetAgencyId);
    const position = await this.http.as(user, 'GET', `/api/agencies/${this.targetAgencyId}/positions`);
    const target = (position.body as { id: string; kebutuhan: number; bezetting: number }[]).find((p) => p.id === this.targetPositionId);
    const plans = await this.http.as(user, 'GET', `/api/workload/plans?agencyId=${this.targetAgencyId}`);
    const plan = (plans.body as { id: string; moves: { targetPositionId: string }[] }[]).find((p) => p.moves.some((m) => m.targetPositionId === this.targetPositionId));
    const inPlan = plan ? { planReference: plan.id } : { exceptionReason: 'lowongan muncul setelah rencana mutasi tahun ini disusun' };
    const body = {
      targetAgencyId: this.targetAgencyId,
      targetPositionId: this.targetPositionId,
      needsAnalysis: { kebutuhan: target?.kebutuhan ?? 1, bezetting: target?.bezetting ?? 0, ...inPlan, justification: 'ABK menunjukkan adanya lowongan', ...analysis },
    };
    const result = await this.http.as(user, 'POST', '/api/transfers', body);
    if (result.status !== 201) throw new UnexpectedAnswer('open the case', result);
    this.caseId = result.body.caseId as string;
    this.view = result.body as Record<string, unknown>;
    this.log(`  ${'open case'.padEnd(22)} by ${user.padEnd(38)} → ${this.caseId} ANALISIS_KEBUTUHAN`);
  }

  approveNeeds(): Promise<HttpResult> {
    return this.command(this.person('TIM_PENILAI_KINERJA', this.targetAgencyId, 'NEEDS_APPROVAL'), 'approve-needs-analysis', { notes: 'ABK sudah diperiksa' });
  }

  async propose(choice: ProposalChoice = {}, expect = 200, command = 'propose-candidate'): Promise<HttpResult> {
    // The national oversight reads any record; the receiving agency reads a candidate only once a case names them.
    const employee = await this.http.as('inspektur.bkn', 'GET', `/api/employees/${this.nip}`);
    if (employee.status !== 200) throw new UnexpectedAnswer(`look up ${this.nip}`, employee);
    const body = {
      employeeNip: this.nip,
      originPositionId: employee.body.positionId as string,
      initiative: 'DINAS',
      justification: 'memenuhi syarat untuk lowongan ini',
      ...choice,
    };
    return this.command(userIdFor('PENGUSUL', this.targetAgencyId), command, body, expect);
  }

  notify(): Promise<HttpResult> {
    return this.command(userIdFor('PENGUSUL', this.targetAgencyId), 'notify-employee', { message: 'Anda diusulkan untuk mutasi' });
  }

  acknowledge(): Promise<HttpResult> {
    return this.command(`pns.${this.nip}`, 'acknowledge', {});
  }

  /** Attaches and verifies every document the route still needs (the employee's application from the origin agency). */
  async completeDocuments(): Promise<void> {
    const origin = (this.view.candidate as { originAgencyId: string } | null)?.originAgencyId ?? this.targetAgencyId;
    for (const doc of this.view.requiredDocuments as { kind: string; title: string; status: string }[]) {
      if (doc.status === 'APPROVED') continue;
      const by = doc.kind === 'EMPLOYEE_APPLICATION' || doc.kind === 'CONSENT_LETTER' ? origin : this.targetAgencyId;
      await this.command(userIdFor('PENGUSUL', by), 'attach-document', { kind: doc.kind, title: doc.title, sha256: sha(`${this.caseId}/${doc.kind}`) });
      const attached = (this.view.documents as { documentId: string; kind: string }[]).filter((d) => d.kind === doc.kind).at(-1);
      await this.command(this.person('VERIFIKATOR', this.targetAgencyId, 'DOCUMENT_VERIFICATION'), 'verify-document', {
        documentId: attached?.documentId,
        status: 'APPROVED',
        notes: 'sesuai',
      });
    }
  }

  submit(expect = 200): Promise<HttpResult> {
    return this.command(userIdFor('PENGUSUL', this.targetAgencyId), 'submit-for-approval', {}, expect);
  }

  activeStep(): Step | undefined {
    return (this.view.approvalChain as Step[]).find((s) => s.status === 'ACTIVE');
  }

  /** Approves steps until the decree step is active (or `stopAt` steps were approved). */
  async approveChain(stopAt = Number.POSITIVE_INFINITY): Promise<void> {
    for (let n = 0; n < stopAt; n += 1) {
      const step = this.activeStep();
      if (!step || step.kind === 'DECREE') return;
      const consent = step.kind === 'CONSENT' ? { consentToPositionId: this.targetPositionId } : {};
      await this.command(this.stepPerson(step), 'approve-step', { stepId: step.stepId, notes: 'disetujui', ...consent });
    }
  }

  /** A holder of a step's office who may act on it (R-06). */
  stepPerson(step: Step): string {
    return this.person(step.role, step.agencyId, stepRole({ kind: step.kind, role: step.role, agencyId: step.agencyId }));
  }

  /** The decree by a holder of the signer's office, dated today with TMT today; `overrides` lets a test try a decree that differs (M-02). */
  async issueDecree(overrides: Record<string, unknown> = {}, expect = 200, signer?: string): Promise<HttpResult> {
    const step = this.activeStep() ?? (this.view.approvalChain as Step[]).at(-1);
    const today = await this.today();
    const body = {
      decreeNumber: `800/SK-MUT/${this.caseId.slice(0, 8)}`,
      decreeDate: today,
      effectiveDate: today,
      documentSha256: sha(`SK ${this.caseId}`),
      employeeNip: this.nip,
      targetPositionId: this.targetPositionId,
      ...overrides,
    };
    const by = signer ?? this.person(step?.role as HumanRole, step?.agencyId as string, 'DECREE');
    return this.command(by, 'issue-decree', body, expect);
  }

  /** R-33: a regional head's decree is reported to Mendagri (when the policy asks for it); a no-op otherwise. */
  async reportReplacement(): Promise<void> {
    const report = (this.view.decree as { replacementReport: { deadline: string } | null } | null)?.replacementReport;
    if (!report) return;
    await this.command(userIdFor('PPK', this.targetAgencyId), 'report-replacement', { reportedOn: await this.today(), reference: `B/800/${this.caseId.slice(0, 8)}/LAP-MENDAGRI` });
  }

  /** The appointment on the decree's TMT, by a holder of the receiving PPK's office who took no other decision. */
  async appoint(): Promise<HttpResult> {
    const tmt = (this.view.decree as { effectiveDate: string } | null)?.effectiveDate ?? (await this.today());
    return this.command(this.person('PPK', this.targetAgencyId, 'APPOINTMENT'), 'record-appointment', { appointedOn: tmt, reference: `BA-PELANTIKAN/${this.caseId.slice(0, 8)}` });
  }

  /**
   * Waits until the appointment shows in the employee's record (the placement projection), then records the evaluation
   * from the record (M-08): a periodic performance evaluation in the new post is attached and verified by others first.
   */
  async evaluate(periodMonths: number): Promise<HttpResult> {
    await this.placed();
    const target = this.targetAgencyId;
    await this.command(userIdFor('PENGUSUL', target), 'attach-document', {
      kind: 'PERIODIC_PERFORMANCE_EVALUATION',
      title: `Evaluasi kinerja periodik ${periodMonths} bulan`,
      sha256: sha(`${this.caseId}/ekp/${periodMonths}`),
      statement: { skpRating: 'SANGAT_BAIK', period: `${periodMonths} bulan setelah TMT` },
    });
    const doc = (this.view.documents as { documentId: string; kind: string }[]).filter((d) => d.kind === 'PERIODIC_PERFORMANCE_EVALUATION').at(-1);
    await this.command(this.person('VERIFIKATOR', target, 'DOCUMENT_VERIFICATION'), 'verify-document', {
      documentId: doc?.documentId,
      status: 'APPROVED',
      notes: 'sesuai penilaian atasan',
    });
    return this.command(this.person('TIM_PENILAI_KINERJA', target, 'EVALUATION'), 'record-evaluation', {
      periodMonths,
      competencyFit: 4,
      skpAfterDocumentId: doc?.documentId,
      serviceIndicators: { layananTepatWaktu: 0.93 },
      notes: 'berjalan baik',
    });
  }

  /** Waits (on the condition, at most 10 s) until the employee's record shows them in `positionId` (the target). */
  async placed(positionId = this.targetPositionId): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const employee = await this.http.as('inspektur.bkn', 'GET', `/api/employees/${this.nip}`);
      if (employee.status === 200 && employee.body.positionId === positionId) return;
      if (Date.now() > deadline) throw new UnexpectedAnswer(`the placement of ${this.nip} into ${positionId} did not show`, employee);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): Promise<HttpResult> {
    return this.command(this.person('PPK', this.targetAgencyId, 'APPOINTMENT'), 'close', {});
  }

  /**
   * Ends the case if it is still open, so its place and its employee are free for the next story: withdrawn before the
   * decree, revoked by BKN after it.
   */
  async end(reason = 'skenario selesai'): Promise<void> {
    if (!this.caseId) return;
    const read = await this.http.as('inspektur.bkn', 'GET', `/api/transfers/${this.caseId}`);
    const status = String(read.body?.status ?? '');
    if (['COMPLETED', 'REJECTED', 'WITHDRAWN', 'REVOKED', 'NONE', ''].includes(status)) return;
    if (status === 'DECREED' || status === 'APPOINTED' || (status === 'FROZEN' && read.body.decree)) {
      await this.command('kepala-bkn.bkn', 'revoke', { reason, reference: 'BKN-TEST-END' });
      if (read.body.appointment) await this.placed(read.body.candidate.originPositionId as string);
    } else {
      if (status === 'FROZEN') await this.command('kepala-bkn.bkn', 'unfreeze', { reason, reference: 'BKN-TEST-END' });
      await this.command(userIdFor('PENGUSUL', this.targetAgencyId), 'withdraw', { reason });
    }
  }

  /** The server's date: the standalone demo clock (`GET /api/dev/clock`), else today's civil date in WIB. */
  async today(): Promise<string> {
    const clock = await this.http.raw('GET', '/api/dev/clock');
    // The civil date in WIB, as the server judges dates: between 17:00 and 24:00 UTC it is already tomorrow there.
    return toDate(clock.status === 200 ? (clock.body.now as string) : new Date().toISOString());
  }

  /** Every stage up to an active decree step: open, needs, proposal, socialisation, documents, approval. */
  async throughApproval(choice: ProposalChoice = {}): Promise<void> {
    await this.open();
    await this.approveNeeds();
    await this.propose(choice);
    await this.notify();
    await this.acknowledge();
    await this.completeDocuments();
    await this.submit();
    await this.approveChain();
  }

  /** Evaluation dates of the appointed case. */
  evaluationsDue(): { periodMonths: number; dueOn: string }[] {
    return (this.view.evaluations as { periodMonths: number; dueOn: string }[]).map((e) => ({ periodMonths: e.periodMonths, dueOn: e.dueOn }));
  }
}
