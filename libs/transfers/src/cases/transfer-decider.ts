import { CaseState, decide, evolve, initialState, TransferCommand, TransferEvent } from '@mutasi/domain';
import { CommandEnvelope, Decider, EventMapping, RecordedEvent, upcast, Upcaster } from '@mutasi/event-store';

/** The transfer-case decider in the pipeline's terms. */
export const transferDecider: Decider<TransferCommand, TransferEvent, CaseState> = { initialState, evolve, decide };

/** Old event versions, mapped on read (none yet: every stored type is at v1). */
export const TRANSFER_UPCASTERS: readonly Upcaster[] = [];

/**
 * How transfer events are stored: explicit versioned type, the domain data, and the envelope metadata (the domain's
 * caseId, actor, time, command id, policy version and rule outcomes, plus correlation and causation).
 */
export const transferEventMapping: EventMapping<TransferEvent> = {
  toEventData: (event, eventId, envelope: CommandEnvelope) => ({
    eventId,
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    metadata: { ...event.metadata, correlationId: envelope.correlationId, causationId: envelope.causationId },
  }),
  fromRecorded: (recorded: RecordedEvent) => {
    const current = upcast(recorded, TRANSFER_UPCASTERS);
    return { type: current.type, data: current.data, metadata: current.metadata } as unknown as TransferEvent;
  },
};
