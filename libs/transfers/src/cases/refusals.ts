import { Injectable, Logger } from '@nestjs/common';
import { Actor, COMMAND_REFUSED, CommandRefusedData, refusalStreamId, RuleOutcome } from '@mutasi/domain';
import { EventStore, eventIdFor } from '@mutasi/event-store';
import { Clock, ProblemDetails } from '@mutasi/platform';

const EXCERPT = 2_000;

/** What the client sent, as printable text of bounded length: enough for an inspector, never too big to store. */
export function bodyExcerpt(body: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(body) ?? 'null';
  } catch {
    text = String(body);
  }

  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\uD800-\uDFFF]/g, '\uFFFD');
  return clean.length > EXCERPT ? `${clean.slice(0, EXCERPT)}…` : clean;
}

/**
 * M-04: every refused command (403 and 422) is itself recorded as `CommandRefused.v1`: who tried what on which case,
 * and the permission or rule that refused it. Recording never changes the answer the client gets.
 */
@Injectable()
export class RefusalRecorder {
  private readonly logger = new Logger('Refusals');

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async record(input: { actor: Actor; command: string; caseId: string | null; body: unknown; problem: ProblemDetails; commandId: string; correlationId: string }): Promise<void> {
    const { actor, problem } = input;
    const outcomes: unknown = problem['ruleOutcomes'];
    const data: CommandRefusedData = {
      command: input.command,
      caseId: input.caseId,
      status: problem.status,
      code: problem.code,
      ruleId: problem.ruleId ?? null,
      reason: problem.detail.slice(0, EXCERPT),
      legalBasis: problem.legalBasis ?? null,
      bodyExcerpt: bodyExcerpt(input.body),
      ...(Array.isArray(outcomes) ? { ruleOutcomes: outcomes as RuleOutcome[] } : {}),
    };
    try {
      await this.store.append(
        refusalStreamId(actor.userId),
        [
          {
            eventId: eventIdFor(input.commandId, 1_000),
            type: COMMAND_REFUSED,
            data,
            metadata: {
              actor,
              recordedAt: this.clock.now().toISOString(),
              commandId: input.commandId,
              correlationId: input.correlationId,
              causationId: input.commandId,
              caseId: input.caseId,
            },
          },
        ],
        'any',
      );
    } catch (error) {
      this.logger.error(`could not record the refusal of ${input.command} by ${actor.userId}: ${String(error)}`);
    }
  }
}
