import { randomUUID } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  authorizeAttempt,
  availableActions,
  canViewCase,
  SCHEDULER_ACTOR,
  caseStreamId,
  CaseState,
  CommandMetadata,
  DomainError,
  innerCase,
  IsoInstant,
  ReadScope,
  scheduledCommand,
  ScheduledWork,
  toDate,
  TransferCommand,
  TransferCommandType,
  TransferEvent,
} from '@mutasi/domain';
import { CommandPipeline, eventIdFor, EventStore, RecordedEvent } from '@mutasi/event-store';
import { Metrics, noteCommand, withCurrentTrace } from '@mutasi/observability';
import { Clock, Principal, problem, ProblemDetails, ProblemError, toProblem } from '@mutasi/platform';
import { PolicyRegistry, ReadScopes } from '@mutasi/read-models';
import { guardedAppender } from '../invariants/guarded-appender';
import { HolidayCalendars } from '../reference-data/calendars';
import { actorFor, actorOnCase } from './actor';
import { CaseAudience, caseView } from './case-view';
import { IdempotencyKeys, requestHash } from './idempotency';
import { RefusalRecorder } from './refusals';
import { openedIn, storedProblem } from './request-facts';
import { transferDecider, transferEventMapping } from './transfer-decider';

/** One command request as the HTTP layer hands it over. */
export interface CaseCommandRequest {
  readonly caseId: string;
  readonly type: TransferCommandType;
  readonly principal: Principal;
  /** The request body as sent (idempotency hash, refusal record). */
  readonly body: unknown;
  readonly path: string;
  readonly ifMatch?: string | undefined;
  readonly idempotencyKey?: string | undefined;
  /** Builds the domain command from the current state (reference data lookups happen here). */
  build(state: CaseState, metadata: CommandMetadata): TransferCommand | Promise<TransferCommand>;
}

export interface CaseResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly etag: string;
}

/** M-04: refusals by a permission or a rule are recorded; so is a conflict a rule raised (M-07, M-09). */
function recordedRefusal(p: ProblemDetails): boolean {
  return p.status === 403 || p.status === 422 || (p.status === 409 && p.ruleId !== undefined);
}

/** `If-Match: "3"` (or `W/"3"`, or `3`) as a revision; a malformed one is bad input. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '*' || value.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(-?\d{1,9})"?\s*$/.exec(value);
  if (!match)
    throw new ProblemError(
      problem(400, 'INVALID_IF_MATCH', 'If-Match harus berisi ETag kasus, misalnya "3"', { errors: [{ field: 'If-Match', message: 'diharapkan "<revisi>"' }] }),
    );
  return Number(match[1]);
}

/**
 * Runs transfer-case commands through the one command pipeline, with the server's clock and policy, the actor from
 * the token, `If-Match` and `Idempotency-Key`, and records every 403/422 refusal in the audit trail (M-04).
 */
@Injectable()
export class TransferCases {
  private readonly pipeline: CommandPipeline<TransferCommand, TransferEvent, CaseState>;
  private readonly logger = new Logger('Commands');

  constructor(
    store: EventStore,
    db: DataSource,
    private readonly clock: Clock,
    private readonly keys: IdempotencyKeys,
    private readonly refusals: RefusalRecorder,
    private readonly policies: PolicyRegistry,
    private readonly calendars: HolidayCalendars,
    private readonly scopes: ReadScopes,
    @Optional() private readonly metrics?: Metrics,
  ) {
    const guarded = guardedAppender(store, db);
    // Timed for mutasi_event_append_duration_seconds; each event keeps the command's trace for the relay (when tracing).
    const append: typeof guarded = (streamId, events, expected, decided) => {
      const traced = events.map((e) => ({ ...e, metadata: withCurrentTrace(e.metadata) }));
      return metrics ? metrics.timeAppend(() => guarded(streamId, traced, expected, decided)) : guarded(streamId, traced, expected, decided);
    };
    this.pipeline = new CommandPipeline(store, transferDecider, transferEventMapping, 5, append);
  }

