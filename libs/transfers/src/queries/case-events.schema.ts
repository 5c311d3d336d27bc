import { enumOf, instant, integer, json, list, named, object, openObject, optional, text } from '@mutasi/platform';
import { Actor } from '../cases/case-view.schema';

/** A rule's decision as the events record it, with the facts it looked at. */
export const RecordedRuleOutcome = named(
  'RecordedRuleOutcome',
  object({
    ruleId: text(),
    outcome: enumOf(['PASS', 'BLOCK', 'FLAG', 'REQUIRES_STEP']),
    inputs: json('the facts the rule looked at'),
    reason: text(),
    legalBasis: text(),
    code: optional(text('the error code of a BLOCK')),
  }),
);

/** An event as the store holds it: its place in the stream and the log, and the hash chain (docs/architecture.md, "Integrity" 1). */
export const StoredEvent = named(
  'StoredEvent',
  object({
    streamId: text('e.g. transfer-<caseId>'),
    revision: integer('0 for the first event of the stream'),
    globalPosition: text('the position in the whole log (a 64-bit number, as text)'),
    eventId: text(),
    type: text('versioned, e.g. TransferCaseOpened.v1'),
    data: json("the event's payload (docs/integration-events for the published contracts)"),
    metadata: openObject(
      {
        prevHash: text(),
        hash: text(),
        caseId: optional(text()),
        actor: optional(Actor),
        recordedAt: optional(instant()),
        commandId: optional(text()),
        correlationId: optional(text()),
        causationId: optional(text()),
        policyVersion: optional(text()),
        ruleOutcomes: optional(list(RecordedRuleOutcome)),
      },
      "who, when, under which policy, the rules' outcomes, and the hash chain",
    ),
  }),
);

export const CaseEvents = named('CaseEvents', object({ caseId: text(), events: list(StoredEvent, 'oldest first') }));
