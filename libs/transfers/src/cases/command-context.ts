import { Injectable } from '@nestjs/common';
import {
  addDays,
  CaseState,
  CommandMetadata,
  DomainError,
  forbidden,
  innerCase,
  invalid,
  ProposalInput,
  simpleCommand,
  SimpleCommandData,
  SimpleCommandType,
  toDate,
  TransferCommand,
} from '@mutasi/domain';
import { RecordFacts } from '../reference-data/record-facts';
import { ReferenceData } from '../reference-data/reference-data';

type Body<T extends TransferCommand['type']> = Extract<TransferCommand, { type: T }>['data'];

/**
 * Looks up the reference data a command needs (agencies, positions, the employee, the merit pool, a delegation),
 * so the domain decides on facts and stays pure. Unknown references are bad input (400, naming the field).
 */
@Injectable()
export class CommandContext {
  constructor(
    private readonly refs: ReferenceData,
    private readonly facts: RecordFacts,
  ) {}

  async open(body: Body<'OpenTransferCase'>, metadata: CommandMetadata): Promise<TransferCommand> {
    const targetAgency = await this.refs.agency(body.targetAgencyId);
    if (!targetAgency) throw invalid('UNKNOWN_AGENCY', 'targetAgencyId', `tidak ada instansi ${body.targetAgencyId}`);
    const targetPosition = await this.refs.position(body.targetPositionId);
    if (!targetPosition) throw invalid('UNKNOWN_POSITION', 'targetPositionId', `tidak ada jabatan ${body.targetPositionId}`);
    const reference = body.needsAnalysis.planReference?.trim() ?? '';
    const [placesHeld, plan] = await Promise.all([this.facts.placesHeld(targetPosition, body.caseId), reference === '' ? null : this.refs.mutationPlan(reference)]);
    return { type: 'OpenTransferCase', data: body, context: { targetAgency, targetPosition, placesHeld, plan }, metadata };
  }

  async proposal(type: 'ProposeCandidate' | 'ReviseProposal', body: ProposalInput, state: CaseState, metadata: CommandMetadata): Promise<TransferCommand> {
    const c = innerCase(state);
    if (!c) throw new DomainError('NOT_FOUND', 'CASE_NOT_FOUND', 'tidak ada kasus mutasi dengan id ini');
    const employee = await this.refs.employee(body.employeeNip);
    if (!employee) throw invalid('UNKNOWN_EMPLOYEE', 'employeeNip', `tidak ada pegawai dengan NIP ${body.employeeNip}`);
    const originPosition = await this.refs.position(body.originPositionId);
    if (!originPosition) throw invalid('UNKNOWN_POSITION', 'originPositionId', `tidak ada jabatan ${body.originPositionId}`);
    const [originAgency, targetAgency, targetPosition] = await Promise.all([
      this.refs.agency(originPosition.agencyId),
      this.refs.agency(c.targetAgencyId),
      this.refs.position(c.targetPosition.id),
    ]);
    if (!originAgency || !targetAgency || !targetPosition)
      throw invalid('UNKNOWN_REFERENCE', 'originPositionId', 'instansi atau jabatan kasus ini sudah tidak ada dalam data referensi');
    const since = addDays(toDate(metadata.now), -metadata.policy.eligibilityChangeWindowDays.value);
    const [meritPool, placesHeld, employeeOpenCase, eligibilityChanges] = await Promise.all([
      this.refs.meritPool(targetPosition, targetAgency, employee.agencyId, metadata.policy),
      this.facts.placesHeld(targetPosition, c.caseId),
      this.facts.employeeOpenCase(employee.nip),
      this.facts.eligibilityChanges(employee.nip, since),
    ]);
    return {
      type,
      data: body,
      context: { employee, originAgency, originPosition, targetAgency, targetPosition, meritPool, placesHeld, employeeOpenCase, eligibilityChanges },
      metadata,
    };
  }

  async submit(state: CaseState, metadata: CommandMetadata): Promise<TransferCommand> {
    const c = innerCase(state);
    const proposal = c?.proposal;
    if (!c || !proposal) return { type: 'SubmitForApproval', data: {}, context: null, metadata };
    const [originAgency, originPosition, targetAgency, targetPosition, authorities] = await Promise.all([
      this.refs.agency(proposal.originAgencyId),
      this.refs.position(proposal.originPositionId),
      this.refs.agency(c.targetAgencyId),
      this.refs.position(c.targetPosition.id),
      this.refs.authorities(),
    ]);
    if (!originAgency || !originPosition || !targetAgency || !targetPosition)
      throw invalid('UNKNOWN_REFERENCE', 'caseId', 'instansi atau jabatan kasus ini sudah tidak ada dalam data referensi');
    return { type: 'SubmitForApproval', data: {}, context: { originAgency, originPosition, targetAgency, targetPosition, authorities }, metadata };
  }

  async decree(body: Body<'IssueDecree'>, state: CaseState, metadata: CommandMetadata): Promise<TransferCommand> {
    const c = innerCase(state);
    if (!c) throw new DomainError('NOT_FOUND', 'CASE_NOT_FOUND', 'tidak ada kasus mutasi dengan id ini');
    const delegation = body.delegationId ? await this.refs.delegation(body.delegationId) : null;
    if (body.delegationId && !delegation) {
      const signer = c.approval?.decreeSigner;
      const isSigner = signer !== undefined && metadata.actor.role === signer.role && metadata.actor.agencyId === signer.agencyId;
      // An unknown delegation gives a stranger no authority: refused as such (403, recorded), not as bad input.
      if (!isSigner) throw forbidden('NOT_DECREE_SIGNER', `tidak ada pendelegasian ${body.delegationId} yang memberi ${metadata.actor.userId} wewenang menandatangani SK ini`);
      throw invalid('UNKNOWN_DELEGATION', 'delegationId', `tidak ada pendelegasian ${body.delegationId}`);
    }
    const targetAgency = await this.refs.agency(c.targetAgencyId);
    if (!targetAgency) throw invalid('UNKNOWN_REFERENCE', 'caseId', 'instansi kasus ini sudah tidak ada dalam data referensi');
    return { type: 'IssueDecree', data: body, context: { delegation, targetAgency }, metadata };
  }

  /** The evaluation, with what the record says after the move (M-08). */
  async evaluation(body: Body<'RecordEvaluation'>, state: CaseState, metadata: CommandMetadata): Promise<TransferCommand> {
    const c = innerCase(state);
    const empty = { placement: null, importedSkpAfter: null };
    const context = c?.proposal && c.decree ? await this.facts.evaluationContext(c.caseId, c.proposal.candidate.nip, c.targetPosition.id, c.decree.effectiveDate) : empty;
    return { type: 'RecordEvaluation', data: body, context, metadata };
  }

  /** A command whose decision needs nothing but the case itself. */
  simple<T extends SimpleCommandType>(type: T, body: SimpleCommandData<T>, metadata: CommandMetadata): TransferCommand {
    return simpleCommand(type, body, metadata);
  }
}
