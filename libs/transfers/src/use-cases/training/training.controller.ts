import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import { AdjustTrainingPlan, AdjustTrainingPlanDto, CompleteTrainingItem, CompleteTrainingItemDto, WaiveTrainingItem, WaiveTrainingItemDto } from './training.use-cases';

@Controller('api/transfers')
export class TrainingController extends CaseCommandController {
  @Post(':caseId/adjust-training-plan')
  @CaseCommandRoute('adjustTrainingPlan', 'Adjust the training plan the proposal derived from the competency gap, with a reason (R-09)', 'PPK of the target agency')
  adjust(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AdjustTrainingPlanDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new AdjustTrainingPlan(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/complete-training')
  @CaseCommandRoute(
    'completeTraining',
    'Record a training item completed, with its evidence: certificate SHA-256, hours, provider, date (R-09)',
    'PENGUSUL or VERIFIKATOR of either agency; never the employee',
  )
  complete(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: CompleteTrainingItemDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new CompleteTrainingItem(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/waive-training')
  @CaseCommandRoute('waiveTraining', 'Waive a training item with a reason; a mandatory before-TMT item waived is flagged (R-09)', 'PPK of the target agency')
  waive(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: WaiveTrainingItemDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new WaiveTrainingItem(caseId, body, user, httpFacts(req)));
  }
}
