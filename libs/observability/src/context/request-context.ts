import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line knows about the work it was written in: the HTTP request, and the command being run, if any. */
export interface RequestFacts {
  readonly requestId: string;
  commandType?: string;
  caseId?: string;
}

/**
 * The facts of the request in progress, carried across awaits by AsyncLocalStorage. One per process on purpose: the
 * logger Nest is created with and the HTTP middleware meet here before any DI container exists. Never read by domain
 * code; only logs and metrics look at it.
 */
const storage = new AsyncLocalStorage<RequestFacts>();

/** Runs `work` with `facts` as the current request's facts (the HTTP middleware does this for every request). */
export function runWithRequestFacts<T>(facts: RequestFacts, work: () => T): T {
  return storage.run(facts, work);
}

/** The current request's facts, or undefined outside a request (workers, start-up). */
export function currentRequestFacts(): RequestFacts | undefined {
  return storage.getStore();
}

/** Records which command (and case) the current request runs, so every later log line of it carries them. */
export function noteCommand(commandType: string, caseId: string): void {
  const facts = storage.getStore();
  if (!facts) return;
  facts.commandType = commandType;
  facts.caseId = caseId;
}
