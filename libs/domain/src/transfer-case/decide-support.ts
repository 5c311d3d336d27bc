import { isIsoDate } from '../shared/dates';
import { DomainError, invalid, wrongState } from '../shared/errors';
import { r06ConflictOfInterest, DecisionFacts } from '../rules/conflict-rules';
import { RuleOutcome, throwIfBlocked } from '../rules/outcome';
import { DecisionRole } from './decisions';
import { TransferCommand } from './commands';
import { EventMetadata, TransferEvent } from './events';
import { ActiveCase, CaseIn, ActiveStatus, CaseState } from './state';

/** Builds an event of `type` for `command`, stamping the domain metadata from the command. */
export function emit<E extends TransferEvent>(command: TransferCommand, caseId: string, type: E['type'], data: E['data'], ruleOutcomes: readonly RuleOutcome[] = []): E {
  const metadata: EventMetadata = {
    caseId,
    actor: command.metadata.actor,
    recordedAt: command.metadata.now,
    commandId: command.metadata.commandId,
    policyVersion: command.metadata.policy.version,
    ruleOutcomes,
  };
  return { type, data, metadata } as E;
}

/**
 * The active case a command may act on: 404 when there is none, 409 when it has ended, 422 when BKN has
 * frozen it for audit.
 */
export function requireActive(state: CaseState, command: TransferCommand): ActiveCase {
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'CASE_NOT_FOUND', 'tidak ada kasus mutasi dengan id ini');
  if (state.status === 'FROZEN') {
    throw new DomainError('RULE', 'CASE_FROZEN', `kasus dibekukan karena pemeriksaan BKN (${state.freeze.reference}): ${command.type} harus menunggu sampai pembekuan dicabut`, {
      ruleId: 'R-48',
      legalBasis: 'Perpres 116/2022',
    });
  }
  if ('case' in state) throw new DomainError('CONFLICT', 'CASE_ENDED', `kasus sudah berakhir (${state.status}); tidak ada lagi tindakan yang dapat dilakukan`);
  return state;
}

/** Narrows the case to the statuses a command accepts, or refuses with 409. */
export function requireStatus<S extends ActiveStatus>(c: ActiveCase, command: TransferCommand, ...statuses: S[]): CaseIn<S> {
  if (!(statuses as ActiveStatus[]).includes(c.status)) throw wrongState(command.type, c.status, statuses.join(' atau '));
  return c as CaseIn<S>;
}

/** A required or optional free-text field, trimmed, within the policy's length limit. */
export function text(command: TransferCommand, field: string, value: unknown, required = true): string {
  const max = command.metadata.policy.maxTextLength;
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    if (required) throw invalid('FIELD_REQUIRED', field, `${field} wajib diisi`);
    return '';
  }
  if (typeof value !== 'string') throw invalid('FIELD_INVALID', field, `${field} harus berupa teks`);
  if (value.length > max) throw invalid('FIELD_TOO_LONG', field, `${field} paling banyak ${max} karakter`);
  return value.trim();
}

/** A SHA-256 digest as 64 lowercase hex characters. */
export function sha256Field(field: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value))
    throw invalid('INVALID_SHA256', field, `${field} harus berupa digest SHA-256: 64 karakter heksadesimal huruf kecil`);
  return value;
}

/**
 * R-06 for a human decision on the case: refuses (422) when the actor is the employee, a declared relative, or has
 * already taken another decision role on it; returns the PASS outcome to record otherwise.
 */
export function separationOfDuties(command: TransferCommand, c: ActiveCase, role: DecisionRole, facts: DecisionFacts = {}): RuleOutcome {
  const r06 = r06ConflictOfInterest(command.metadata.actor, c.proposal?.candidate ?? null, c.decisions, role, facts);
  throwIfBlocked([r06]);
  return r06;
}

/** A real civil date `YYYY-MM-DD`, or 400 naming the field. */
export function dateField(field: string, value: unknown): string {
  if (!isIsoDate(value)) throw invalid('INVALID_DATE', field, `${field} harus tanggal yang valid dalam bentuk YYYY-MM-DD`);
  return value;
}
