import { CaseState, decide, evolve, initialState, readTransferEvent, storedData, TransferCommand, TransferEvent } from '@mutasi/domain';
import { CommandEnvelope, Decider, EventMapping } from '@mutasi/event-store';

/** The transfer-case decider in the pipeline's terms. */
export const transferDecider: Decider<TransferCommand, TransferEvent, CaseState> = { initialState, evolve, decide };

/**
 * How transfer events are stored: explicit versioned type, the domain data, and the envelope metadata (the domain's
 * caseId, actor, time, command id, policy version and rule outcomes, plus correlation and causation). Read back
 * through the domain's one reader, which upcasts old versions (libs/domain/src/stored-events).
 */
export const transferEventMapping: EventMapping<TransferEvent> = {
  toEventData: (event, eventId, envelope: CommandEnvelope) => ({
    eventId,
    type: event.type,
    data: storedData(event.data),
    metadata: { ...event.metadata, correlationId: envelope.correlationId, causationId: envelope.causationId },
  }),
  fromRecorded: readTransferEvent,
};
