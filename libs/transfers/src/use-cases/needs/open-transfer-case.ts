import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { eventIdFor } from '@mutasi/event-store';
import { ApiJson, CurrentUser, Principal } from '@mutasi/platform';
import { CommandContext } from '../../cases/command-context';
import { CaseView } from '../../cases/case-view.schema';
import { CaseResponse, TransferCases } from '../../cases/transfer-cases.service';
import { CASE_ETAG, CaseCommandMessage, CaseCommandRoute, httpFacts, respond } from '../case-command';
import { OptionalText, RequiredText } from '../text-fields';

export class NeedsAnalysisDto {
  @ApiProperty({ description: 'required headcount from the ABK' }) @IsInt() @Min(0) @Max(100_000) kebutuhan!: number;
  @ApiProperty({ description: 'filled headcount' }) @IsInt() @Min(0) @Max(100_000) bezetting!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000) workloadHours?: number;
  @OptionalText('the annual mutation plan this need is part of (R-01)', 200) planReference?: string;
  @OptionalText('why the move is outside the annual plan (R-01: flagged)') exceptionReason?: string;
  @RequiredText('why the position must be filled') justification!: string;
}

export class OpenTransferCaseDto {
  @ApiProperty({ example: 'kota-bandar-lestari' }) @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'targetAgencyId harus berupa id instansi' }) targetAgencyId!: string;
  @ApiProperty({ example: 'kota-bandar-lestari.auditor' })
  @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'targetPositionId harus berupa id jabatan' })
  targetPositionId!: string;
  @ApiProperty({ type: NeedsAnalysisDto }) @ValidateNested() @Type(() => NeedsAnalysisDto) needsAnalysis!: NeedsAnalysisDto;
}

export class OpenTransferCase extends CaseCommandMessage<OpenTransferCaseDto> {}

@CommandHandler(OpenTransferCase)
export class OpenTransferCaseHandler implements ICommandHandler<OpenTransferCase, CaseResponse> {
  constructor(
    private readonly cases: TransferCases,
    private readonly context: CommandContext,
  ) {}

  execute(c: OpenTransferCase): Promise<CaseResponse> {
    const { needsAnalysis: n } = c.body;
    const needsAnalysis = {
      kebutuhan: n.kebutuhan,
      bezetting: n.bezetting,
      workloadHours: n.workloadHours ?? null,
      planReference: n.planReference ?? null,
      exceptionReason: n.exceptionReason ?? null,
      justification: n.justification,
    };
    const data = { caseId: c.caseId, targetAgencyId: c.body.targetAgencyId, targetPositionId: c.body.targetPositionId, needsAnalysis };
    return this.cases.execute(c.request('OpenTransferCase', (_, metadata) => this.context.open(data, metadata)));
  }
}

@Controller('api/transfers')
export class OpenTransferCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CaseCommandRoute('openTransferCase', 'Open a transfer case in needs analysis (stage 1)', 'PENGUSUL of the target agency')
  @ApiJson(201, CaseView, 'the new case', { ...CASE_ETAG, Location: { description: 'the new case: /api/transfers/{caseId}', schema: { type: 'string' } } })
  async open(@Body() body: OpenTransferCaseDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const http = httpFacts(req);
    // With an Idempotency-Key the case id is derived from it, so a retry after a lost answer finds the same case.
    const caseId = http.idempotencyKey ? eventIdFor(`open-case\n${user.userId}\n${http.idempotencyKey}`, 0) : randomUUID();
    const response = await this.commands.execute<OpenTransferCase, CaseResponse>(new OpenTransferCase(caseId, body, user, http));
    if (response.status === 201) res.setHeader('Location', `/api/transfers/${caseId}`);
    return respond(res, response);
  }
}