  /** The metadata of a command decided now: the server's time, the policy version in force, the calendars on record. */
  private async metadata(commandId: string, actor: Actor): Promise<CommandMetadata> {
    const now: IsoInstant = this.clock.now().toISOString();
    const [policy, calendar] = await Promise.all([this.policies.inForce(toDate(now)), this.calendars.calendar()]);
    return { commandId, actor, now, policy, calendar };
  }

  async execute(request: CaseCommandRequest): Promise<CaseResponse> {
    noteCommand(request.type, request.caseId);
    try {
      const response = await this.handle(request);
      this.metrics?.countCommand(request.type, 'accepted');
      this.logger.log({ msg: `${request.type} accepted`, outcome: 'accepted', status: response.status });
      return response;
    } catch (error) {
      const details = toProblem(error);
      const outcome = details.status >= 500 ? 'error' : 'refused';
      this.metrics?.countCommand(request.type, outcome, recordedRefusal(details) ? (details.ruleId ?? details.code) : undefined);
      const line = {
        msg: `${request.type} ${outcome}: ${details.code}`,
        outcome,
        status: details.status,
        code: details.code,
        ...(details.ruleId ? { ruleId: details.ruleId } : {}),
      };
      if (outcome === 'error') this.logger.error(line);
      else this.logger.log(line);
      throw error;
    }
  }

