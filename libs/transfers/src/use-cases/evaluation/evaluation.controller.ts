import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import { EmptyDto } from '../socialisation/socialisation.use-cases';
import { CloseCase, RecordEvaluation, RecordEvaluationDto } from './evaluation.use-cases';

@Controller('api/transfers')
export class EvaluationController extends CaseCommandController {
  @Post(':caseId/record-evaluation')
  @CaseCommandRoute(
    'recordEvaluation',
    'Record a scheduled post-transfer evaluation, once due: SKP before and after and the vacancy come from the record (M-08); it is scored against the original justification',
    'PENGUSUL, PPK or TIM_PENILAI_KINERJA of the target agency who took no other decision on the case (R-06)',
  )
  evaluate(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RecordEvaluationDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new RecordEvaluation(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/close')
  @CaseCommandRoute('closeCase', 'Close the case once every evaluation is recorded (COMPLETED)', 'PPK of the target agency')
  close(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: EmptyDto, @CurrentUser() user: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.send(res, new CloseCase(caseId, body, user, httpFacts(req)));
  }
}
