/** Base of event store errors; `code` is stable for clients and logs. */
export class EventStoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the expected revision (optimistic concurrency): reload and decide again. */
export class WrongExpectedRevisionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number | 'no_stream',
  ) {
    super('STREAM_REVISION_CONFLICT', `stream ${streamId} is at revision ${actual}, not ${expected}`);
  }
}

/** An event id was already used for a different event or stream. */
export class DuplicateEventIdError extends EventStoreError {
  constructor(readonly eventId: string) {
    super('DUPLICATE_EVENT_ID', `event id ${eventId} is already stored with other content or in another position`);
  }
}

/** An event that can never be stored: malformed, not JSON, or too large. Nothing was appended. */
export class EventRejectedError extends EventStoreError {
  constructor(
    code: 'EVENT_MALFORMED' | 'EVENT_TOO_LARGE' | 'BATCH_TOO_LARGE',
    message: string,
    readonly index: number | null,
    readonly field: string | null,
  ) {
    super(code, message);
  }
}
