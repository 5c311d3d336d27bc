import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, PlatformModule, Runtime, WebAppModule } from '@mutasi/platform';
import { AuditModule } from '@mutasi/audit';
import { DashboardModule } from '@mutasi/dashboard';
import { NotificationsModule } from '@mutasi/notifications';
import { RelayModule } from '@mutasi/relay';
import { TransfersModule } from '@mutasi/transfers';
import { ALL_ENTITIES, ALL_MIGRATIONS } from './projections';

export interface StandaloneOptions {
  /** Background loops (scheduler, projections, ledger); tests switch them off and drive them by hand. */
  readonly workers: boolean;
  readonly seedDemo: boolean;
}

/**
 * Standalone mode: every service in one Nest process on one port (docs/architecture.md), on one PostgreSQL. The same
 * feature modules run as separate processes in distributed mode.
 */
@Module({})
export class StandaloneModule {
  static forRoot(runtime: Runtime, options: StandaloneOptions): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        PlatformModule.forRoot(runtime),
        WebAppModule,
        DatabaseModule.forRoot({ url: runtime.databaseUrl, entities: ALL_ENTITIES, migrations: ALL_MIGRATIONS, eventStoreConnection: runtime.config.eventStoreConnectionString }),
        TransfersModule.forRoot({ workers: options.workers, seedDemo: options.seedDemo }),
        AuditModule.forRoot({ workers: options.workers }),
        DashboardModule.forRoot({ workers: options.workers, kafkaBrokers: runtime.config.kafkaBrokers, consumerGroup: runtime.config.dashboardConsumerGroup }),
        NotificationsModule.forRoot({ workers: options.workers }),
        ...(runtime.config.kafkaBrokers.length > 0 ? [RelayModule.forRoot({ brokers: runtime.config.kafkaBrokers, workers: options.workers })] : []),
      ],
    };
  }
}
