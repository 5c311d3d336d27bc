import { CaseState, evolve, initialState, isCaseStream, readTransferEvent, readTransferEvents } from '@mutasi/domain';
import { EventStore, RecordedEvent, StateCache } from '@mutasi/event-store';
import { IntegrationEvent, toIntegrationEvent } from './integration-event';

/**
 * Maps stored transfer events, in global order, to integration events. Each stored event is read through the
 * domain's one reader (old versions upcast), so a domain event's new version never changes an integration event.
 * Keeps each case's state (for the `case` snapshot) in a cache; after a restart or a gap it folds the stream up to
 * the event from the store.
 */
export class IntegrationMapper {
  /**
   * The cases whose events are interleaved in the global order at one time; a state is 15–27 KB, so 1,000 keep the
   * relay and the dashboard feed flat in memory (5,000 grew to ~250 MB over a simulated year).
   */
  private readonly states = new StateCache<CaseState>(1_000);

  constructor(private readonly store: EventStore) {}

  async map(events: readonly RecordedEvent[]): Promise<IntegrationEvent[]> {
    const out: IntegrationEvent[] = [];
    for (const e of events) {
      const domain = isCaseStream(e.streamId) ? readTransferEvent(e) : null;
      if (domain === null) continue;
      const before = await this.stateBefore(e);
      const after = evolve(before, domain);
      this.states.set(e.streamId, { state: after, revision: e.revision, commandIds: new Set() });
      const integration = toIntegrationEvent(e, domain, after);
      if (integration) out.push(integration);
    }
    return out;
  }

  private async stateBefore(e: RecordedEvent): Promise<CaseState> {
    if (e.revision === 0) return initialState();
    const cached = this.states.get(e.streamId);
    if (cached && cached.revision === e.revision - 1) return cached.state;
    const history = await this.store.readStream(e.streamId, { maxCount: e.revision });
    return readTransferEvents(history).reduce(evolve, initialState());
  }
}
