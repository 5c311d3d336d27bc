import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import { ProposalDto } from './proposal.dto';
import { ProposeCandidate } from './propose-candidate';
import { ReviseProposal } from './revise-proposal';

@Controller('api/transfers')
export class ProposalController extends CaseCommandController {
  @Post(':caseId/propose-candidate')
  @CaseCommandRoute('proposeCandidate', 'Propose a candidate (stage 2): eligibility rules and merit ranking are run and recorded', 'PENGUSUL of the target agency')
  propose(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: ProposalDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new ProposeCandidate(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/revise-proposal')
  @CaseCommandRoute('reviseProposal', 'Revise the proposal after a return for revision or an upheld objection', 'PENGUSUL of the target agency')
  revise(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: ProposalDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new ReviseProposal(caseId, body, user, httpFacts(req)));
  }
}
