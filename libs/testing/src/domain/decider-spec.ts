import { CaseState, decide, DomainError, evolve, fold, TransferCommand, TransferEvent } from '@mutasi/domain';

/** What a refusal must look like: its HTTP-facing kind, stable code and, for rules, the rule id. */
export interface ExpectedRefusal {
  readonly kind?: DomainError['kind'];
  readonly code?: string;
  readonly ruleId?: string;
}

/**
 * Given/when/then for the transfer-case decider: given earlier events, when a command is decided, then the new
 * events (checked by a callback) or the refusal.
 */
export function given(events: readonly TransferEvent[]) {
  const state: CaseState = fold(events);
  return {
    state,
    when(command: TransferCommand) {
      const outcome = (): { events: TransferEvent[] } | { error: unknown } => {
        try {
          return { events: decide(command, state) };
        } catch (error) {
          return { error };
        }
      };
      const result = outcome();
      return {
        /** Asserts the command was accepted and hands over the new events and the state after them. */
        then(check: (events: TransferEvent[], after: CaseState) => void): void {
          if ('error' in result) throw new Error(`expected events, but the command was refused: ${String(result.error)}`);
          check(result.events, result.events.reduce(evolve, state));
        },
        /** Asserts the command was accepted and returns its events. */
        thenEvents(): TransferEvent[] {
          if ('error' in result) throw new Error(`expected events, but the command was refused: ${String(result.error)}`);
          return result.events;
        },
        /** Asserts the command was refused as expected and returned nothing to append. */
        thenRefused(expected: ExpectedRefusal): DomainError {
          if (!('error' in result)) throw new Error(`expected a refusal ${JSON.stringify(expected)}, but got events ${result.events.map((e) => e.type).join(', ')}`);
          const error = result.error;
          if (!(error instanceof DomainError)) throw error;
          const actual = { kind: error.kind, code: error.code, ruleId: error.ruleId };
          for (const key of ['kind', 'code', 'ruleId'] as const) {
            if (expected[key] !== undefined && expected[key] !== actual[key]) {
              throw new Error(`expected ${key} ${expected[key]}, got ${JSON.stringify(actual)}: ${error.message}`);
            }
          }
          return error;
        },
      };
    },
  };
}
