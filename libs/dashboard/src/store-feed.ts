import { EntityManager } from 'typeorm';
import { isCaseStream } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { IntegrationEvent, IntegrationMapper } from '@mutasi/messaging';
import { Projection } from '@mutasi/read-models';
import { DashboardProjector } from './dashboard-projector';
import { DASHBOARD_TABLES } from './migrations';

/**
 * Standalone mode's in-process feed: the dashboard read models fed straight from the event store, through the same
 * integration events (and the same projector) that Kafka carries in distributed mode.
 */
export class DashboardStoreFeed implements Projection {
  readonly name = 'dashboard';
  readonly tables = DASHBOARD_TABLES;
  private readonly mapper: IntegrationMapper;
  private readonly projector = new DashboardProjector();
  /** Applied in the current, not yet committed batch; published by the runner's `onBatch` after commit. */
  pending: IntegrationEvent[] = [];

  constructor(store: EventStore) {
    this.mapper = new IntegrationMapper(store);
  }

  handles(event: RecordedEvent): boolean {
    return isCaseStream(event.streamId);
  }

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    this.pending = await this.projector.apply(await this.mapper.map(events), tx);
  }
}
