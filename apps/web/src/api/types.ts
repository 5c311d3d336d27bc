import type { Schemas } from './client';

/** The shapes of the API's answers the pages read: aliases of the generated schemas, never restated by hand. */
export type InboxItem = Schemas['InboxTask'];
export type CaseListItem = Schemas['CaseSummary'];
export type Step = Schemas['CaseStep'];
export type RuleOutcome = Schemas['RuleOutcomeView'];
export type CaseDocument = Schemas['CaseDocument'];
export type AvailableAction = Schemas['AvailableAction'];
export type CaseView = Schemas['CaseView'] & { actions: AvailableAction[] };
export type StoredEvent = Schemas['StoredEvent'];
export type Agency = Schemas['Agency'];
export type Position = Schemas['Position'];
export type Candidate = Schemas['PoolCandidate'];
export type CandidatePool = Schemas['CandidatePool'];
export type MutationPlan = Schemas['MutationPlan'];
