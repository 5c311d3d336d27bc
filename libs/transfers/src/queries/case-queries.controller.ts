import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiJson, CurrentUser, Principal } from '@mutasi/platform';
import { CaseView } from '../cases/case-view.schema';
import { TransferCases } from '../cases/transfer-cases.service';
import { CASE_ETAG, CaseIdPipe } from '../use-cases/case-command';
import { CaseEvents } from './case-events.schema';

@ApiTags('transfer cases')
@ApiBearerAuth()
@Controller('api/transfers')
export class CaseQueriesController {
  constructor(private readonly cases: TransferCases) {}

  @Get(':caseId')
  @ApiOperation({
    operationId: 'getCase',
    summary: 'The current state of a case, folded from its events',
    description: 'Who: anyone who may see the case (inspectors and BKN: all; agencies: cases that involve them; the employee: their own).',
  })
  @ApiJson(200, CaseView, 'the case, with the commands you may send now; its revision as ETag', CASE_ETAG)
  @ApiNotFoundResponse({ description: 'no such case' })
  @ApiForbiddenResponse({ description: 'the case does not involve you' })
  async get(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const view = await this.cases.view(caseId, user);
    res.setHeader('ETag', view.etag);
    return view.body;
  }

  @Get(':caseId/events')
  @ApiOperation({
    operationId: 'listCaseEvents',
    summary: 'The raw stored events of a case, with metadata and hashes',
    description: 'Who: INSPEKTUR, KEPALA_BKN, the agencies involved.',
  })
  @ApiJson(200, CaseEvents, 'every event of the case, oldest first')
  @ApiNotFoundResponse({ description: 'no such case' })
  @ApiForbiddenResponse({ description: 'not an inspector, BKN or an agency involved' })
  async events(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: Principal): Promise<{ caseId: string; events: unknown[] }> {
    return { caseId, events: await this.cases.events(caseId, user) };
  }
}
