import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { eventsAfter } from './events-after';
import { lagSourcesOf } from './lag-sources';

export interface FollowerLag {
  readonly kind: 'projection' | 'relay';
  readonly name: string;
  /** Events in the store after the follower's checkpoint (counted up to a cap). */
  readonly lag: number;
}

/** The lag of every projection and relay this process hosts, computed now by a few cheap queries. */
export class FollowerLags {
  constructor(
    private readonly store: EventStore | undefined,
    private readonly db: DataSource | undefined,
  ) {}

  async read(): Promise<FollowerLag[]> {
    if (!this.store || !this.db) return [];
    const store = this.store;
    return Promise.all(lagSourcesOf(this.db).map(async (source) => ({ kind: source.kind, name: source.name, lag: await eventsAfter(store, this.db, await source.checkpoint()) })));
  }
}
