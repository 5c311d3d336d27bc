/**
 * libs/domain: the law of mutasi ASN as pure functions. Imports nothing outside itself.
 */
export * from './shared/errors';
export * from './shared/dates';
export * from './shared/calendar';
export * from './calendar/published-holidays';
export * from './values/nip';
export * from './values/golongan';
export * from './values/skp';
export * from './reference/roles';
export * from './reference/agency';
export * from './reference/position';
export * from './reference/employee';
export * from './policy/policy';
export * from './policy/default-policies';
export * from './routes/route';
export * from './routes/approval-chain';
export * from './rules/outcome';
export * from './rules/tenure-rules';
export * from './rules/eligibility-rules';
export * from './rules/vacancy-rules';
export * from './rules/election-rules';
export * from './rules/conflict-rules';
export * from './rules/decree-rules';
export * from './rules/evidence-rules';
export * from './merit/merit';
export * from './transfer-case/documents';
export * from './transfer-case/decisions';
export * from './transfer-case/commands';
export * from './transfer-case/events';
export * from './transfer-case/state';
export * from './transfer-case/evolve';
export * from './transfer-case/decide';
export * from './transfer-case/permissions';
export * from './access/read-scope';
export * from './transfer-case/scheduled-work';
export { scoreEvaluation } from './transfer-case/decide-evaluation';
export * from './policy/policy-check';
