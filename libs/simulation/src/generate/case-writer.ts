import { CaseState, caseStreamId, TransferCommand, TransferEvent } from '@mutasi/domain';
import { CommandPipeline } from '@mutasi/event-store';
import { toProblem } from '@mutasi/platform';
import { RefusalRecorder } from '@mutasi/transfers';
import { PlannedCase } from './stories';

/**
 * Writes a planned case through the command pipeline, command by command, as the application does: read (cached)
 * state, decide, append with the expected revision. Command ids come from the case id and the step, so writing a
 * case again after a crash appends nothing twice (the pipeline answers a known command id from the stream).
 * A refused step is recorded as the application records refusals (M-04). Returns the events appended.
 */
export async function writeCase(pipeline: CommandPipeline<TransferCommand, TransferEvent, CaseState>, refusals: RefusalRecorder, planned: PlannedCase): Promise<number> {
  const streamId = caseStreamId(planned.caseId);
  let appended = 0;
  for (const [n, step] of planned.steps.entries()) {
    const commandId = `sim:${planned.caseId}:${n}`;
    const command = { ...step.command, metadata: { ...step.command.metadata, commandId } } as TransferCommand;
    if (step.refusal) {
      const problem = toProblem(step.refusal);
      await refusals.record({
        actor: command.metadata.actor,
        command: command.type,
        caseId: planned.caseId,
        body: command.data,
        problem,
        commandId,
        correlationId: planned.caseId,
      });
      appended += 1;
      continue;
    }
    const result = await pipeline.handle(streamId, command, { commandId, correlationId: planned.caseId, causationId: commandId });
    if (!result.idempotent) appended += result.events.length;
  }
  return appended;
}
