import { TransferEvent } from '@mutasi/domain';

/**
 * What a command's events claim or release outside their own stream, kept in the same transaction as the append so
 * that concurrent commands cannot both take the last place, the same employee (M-09) or the same decree number
 * (M-07).
 */
export type ClaimOp =
  | { readonly kind: 'HOLD_PLACE'; readonly caseId: string; readonly positionId: string }
  | { readonly kind: 'HOLD_EMPLOYEE'; readonly caseId: string; readonly nip: string }
  | { readonly kind: 'NUMBER_DECREE'; readonly caseId: string; readonly signerAgencyId: string; readonly decreeNumber: string }
  | { readonly kind: 'RELEASE'; readonly caseId: string };

/** Events that end a case: its place and its employee are free again. */
const ENDINGS = new Set<TransferEvent['type']>(['TransferWithdrawn.v1', 'ApprovalStepRejected.v1', 'TransferCaseClosed.v1', 'DecreeRevoked.v1']);

/** A decree number as compared for uniqueness: trimmed, spaces collapsed, case folded. */
export function normalDecreeNumber(decreeNumber: string): string {
  return decreeNumber.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The claims the events of one case make, in order. */
export function claimsOf(caseId: string, events: readonly TransferEvent[]): ClaimOp[] {
  return events.flatMap((event): ClaimOp[] => {
    switch (event.type) {
      case 'TransferCaseOpened.v1':
        return [{ kind: 'HOLD_PLACE', caseId, positionId: event.data.targetPositionId }];
      case 'CandidateProposed.v1':
      case 'ProposalRevised.v1':
        return [
          { kind: 'HOLD_PLACE', caseId, positionId: event.data.targetPositionId },
          { kind: 'HOLD_EMPLOYEE', caseId, nip: event.data.candidate.nip },
        ];
      case 'DecreeIssued.v1':
        return [{ kind: 'NUMBER_DECREE', caseId, signerAgencyId: event.data.signer.agencyId, decreeNumber: normalDecreeNumber(event.data.decreeNumber) }];
      default:
        return ENDINGS.has(event.type) ? [{ kind: 'RELEASE', caseId }] : [];
    }
  });
}
