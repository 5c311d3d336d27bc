import { DomainError } from '../shared/errors';
import { outcome } from '../rules/outcome';
import { FreezeCase, RevokeDecree, UnfreezeCase, WithdrawTransfer } from './commands';
import { emit, requireActive, text } from './decide-support';
import { CaseFrozen, CaseUnfrozen, DecreeRevoked, TransferWithdrawn } from './events';
import { CaseState } from './state';

const R48 = 'Perpres 116/2022';

/** The receiving agency withdraws the case before the decree. */
export function withdraw(command: WithdrawTransfer, state: CaseState): TransferWithdrawn[] {
  const c = requireActive(state, command);
  if (c.status === 'DECREED' || c.status === 'APPOINTED')
    throw new DomainError('CONFLICT', 'DECREE_ALREADY_ISSUED', 'kasus tidak dapat ditarik setelah SK; BKN dapat mencabut SK-nya (R-48)');
  return [emit<TransferWithdrawn>(command, c.caseId, 'TransferWithdrawn.v1', { reason: text(command, 'reason', command.data.reason) })];
}

/** BKN freezes a case under audit; every other command waits. */
export function freeze(command: FreezeCase, state: CaseState): CaseFrozen[] {
  if (state.status === 'FROZEN') throw new DomainError('CONFLICT', 'ALREADY_FROZEN', 'kasus sudah dibekukan');
  const c = requireActive(state, command);
  const data = { reason: text(command, 'reason', command.data.reason), reference: text(command, 'reference', command.data.reference) };
  return [emit<CaseFrozen>(command, c.caseId, 'CaseFrozen.v1', data, [outcome('R-48', 'FLAG', `frozen under BKN audit ${data.reference}: ${data.reason}`, R48, data)])];
}

/** BKN ends the audit freeze; the case continues where it stood. */
export function unfreeze(command: UnfreezeCase, state: CaseState): CaseUnfrozen[] {
  if (state.status !== 'FROZEN') throw new DomainError('CONFLICT', 'NOT_FROZEN', 'kasus tidak sedang dibekukan');
  const data = { reason: text(command, 'reason', command.data.reason), reference: text(command, 'reference', command.data.reference) };
  return [emit<CaseUnfrozen>(command, state.case.caseId, 'CaseUnfrozen.v1', data)];
}

/** BKN revokes the decree; the case ends as REVOKED. */
export function revoke(command: RevokeDecree, state: CaseState): DecreeRevoked[] {
  const c = state.status === 'FROZEN' ? state.case : requireActive(state, command);
  if (c.decree === null) throw new DomainError('CONFLICT', 'NO_DECREE', 'tidak ada SK yang dapat dicabut');
  const data = { reason: text(command, 'reason', command.data.reason), reference: text(command, 'reference', command.data.reference) };
  return [
    emit<DecreeRevoked>(command, c.caseId, 'DecreeRevoked.v1', data, [
      outcome('R-48', 'FLAG', `SK ${c.decree.decreeNumber} dicabut oleh BKN (${data.reference}): ${data.reason}`, R48, data),
    ]),
  ];
}
