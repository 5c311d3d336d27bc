import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import { ApproveStep, ApproveStepDto, RejectStep, ReturnForRevision, StepReasonDto, SubmitForApproval, SubmitForApprovalDto } from './approval.use-cases';

@Controller('api/transfers')
export class ApprovalController extends CaseCommandController {
  @Post(':caseId/submit-for-approval')
  @CaseCommandRoute(
    'submitForApproval',
    'Start approval: checks the document checklist (R-50) and builds the chain of the route with its overlays',
    'PENGUSUL of the target agency',
  )
  submit(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: SubmitForApprovalDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new SubmitForApproval(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/approve-step')
  @CaseCommandRoute('approveStep', 'Approve the active step (R-06: one person, one step)', "the step's role in the step's agency")
  approve(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ApproveStepDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new ApproveStep(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/reject-step')
  @CaseCommandRoute('rejectStep', 'Reject: the case ends as REJECTED', "the step's role in the step's agency")
  reject(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: StepReasonDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new RejectStep(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/return-for-revision')
  @CaseCommandRoute('returnForRevision', 'Return the proposal for revision: the chain ends, the proposal must be revised', "the step's role in the step's agency")
  returnForRevision(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: StepReasonDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new ReturnForRevision(caseId, body, user, httpFacts(req)));
  }
}
