import { CaseState, evolve, initialState, TransferEvent } from '@mutasi/domain';
import { EventStore, RecordedEvent, StateCache, upcast } from '@mutasi/event-store';
import { IntegrationEvent, toIntegrationEvent } from './integration-event';

const asDomain = (e: RecordedEvent): TransferEvent => {
  const current = upcast(e, []);
  return { type: current.type, data: current.data, metadata: current.metadata } as unknown as TransferEvent;
};

/**
 * Maps stored transfer events, in global order, to integration events. Keeps each case's state (for the `case`
 * snapshot) in a cache; after a restart or a gap it folds the stream up to the event from the store.
 */
export class IntegrationMapper {
  private readonly states = new StateCache<CaseState>(5_000);

  constructor(private readonly store: EventStore) {}

  async map(events: readonly RecordedEvent[]): Promise<IntegrationEvent[]> {
    const out: IntegrationEvent[] = [];
    for (const e of events) {
      if (!e.streamId.startsWith('transfer-')) continue;
      const before = await this.stateBefore(e);
      const domain = asDomain(e);
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
    return history.map(asDomain).reduce(evolve, initialState());
  }
}
