import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { keepRunning } from '@mutasi/platform';
import { ProjectionRunner } from '@mutasi/read-models';
import { PlacementsProjection } from './placements.projection';

/**
 * Keeps the placements current from the event store, always (also when the time-driven workers are off): the write
 * side reads the record it produces, so a completed move must show in the employee and the positions at once.
 */
export class PlacementWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Placements');
  private readonly stop = new AbortController();
  private loop: Promise<void> = Promise.resolve();
  readonly runner: ProjectionRunner;

  constructor(store: EventStore, db: DataSource) {
    this.runner = new ProjectionRunner(store, db, new PlacementsProjection(store), {
      batchSize: 200,
      onQuarantine: ({ event, error }) => this.logger.warn(`quarantined ${event.type} ${event.eventId} of ${event.streamId}: ${String(error)}`),
    });
  }

  onApplicationBootstrap(): void {
    this.loop = keepRunning(
      'placements projection',
      this.stop.signal,
      () => this.runner.follow(this.stop.signal),
      (line) => this.logger.warn(line),
    );
  }

  /** Stops following before the database closes, so shutdown interrupts no query. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop.catch(() => undefined);
  }
}
