import type { CommandMetadata, TransferCommand } from './commands';
import type { ScheduledWork } from './scheduled-work';

/** The commands whose decision needs nothing but the case: no reference data in their context. */
export type SimpleCommand = Extract<TransferCommand, { readonly context: Readonly<Record<string, never>> }>;
export type SimpleCommandType = SimpleCommand['type'];
export type SimpleCommandData<T extends SimpleCommandType> = Extract<SimpleCommand, { type: T }>['data'];

type Builders = { readonly [T in SimpleCommandType]: (data: SimpleCommandData<T>, metadata: CommandMetadata) => Extract<SimpleCommand, { type: T }> };

/** One typed builder per simple command: the compiler checks each type against its data (no cast at the boundary). */
const BUILDERS: Builders = {
  ApproveNeedsAnalysis: (data, metadata) => ({ type: 'ApproveNeedsAnalysis', data, context: {}, metadata }),
  NotifyEmployee: (data, metadata) => ({ type: 'NotifyEmployee', data, context: {}, metadata }),
  AcknowledgeTransfer: (data, metadata) => ({ type: 'AcknowledgeTransfer', data, context: {}, metadata }),
  RaiseObjection: (data, metadata) => ({ type: 'RaiseObjection', data, context: {}, metadata }),
  ResolveObjection: (data, metadata) => ({ type: 'ResolveObjection', data, context: {}, metadata }),
  AttachDocument: (data, metadata) => ({ type: 'AttachDocument', data, context: {}, metadata }),
  VerifyDocument: (data, metadata) => ({ type: 'VerifyDocument', data, context: {}, metadata }),
  ApproveStep: (data, metadata) => ({ type: 'ApproveStep', data, context: {}, metadata }),
  RejectStep: (data, metadata) => ({ type: 'RejectStep', data, context: {}, metadata }),
  ReturnForRevision: (data, metadata) => ({ type: 'ReturnForRevision', data, context: {}, metadata }),
  RecordAppointment: (data, metadata) => ({ type: 'RecordAppointment', data, context: {}, metadata }),
  CloseCase: (data, metadata) => ({ type: 'CloseCase', data, context: {}, metadata }),
  ReportReplacement: (data, metadata) => ({ type: 'ReportReplacement', data, context: {}, metadata }),
  WithdrawTransfer: (data, metadata) => ({ type: 'WithdrawTransfer', data, context: {}, metadata }),
  FreezeCase: (data, metadata) => ({ type: 'FreezeCase', data, context: {}, metadata }),
  UnfreezeCase: (data, metadata) => ({ type: 'UnfreezeCase', data, context: {}, metadata }),
  RevokeDecree: (data, metadata) => ({ type: 'RevokeDecree', data, context: {}, metadata }),
  EscalateOverdueStep: (data, metadata) => ({ type: 'EscalateOverdueStep', data, context: {}, metadata }),
  CloseObjectionWindow: (data, metadata) => ({ type: 'CloseObjectionWindow', data, context: {}, metadata }),
  FlagObjectionDecisionOverdue: (data, metadata) => ({ type: 'FlagObjectionDecisionOverdue', data, context: {}, metadata }),
  FlagAppointmentOverdue: (data, metadata) => ({ type: 'FlagAppointmentOverdue', data, context: {}, metadata }),
  AnnounceEvaluationDue: (data, metadata) => ({ type: 'AnnounceEvaluationDue', data, context: {}, metadata }),
  FlagReplacementReportOverdue: (data, metadata) => ({ type: 'FlagReplacementReportOverdue', data, context: {}, metadata }),
  AdjustTrainingPlan: (data, metadata) => ({ type: 'AdjustTrainingPlan', data, context: {}, metadata }),
  CompleteTrainingItem: (data, metadata) => ({ type: 'CompleteTrainingItem', data, context: {}, metadata }),
  WaiveTrainingItem: (data, metadata) => ({ type: 'WaiveTrainingItem', data, context: {}, metadata }),
  FlagTrainingItemOverdue: (data, metadata) => ({ type: 'FlagTrainingItemOverdue', data, context: {}, metadata }),
};

/** A command whose decision needs nothing but the case itself, built from its type and data. */
export function simpleCommand<T extends SimpleCommandType>(type: T, data: SimpleCommandData<T>, metadata: CommandMetadata): TransferCommand {
  const build: (data: SimpleCommandData<T>, metadata: CommandMetadata) => TransferCommand = BUILDERS[type];
  return build(data, metadata);
}

/** The command the scheduler sends for a due item: deadlines act through commands like any other. */
export function scheduledCommand(work: ScheduledWork, metadata: CommandMetadata): TransferCommand {
  switch (work.kind) {
    case 'EscalateOverdueStep':
      return simpleCommand(work.kind, { stepId: work.stepId }, metadata);
    case 'AnnounceEvaluationDue':
      return simpleCommand(work.kind, { periodMonths: work.periodMonths }, metadata);
    case 'FlagTrainingItemOverdue':
      return simpleCommand(work.kind, { itemId: work.itemId }, metadata);
    default:
      return simpleCommand(work.kind, {}, metadata);
  }
}
