import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import { BknActionDto, FreezeCase, RevokeDecree, UnfreezeCase, WithdrawDto, WithdrawTransfer } from './oversight.use-cases';

@Controller('api/transfers')
export class OversightController extends CaseCommandController {
  @Post(':caseId/withdraw')
  @CaseCommandRoute('withdrawTransfer', 'Withdraw the case before the decree', 'PENGUSUL or PPK of the target agency')
  withdraw(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: WithdrawDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new WithdrawTransfer(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/freeze')
  @CaseCommandRoute('freezeCase', 'Freeze the case under BKN audit (R-48): every other command waits', 'KEPALA_BKN')
  freeze(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: BknActionDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new FreezeCase(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/unfreeze')
  @CaseCommandRoute('unfreezeCase', 'End the audit freeze', 'KEPALA_BKN')
  unfreeze(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: BknActionDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new UnfreezeCase(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/revoke')
  @CaseCommandRoute('revokeDecree', 'Revoke the decree (R-48): the case ends as REVOKED', 'KEPALA_BKN')
  revoke(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: BknActionDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new RevokeDecree(caseId, body, user, httpFacts(req)));
  }
}
