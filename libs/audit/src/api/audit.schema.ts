import { anyValue, boolean, enumOf, instant, integer, json, list, named, nullable, object, text } from '@mutasi/platform';
import { VERIFICATION_FAILURE_CODES } from '../verify/failure-codes';

/** The answers of `/api/audit/*` (audit-queries.ts, the ledger, the verifier, the bundle of libs/integrity). */

const position = text("the event's place in the whole log (a 64-bit number, as text)");
const nextCursor = nullable(text('the last position of this page; null at the end'));

const AuditEvent = named(
  'AuditEvent',
  object(
    {
      position,
      time: nullable(instant()),
      actor: object({ id: nullable(text()), name: nullable(text()), role: nullable(text()), agencyId: nullable(text()) }),
      type: text(),
      what: text('the event in plain words'),
      justification: nullable(text()),
      ruleOutcomes: list(json('a rule outcome as recorded: ruleId, outcome, inputs, reason, legalBasis')),
      caseId: nullable(text()),
      streamId: text(),
      revision: integer(),
      eventId: text(),
      hash: text(),
      prevHash: text(),
    },
    'one event of the audit trail',
  ),
);

export const CaseTrail = named('CaseTrail', object({ caseId: text(), events: list(AuditEvent, 'in order') }));

export const AuditEventPage = named('AuditEventPage', object({ items: list(AuditEvent), nextCursor }));

export const AuditFlagPage = named(
  'AuditFlagPage',
  object({
    items: list(
      object({
        flagId: text(),
        ruleId: text(),
        pattern: text(),
        caseId: nullable(text()),
        agencyId: nullable(text()),
        actorId: nullable(text()),
        raisedAt: instant(),
        position,
        reason: text(),
        eventIds: list(text(), 'the events that raised it'),
        details: anyValue('what the pattern saw'),
      }),
    ),
    nextCursor,
  }),
);

export const AuditRefusalPage = named(
  'AuditRefusalPage',
  object({
    items: list(
      object({
        position,
        eventId: text(),
        actor: object({ id: text(), role: nullable(text()), agencyId: nullable(text()) }),
        command: text(),
        caseId: nullable(text()),
        status: integer('403 or 422, or a 409 a rule raised'),
        code: text(),
        ruleId: nullable(text()),
        reason: text(),
        time: instant(),
        details: anyValue('the refused request as recorded'),
      }),
    ),
    nextCursor,
  }),
);

const treeHead = {
  treeSize: integer(),
  rootHash: text('standard base64 of the 32-byte root'),
  timestamp: instant(),
  checkpoint: text('the C2SP signed note'),
};

export const TreeHead = named('TreeHead', object(treeHead, 'a signed tree head of the ledger'));

export const LedgerKey = named('LedgerKey', object({ verifierKey: text('<name>+<hex key id>+<base64 0x01‖Ed25519 public key>'), origin: text() }));

export const InclusionProof = named('InclusionProof', object({ leafIndex: integer(), treeSize: integer(), leafHash: text(), proof: list(text(), 'base64 hashes, RFC 6962') }));

export const ConsistencyProof = named('ConsistencyProof', object({ size1: integer(), size2: integer(), proof: list(text(), 'base64 hashes, RFC 6962') }));

const failures = list(
  object({ position: text('e.g. stream <id> revision <n>, leaf <i>'), code: enumOf(VERIFICATION_FAILURE_CODES), eventId: nullable(text()), reason: text() }),
  'the first failing places',
);

export const VerificationReport = named(
  'VerificationReport',
  object({
    ok: boolean(),
    checkedEvents: integer(),
    ledgerSize: integer(),
    unledgered: integer('events newer than the ledger: not failures, it catches up within seconds'),
    failures,
  }),
);
