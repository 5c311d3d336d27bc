import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import { IssueDecree, IssueDecreeDto, RecordAppointment, RecordAppointmentDto, ReportReplacement, ReportReplacementDto } from './decree.use-cases';

@Controller('api/transfers')
export class DecreeController extends CaseCommandController {
  @Post(':caseId/issue-decree')
  @CaseCommandRoute('issueDecree', 'Issue the SK (stage 5); the appointment is due within 30 working days (R-31)', "the route's decree signer, or a valid delegate (R-16)")
  issue(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: IssueDecreeDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new IssueDecree(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/record-appointment')
  @CaseCommandRoute('recordAppointment', 'Record the appointment into the position; evaluations are scheduled from TMT', 'PPK of the target agency')
  appoint(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RecordAppointmentDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new RecordAppointment(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/report-replacement')
  @CaseCommandRoute('reportReplacement', 'Record the report of the replacement to Mendagri (R-33: within 7 working days of a regional head’s decree)', 'PPK of the target agency')
  report(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReportReplacementDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new ReportReplacement(caseId, body, user, httpFacts(req)));
  }
}