  private async handle(request: CaseCommandRequest): Promise<CaseResponse> {
    const actor = actorFor(request.principal, request.type);
    const expectedRevision = parseIfMatch(request.ifMatch);
    const key = request.idempotencyKey?.trim();
    if (key !== undefined && (key.length === 0 || key.length > 200)) throw new ProblemError(problem(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key harus 1–200 karakter'));
    if (key) {
      const stored = await this.keys.claim(actor.userId, key, requestHash(request.path, request.body));
      if (stored) {
        if (stored.status >= 400) throw new ProblemError(storedProblem(stored.status, stored.body));
        return { status: stored.status, body: stored.body as Record<string, unknown>, etag: stored.etag ?? '' };
      }
    }
    const commandId = key ? eventIdFor(`${actor.userId}\n${request.caseId}\n${request.type}\n${key}`, 0) : randomUUID();
    try {
      const response = await this.run(request, actor, commandId, expectedRevision);
      if (key) await this.keys.complete(actor.userId, key, response);
      return response;
    } catch (error) {
      const details = toProblem(error);
      if (recordedRefusal(details)) {
        await this.refusals.record({ actor, command: request.type, caseId: request.caseId, body: request.body, problem: details, commandId, correlationId: commandId });
      }
      if (key) {
        if (details.status === 409 || details.status >= 500) await this.keys.release(actor.userId, key);
        else await this.keys.complete(actor.userId, key, { status: details.status, body: details, etag: null });
      }
      throw error;
    }
  }

  private async run(request: CaseCommandRequest, actor: Actor, commandId: string, expectedRevision: number | undefined): Promise<CaseResponse> {
    const metadata = await this.metadata(commandId, actor);
    // Who may run the command is checked before any reference data is looked up, so a stranger learns nothing from
    // "no such employee" or "no such delegation" and the refusal is recorded (M-04); decide checks it again.
    const build = (state: CaseState) => {
      const onCase = { ...metadata, actor: actorOnCase(request.principal, request.type, state, request.body) };
      authorizeAttempt({ type: request.type, actor: onCase.actor, ...openedIn(request) }, state);
      return request.build(state, onCase);
    };
    const result = await this.pipeline
      .handle(caseStreamId(request.caseId), build, {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        ...(expectedRevision === undefined ? {} : { expectedRevision }),
        // A case is opened under a fresh id: nothing to read first (a retry under a key-derived id falls back to reading).
        ...(request.type === 'OpenTransferCase' ? { expectsNewStream: true } : {}),
      })
      .catch((error: unknown) => this.withoutForeignCase(error, request.principal));
    const created = request.type === 'OpenTransferCase' && !result.idempotent;
    const candidateNip = innerCase(result.state)?.proposal?.candidate.nip;
    const audience: CaseAudience = actor.role === 'PNS' || (candidateNip !== undefined && candidateNip === request.principal.nip) ? 'EMPLOYEE' : 'OFFICIAL';
    return { status: created ? 201 : 200, body: caseView(result.state, result.revision, audience), etag: `"${result.revision}"` };
  }

  /**
   * M-09 names the other open case an employee is in; a reader who may not see that case is told that there is one,
   * not which (docs/access.md).
   */
  private async withoutForeignCase(error: unknown, principal: Principal): Promise<never> {
    const other = error instanceof DomainError ? error.details.extensions?.openCaseId : undefined;
    if (typeof other !== 'string' || !(error instanceof DomainError)) throw error;
    const [{ state }, scope] = await Promise.all([this.pipeline.load(caseStreamId(other)), this.scopes.of(principal)]);
    if (state.status !== 'NONE' && canViewCase(scope, state)) throw error;
    const { extensions: _hidden, ...details } = error.details;
    throw new DomainError(
      error.kind,
      error.code,
      'pegawai sudah berada dalam kasus lain yang masih berjalan (di luar yang boleh Anda baca); seorang pegawai paling banyak berada dalam satu kasus berjalan',
      details,
    );
  }

  /** Sends a time-driven command as the scheduler (no principal; refusals are expected outcomes, not recorded). */
  async executeAsScheduler(caseId: string, work: ScheduledWork, commandId: string): Promise<{ idempotent: boolean }> {
    const metadata = await this.metadata(commandId, SCHEDULER_ACTOR);
    const command = scheduledCommand(work, metadata);
    const result = await this.pipeline.handle(caseStreamId(caseId), command, { commandId, correlationId: commandId, causationId: commandId });
    return { idempotent: result.idempotent };
  }

  /** The case as the principal may see it (docs/access.md): 404 when there is none, 403 when it is outside their scope. */
  async view(caseId: string, principal: Principal): Promise<{ body: Record<string, unknown>; etag: string; events: RecordedEvent[]; scope: ReadScope }> {
    const { state, revision, events, scope, audience } = await this.visible(caseId, principal);
    const actions = availableActions(state, principal, toDate(this.clock.now().toISOString()));
    return { body: { ...caseView(state, revision, audience), actions }, etag: `"${revision}"`, events, scope };
  }

  /** The case folded, if the principal may see it (404 / 403 otherwise), with the reader's scope and audience. */
  async visible(caseId: string, principal: Principal): Promise<{ state: CaseState; revision: number; events: RecordedEvent[]; scope: ReadScope; audience: CaseAudience }> {
    const { state, revision, events } = await this.pipeline.load(caseStreamId(caseId));
    if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'CASE_NOT_FOUND', `tidak ada kasus mutasi ${caseId}`);
    const scope = await this.scopes.of(principal);
    if (!canViewCase(scope, state)) throw new DomainError('FORBIDDEN', 'CASE_NOT_VISIBLE', 'kasus ini di luar yang boleh Anda baca: tidak melibatkan instansi Anda');
    // The employee reads their own case as the employee, whatever other role they hold: never the rivals or the notes.
    const candidateNip = innerCase(state)?.proposal?.candidate.nip;
    const ownCase = candidateNip !== undefined && (candidateNip === scope.ownNip || candidateNip === principal.nip);
    return { state, revision, events, scope, audience: ownCase ? 'EMPLOYEE' : 'OFFICIAL' };
  }

  /** The raw stored events of a case (inspectors, BKN and involved agencies; not the employee). */
  async events(caseId: string, principal: Principal): Promise<RecordedEvent[]> {
    const { events, scope, audience } = await this.visible(caseId, principal);
    if (scope.cases.kind === 'NONE' || audience === 'EMPLOYEE')
      throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'catatan peristiwa mentah hanya untuk inspektur, BKN dan instansi yang terlibat');
    return events;
  }
}
