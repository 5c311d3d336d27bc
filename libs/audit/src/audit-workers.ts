import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { ProjectionRunner } from '@mutasi/read-models';
import { Clock, keepRunning } from '@mutasi/platform';
import { TreeHeadPublisher } from '@mutasi/messaging';
import { FlagsProjection } from './flags/flags.projection';
import { LedgerProjection } from './ledger/ledger.projection';
import { TreeHeads } from './ledger/tree-heads';
import { LedgerWitnesses } from './ledger/ledger-witnesses';
import { RefusalsProjection } from './refusals/refusals.projection';
import { AuditTrailProjection } from './trail/audit-trail.projection';

const SIGN_TICK_MS = 2_000;

/**
 * audit-service's background work: the audit trail, flags, refusals and the ledger follow the event store's global
 * order (each from its own checkpoint), and tree heads are signed every N leaves or T seconds.
 */
export class AuditWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly stop = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  readonly runners: readonly ProjectionRunner[];

  constructor(
    store: EventStore,
    db: DataSource,
    private readonly heads: TreeHeads,
    private readonly clock: Clock,
    private readonly enabled: boolean,
    private readonly publisher: TreeHeadPublisher | null = null,
    private readonly witnesses: LedgerWitnesses | null = null,
  ) {
    const onQuarantine = ({ event, error }: { event: { type: string; eventId: string; streamId: string }; error: unknown }): void =>
      this.logger.warn(`quarantined ${event.type} ${event.eventId} of ${event.streamId}: ${String(error)}`);
    this.runners = [new AuditTrailProjection(store), new FlagsProjection(store), new RefusalsProjection(), new LedgerProjection()].map(
      (p) => new ProjectionRunner(store, db, p, { batchSize: 500, onQuarantine }),
    );
  }

  /** Applies everything appended so far and signs a tree head if one is due (tests and tools drive this by hand). */
  async catchUp(): Promise<void> {
    for (const runner of this.runners) await runner.catchUpTo();
    await this.heads.signIfDue(this.clock.now());
    await this.witnesses?.catchUp();
    await this.publisher?.publishNew();
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    for (const runner of this.runners) void this.followForever(runner);
    this.timer = setInterval(() => {
      this.heads
        .signIfDue(this.clock.now())
        .then(() => this.witnesses?.catchUp())
        .then(() => this.publisher?.publishNew())
        .catch((error: unknown) => this.logger.warn(`signing or publishing a tree head failed: ${String(error)}`));
    }, SIGN_TICK_MS);
  }

  private followForever(runner: ProjectionRunner): Promise<void> {
    return keepRunning(
      runner.projection.name,
      this.stop.signal,
      () => runner.follow(this.stop.signal),
      (line) => this.logger.warn(line),
    );
  }

  onApplicationShutdown(): void {
    this.stop.abort();
    clearInterval(this.timer);
  }
}
