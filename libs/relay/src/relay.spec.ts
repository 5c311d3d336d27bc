import { SPEC_VERSION, type IntegrationEvent } from '@mutasi/messaging';
import { toMessage } from './relay';

const event: IntegrationEvent = {
  specVersion: SPEC_VERSION,
  eventId: '6f1c1a52-7f0e-4d6b-9a8e-0c8b7d1e2f30',
  type: 'mutasi.transfer.CaseClosed.v1',
  caseId: 'case-42',
  sequence: 7,
  occurredAt: '2026-05-01T02:00:00.000Z',
  actor: { role: 'PPK', agencyId: 'kota-a' },
  case: { stage: 'EVALUASI', status: 'COMPLETED', route: 'INTERNAL', targetAgencyId: 'kota-a', originAgencyId: 'kota-a', targetPositionId: 'kota-a.auditor' },
  data: {},
};

describe('the relay’s Kafka message', () => {
  it('is keyed by the case (a case stays in order on one partition) and carries the event whole as JSON', () => {
    const message = toMessage(event);
    expect(message.key).toBe('case-42');
    expect(JSON.parse(message.value)).toEqual(event);
  });

  it('names the event in its headers, so a consumer can dedupe and route before parsing', () => {
    expect(toMessage(event).headers).toEqual({ 'event-id': event.eventId, 'event-type': 'mutasi.transfer.CaseClosed.v1', 'spec-version': SPEC_VERSION });
  });
});
