import { ApprovalController } from './approval/approval.controller';
import { ApproveStepHandler, RejectStepHandler, ReturnForRevisionHandler, SubmitForApprovalHandler } from './approval/approval.use-cases';
import { DecreeController } from './decree/decree.controller';
import { IssueDecreeHandler, RecordAppointmentHandler, ReportReplacementHandler } from './decree/decree.use-cases';
import { DocumentsController } from './documents/documents.controller';
import { AttachDocumentHandler, VerifyDocumentHandler } from './documents/documents.use-cases';
import { EvaluationController } from './evaluation/evaluation.controller';
import { CloseCaseHandler, RecordEvaluationHandler } from './evaluation/evaluation.use-cases';
import { ApproveNeedsAnalysisHandler } from './needs/approve-needs-analysis';
import { NeedsController } from './needs/needs.controller';
import { OpenTransferCaseController, OpenTransferCaseHandler } from './needs/open-transfer-case';
import { OversightController } from './oversight/oversight.controller';
import { FreezeCaseHandler, RevokeDecreeHandler, UnfreezeCaseHandler, WithdrawTransferHandler } from './oversight/oversight.use-cases';
import { ProposalController } from './proposal/proposal.controller';
import { ProposeCandidateHandler } from './proposal/propose-candidate';
import { ReviseProposalHandler } from './proposal/revise-proposal';
import { TrainingController } from './training/training.controller';
import { AdjustTrainingPlanHandler, CompleteTrainingItemHandler, WaiveTrainingItemHandler } from './training/training.use-cases';
import { SocialisationController } from './socialisation/socialisation.controller';
import { AcknowledgeTransferHandler, NotifyEmployeeHandler, RaiseObjectionHandler, ResolveObjectionHandler } from './socialisation/socialisation.use-cases';

/** One controller per stage; one handler per use case (docs/api.md, "Transfer cases": the commands table). */
export const USE_CASE_CONTROLLERS = [
  OpenTransferCaseController,
  NeedsController,
  ProposalController,
  SocialisationController,
  DocumentsController,
  ApprovalController,
  DecreeController,
  EvaluationController,
  OversightController,
  TrainingController,
];

export const USE_CASE_HANDLERS = [
  OpenTransferCaseHandler,
  ApproveNeedsAnalysisHandler,
  ProposeCandidateHandler,
  ReviseProposalHandler,
  NotifyEmployeeHandler,
  AcknowledgeTransferHandler,
  RaiseObjectionHandler,
  ResolveObjectionHandler,
  AttachDocumentHandler,
  VerifyDocumentHandler,
  SubmitForApprovalHandler,
  ApproveStepHandler,
  RejectStepHandler,
  ReturnForRevisionHandler,
  IssueDecreeHandler,
  RecordAppointmentHandler,
  ReportReplacementHandler,
  RecordEvaluationHandler,
  CloseCaseHandler,
  WithdrawTransferHandler,
  FreezeCaseHandler,
  UnfreezeCaseHandler,
  RevokeDecreeHandler,
  AdjustTrainingPlanHandler,
  CompleteTrainingItemHandler,
  WaiveTrainingItemHandler,
];
