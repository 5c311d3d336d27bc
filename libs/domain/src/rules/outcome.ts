import { ruleRefused, DomainError } from '../shared/errors';

/**
 * What a rule decided. PASS lets the command through; BLOCK refuses it (422 with the rule id); FLAG lets it through
 * and raises an inspector flag; REQUIRES_STEP adds an approval step to the chain.
 */
export type RuleVerdict = 'PASS' | 'BLOCK' | 'FLAG' | 'REQUIRES_STEP';

/** A recorded rule decision: stored in the event the command produced, so a later reader sees why. */
export interface RuleOutcome {
  readonly ruleId: string;
  readonly outcome: RuleVerdict;
  /** The facts the rule looked at, as plain JSON. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly reason: string;
  readonly legalBasis: string;
  /** Stable error code used when the outcome is BLOCK. */
  readonly code?: string;
}

/** A ground recorded to override a rule that allows overrides (R-03 minimum tenure, R-44 JPT lock). */
export interface ExceptionGround {
  readonly ruleId: string;
  /** The explanation; under a policy that lists grounds it is recorded after the chosen ground's code and label. */
  readonly ground: string;
  /** The ground chosen from the policy's list (`exceptionGrounds`), when the policy lists them. */
  readonly groundCode?: string;
}

/** Builds an outcome; keeps rule functions short. */
export function outcome(ruleId: string, verdict: RuleVerdict, reason: string, legalBasis: string, inputs: Record<string, unknown>, code?: string): RuleOutcome {
  return code === undefined ? { ruleId, outcome: verdict, inputs, reason, legalBasis } : { ruleId, outcome: verdict, inputs, reason, legalBasis, code };
}

/** The recorded ground for `ruleId`, if one was given. */
export function groundFor(grounds: readonly ExceptionGround[], ruleId: string): string | undefined {
  return grounds.find((g) => g.ruleId === ruleId && g.ground.trim().length > 0)?.ground;
}

/**
 * Refuses the command when any outcome is BLOCK: the first block becomes the error (422, its rule id); every
 * outcome travels with the error so the refusal recorded under M-04 says everything the rules saw.
 */
export function throwIfBlocked(outcomes: readonly RuleOutcome[]): void {
  const blocked = outcomes.filter((o) => o.outcome === 'BLOCK');
  const first = blocked[0];
  if (!first) return;
  const others = blocked.slice(1).map((o) => o.ruleId);
  const message = others.length > 0 ? `${first.reason} (juga ditolak oleh ${others.join(', ')})` : first.reason;
  const error: DomainError = ruleRefused(first.ruleId, first.code ?? `RULE_${first.ruleId.replace('-', '')}`, message, first.legalBasis);
  throw Object.assign(error, { outcomes });
}
