import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { keepRunning } from '@mutasi/platform';
import { ProjectionRunner } from '@mutasi/read-models';
import { Scheduler } from './scheduler.service';
import { SchedulerProjection } from './scheduler.projection';

/** How often due items are looked for, in ms. */
export const SCHEDULER_TICK_MS = 5_000;

/**
 * The scheduler's two background loops: the projection that keeps `due_work` current from the event store, and the
 * tick that sends what is due. Both restart after a failure; both stop on shutdown.
 */
export class SchedulerWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly stop = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  readonly runner: ProjectionRunner;

  constructor(
    store: EventStore,
    db: DataSource,
    private readonly scheduler: Scheduler,
    private readonly enabled: boolean,
  ) {
    this.runner = new ProjectionRunner(store, db, new SchedulerProjection(store), { batchSize: 200 });
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    void this.followForever();
    this.timer = setInterval(() => {
      this.scheduler.runDue().catch((error: unknown) => this.logger.warn(`scheduler tick failed: ${String(error)}`));
    }, SCHEDULER_TICK_MS);
  }

  private followForever(): Promise<void> {
    return keepRunning(
      'due-work projection',
      this.stop.signal,
      () => this.runner.follow(this.stop.signal),
      (line) => this.logger.warn(line),
    );
  }

  onApplicationShutdown(): void {
    this.stop.abort();
    clearInterval(this.timer);
  }
}
