import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { TransferCases } from '../cases/transfer-cases.service';
import { CaseIdPipe } from '../use-cases/case-command';

@ApiTags('transfer cases')
@ApiBearerAuth()
@Controller('api/transfers')
export class CaseQueriesController {
  constructor(private readonly cases: TransferCases) {}

  @Get(':caseId')
  @ApiOperation({ summary: 'The current state of a case, folded from its events', description: 'Who: anyone who may see the case (inspectors and BKN: all; agencies: cases that involve them; the employee: their own).' })
  @ApiOkResponse({ description: 'caseId, stage, status, route, candidate, requiredDocuments, documents, approvalChain, decreeSigner, ruleOutcomes, flags, revision; ETag header' })
  @ApiNotFoundResponse({ description: 'no such case' })
  @ApiForbiddenResponse({ description: 'the case does not involve you' })
  async get(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const view = await this.cases.view(caseId, user);
    res.setHeader('ETag', view.etag);
    return view.body;
  }

  @Get(':caseId/events')
  @ApiOperation({ summary: 'The raw stored events of a case, with metadata and hashes', description: 'Who: INSPEKTUR, KEPALA_BKN, the agencies involved.' })
  @ApiOkResponse({ description: '`{caseId, events: [{streamId, revision, globalPosition, eventId, type, data, metadata (prevHash, hash)}]}`' })
  async events(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: Principal): Promise<{ caseId: string; events: unknown[] }> {
    return { caseId, events: await this.cases.events(caseId, user) };
  }
}
