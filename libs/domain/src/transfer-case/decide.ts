import { adjustTrainingPlan, completeTrainingItem, flagTrainingItemOverdue, waiveTrainingItem } from './decide-training';
import { assertNever } from '../shared/errors';
import { TransferCommand } from './commands';
import { approveNeedsAnalysis, openTransferCase } from './decide-needs';
import { proposeCandidate, reviseProposal } from './decide-proposal';
import { acknowledge, closeObjectionWindow, flagObjectionDecisionOverdue, notifyEmployee, raiseObjection, resolveObjection } from './decide-socialisation';
import { attachDocument, verifyDocument } from './decide-documents';
import { approveStep, escalateOverdueStep, rejectStep, returnForRevision, submitForApproval } from './decide-approval';
import { flagAppointmentOverdue, issueDecree, recordAppointment } from './decide-decree';
import { flagReplacementReportOverdue, reportReplacement } from './decide-replacement-report';
import { announceEvaluationDue, closeCase, recordEvaluation } from './decide-evaluation';
import { freeze, revoke, unfreeze, withdraw } from './decide-oversight';
import { TransferEvent } from './events';
import { authorize } from './permissions';
import { CaseState } from './state';

/**
 * Decides what a command means for a case: the events to append, or a DomainError saying which permission or rule
 * refused it. Pure: time, ids, the actor and the policy arrive in the command.
 */
export function decide(command: TransferCommand, state: CaseState): TransferEvent[] {
  authorize(command, state);
  switch (command.type) {
    case 'OpenTransferCase':
      return openTransferCase(command, state);
    case 'ApproveNeedsAnalysis':
      return approveNeedsAnalysis(command, state);
    case 'ProposeCandidate':
      return proposeCandidate(command, state);
    case 'ReviseProposal':
      return reviseProposal(command, state);
    case 'NotifyEmployee':
      return notifyEmployee(command, state);
    case 'AcknowledgeTransfer':
      return acknowledge(command, state);
    case 'RaiseObjection':
      return raiseObjection(command, state);
    case 'ResolveObjection':
      return resolveObjection(command, state);
    case 'AttachDocument':
      return attachDocument(command, state);
    case 'VerifyDocument':
      return verifyDocument(command, state);
    case 'SubmitForApproval':
      return submitForApproval(command, state);
    case 'ApproveStep':
      return approveStep(command, state);
    case 'RejectStep':
      return rejectStep(command, state);
    case 'ReturnForRevision':
      return returnForRevision(command, state);
    case 'IssueDecree':
      return issueDecree(command, state);
    case 'RecordAppointment':
      return recordAppointment(command, state);
    case 'RecordEvaluation':
      return recordEvaluation(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'WithdrawTransfer':
      return withdraw(command, state);
    case 'FreezeCase':
      return freeze(command, state);
    case 'UnfreezeCase':
      return unfreeze(command, state);
    case 'RevokeDecree':
      return revoke(command, state);
    case 'EscalateOverdueStep':
      return escalateOverdueStep(command, state);
    case 'CloseObjectionWindow':
      return closeObjectionWindow(command, state);
    case 'FlagObjectionDecisionOverdue':
      return flagObjectionDecisionOverdue(command, state);
    case 'FlagAppointmentOverdue':
      return flagAppointmentOverdue(command, state);
    case 'AnnounceEvaluationDue':
      return announceEvaluationDue(command, state);
    case 'ReportReplacement':
      return reportReplacement(command, state);
    case 'FlagReplacementReportOverdue':
      return flagReplacementReportOverdue(command, state);
    case 'AdjustTrainingPlan':
      return adjustTrainingPlan(command, state);
    case 'CompleteTrainingItem':
      return completeTrainingItem(command, state);
    case 'WaiveTrainingItem':
      return waiveTrainingItem(command, state);
    case 'FlagTrainingItemOverdue':
      return flagTrainingItemOverdue(command, state);
    default:
      return assertNever(command, 'command');
  }
}
