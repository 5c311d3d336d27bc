import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { maxReadyLag, Readiness } from './health/readiness';
import { FollowerLags } from './metrics/follower-lags';
import { Metrics } from './metrics/metrics';
import { storeGauges } from './metrics/table-gauges';

export interface ObservabilityOptions {
  /** Today by the server's clock (yyyy-mm-dd), for the scheduler's backlog. */
  readonly today: () => string;
}

/**
 * Metrics, follower lags and readiness for a Nest process. The database and the event store are optional: a process
 * without them still counts HTTP requests.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [
        {
          provide: FollowerLags,
          inject: [
            { token: EventStore, optional: true },
            { token: DataSource, optional: true },
          ],
          useFactory: (store: EventStore | undefined, db: DataSource | undefined) => new FollowerLags(store, db),
        },
        {
          provide: Metrics,
          inject: [FollowerLags, { token: DataSource, optional: true }],
          useFactory: (lags: FollowerLags, db: DataSource | undefined) => {
            const metrics = new Metrics();
            for (const gauge of storeGauges(db, lags, options.today)) metrics.addScrapeGauge(gauge);
            return metrics;
          },
        },
        {
          provide: Readiness,
          inject: [FollowerLags, { token: DataSource, optional: true }],
          useFactory: (lags: FollowerLags, db: DataSource | undefined) => new Readiness(db, lags, maxReadyLag(process.env)),
        },
      ],
      exports: [Metrics, FollowerLags, Readiness],
    };
  }
}
