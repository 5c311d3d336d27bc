import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import { ApproveNeedsAnalysis, ApproveNeedsAnalysisDto } from './approve-needs-analysis';

@Controller('api/transfers')
export class NeedsController extends CaseCommandController {
  @Post(':caseId/approve-needs-analysis')
  @CaseCommandRoute('approveNeedsAnalysis', 'Approve the needs analysis; the proposal stage opens', 'PPK or TIM_PENILAI_KINERJA of the target agency')
  approve(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ApproveNeedsAnalysisDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new ApproveNeedsAnalysis(caseId, body, user, httpFacts(req)));
  }
}
