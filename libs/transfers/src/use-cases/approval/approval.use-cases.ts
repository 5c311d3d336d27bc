import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../cases/command-context';
import { CaseResponse, TransferCases } from '../../cases/transfer-cases.service';
import { CaseCommandMessage } from '../case-command';
import { simpleUseCase } from '../simple-use-case';
import { OptionalText, RequiredText } from '../text-fields';

const STEP_ID = /^\d{1,2}-[a-z-]{3,30}$/;
const stepIdMessage = 'stepId harus id tahap dalam rantai persetujuan, misalnya 1-proposal';

export class SubmitForApprovalDto {}

export class ApproveStepDto {
  @ApiProperty({ example: '1-proposal' }) @Matches(STEP_ID, { message: stepIdMessage }) stepId!: string;
  @OptionalText('notes of the approver') notes?: string;
  @ApiPropertyOptional({ example: 'prov-nb.analis-sdm', description: "on the releasing PPK's consent step: the position consented to (R-11); required there" })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'consentToPositionId harus berupa id jabatan' })
  consentToPositionId?: string;
}

export class StepReasonDto {
  @ApiProperty({ example: '1-proposal' }) @Matches(STEP_ID, { message: stepIdMessage }) stepId!: string;
  @RequiredText('the reason') reason!: string;
}

/** Stage 4: the chain (route + overlays) is built from reference data when approval starts. */
export class SubmitForApproval extends CaseCommandMessage<SubmitForApprovalDto> {}

@CommandHandler(SubmitForApproval)
export class SubmitForApprovalHandler implements ICommandHandler<SubmitForApproval, CaseResponse> {
  constructor(
    private readonly cases: TransferCases,
    private readonly context: CommandContext,
  ) {}

  execute(c: SubmitForApproval): Promise<CaseResponse> {
    return this.cases.execute(c.request('SubmitForApproval', (state, m) => this.context.submit(state, m)));
  }
}

export const { Message: ApproveStep, Handler: ApproveStepHandler } = simpleUseCase('ApproveStep', (b: ApproveStepDto) => ({
  stepId: b.stepId,
  notes: b.notes ?? '',
  consentToPositionId: b.consentToPositionId ?? null,
}));
export const { Message: RejectStep, Handler: RejectStepHandler } = simpleUseCase('RejectStep', (b: StepReasonDto) => ({ stepId: b.stepId, reason: b.reason }));
export const { Message: ReturnForRevision, Handler: ReturnForRevisionHandler } = simpleUseCase('ReturnForRevision', (b: StepReasonDto) => ({ stepId: b.stepId, reason: b.reason }));
