import 'reflect-metadata';
import { DatabaseModule, PlatformModule, runService } from '@mutasi/platform';
import { TRANSFER_ENTITIES, TRANSFER_MIGRATIONS, TransfersModule } from '@mutasi/transfers';

/** transfer-service on its own: commands, cases, reference data, the scheduler. */
void runService({
  name: 'transfer-service',
  description: 'Commands and cases of mutasi ASN, reference data, and the scheduler of due dates.',
  defaultPort: 3001,
  modules: (runtime) => [
    PlatformModule.forRoot(runtime),
    DatabaseModule.forRoot({ url: runtime.databaseUrl, entities: TRANSFER_ENTITIES, migrations: TRANSFER_MIGRATIONS, eventStoreConnection: runtime.config.eventStoreConnectionString }),
    TransfersModule.forRoot({ workers: true, seedDemo: process.env.MUTASI_SEED_DEMO === 'true' }),
  ],
  backends: (config) => [`event store ${config.eventStoreConnectionString ? 'KurrentDB' : 'PostgreSQL'}`, 'database PostgreSQL'],
});
