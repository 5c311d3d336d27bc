import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import {
  AcknowledgeTransfer,
  EmptyDto,
  NotifyEmployee,
  NotifyEmployeeDto,
  RaiseObjection,
  RaiseObjectionDto,
  ResolveObjection,
  ResolveObjectionDto,
} from './socialisation.use-cases';

@Controller('api/transfers')
export class SocialisationController extends CaseCommandController {
  @Post(':caseId/notify-employee')
  @CaseCommandRoute('notifyEmployee', 'Notify the employee (stage 3); the 14-day objection window starts (R-32)', 'PENGUSUL of either agency')
  notify(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: NotifyEmployeeDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new NotifyEmployee(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/acknowledge')
  @CaseCommandRoute('acknowledgeTransfer', 'Acknowledge the transfer', 'the employee (PNS whose nip claim is the candidate)')
  acknowledge(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: EmptyDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new AcknowledgeTransfer(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/raise-objection')
  @CaseCommandRoute('raiseObjection', 'Object to the transfer within the window (R-32)', 'the employee')
  object(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RaiseObjectionDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new RaiseObjection(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/resolve-objection')
  @CaseCommandRoute('resolveObjection', 'Decide the objection with reasons: upheld → revise or withdraw; dismissed → continue', 'PPK of the target agency')
  resolve(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ResolveObjectionDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new ResolveObjection(caseId, body, user, httpFacts(req)));
  }
}
