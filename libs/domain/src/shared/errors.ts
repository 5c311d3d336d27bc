/**
 * Why a command was refused. The HTTP layer maps each kind to one status code
 * (VALIDATION 400, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409, RULE 422).
 */
export type RefusalKind = 'VALIDATION' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RULE';

/** One invalid input field, named by its path in the command body. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * A refusal by the domain. `code` is stable (e.g. `RULE_R21_TEN_YEAR_LOCK`) so clients and inspectors can rely
 * on it; `ruleId` names the rule of docs/domain.md §6 when a rule refused.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly details: {
      readonly ruleId?: string;
      readonly legalBasis?: string;
      readonly errors?: readonly FieldError[];
      readonly extensions?: Readonly<Record<string, unknown>>;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get ruleId(): string | undefined {
    return this.details.ruleId;
  }
}

/** Bad input: a value that can never be valid, whatever the case's state. */
export function invalid(code: string, field: string, message: string): DomainError {
  return new DomainError('VALIDATION', code, message, { errors: [{ field, message }] });
}

/** The actor is not allowed to run this command on this case. */
export function forbidden(code: string, message: string): DomainError {
  return new DomainError('FORBIDDEN', code, message);
}

/** The case is not in a state that accepts this command. */
export function wrongState(command: string, status: string, expected: string): DomainError {
  return new DomainError('CONFLICT', 'INVALID_CASE_STATE', `${command} tidak dapat dilakukan selama kasus berstatus ${status}; diperlukan status ${expected}`);
}

/** A rule of docs/domain.md §6 refused the command. */
export function ruleRefused(ruleId: string, code: string, message: string, legalBasis?: string): DomainError {
  return new DomainError('RULE', code, message, legalBasis === undefined ? { ruleId } : { ruleId, legalBasis });
}

/** Compile-time proof that a switch handled every member of a union. */
export function assertNever(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
