import { DynamicModule, Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { ReadScopes } from '@mutasi/read-models';
import { AppConfig, Clock } from '@mutasi/platform';
import { ensureTopics, kafkaClient, TreeHeadPublisher } from '@mutasi/messaging';
import { AuditController } from './api/audit.controller';
import { AuditQueries } from './api/audit-queries';
import { LedgerController } from './api/ledger.controller';
import { LedgerKeyController } from './api/ledger-key.controller';
import { PublicLogController } from './api/public-log.controller';
import { AuditWorkers } from './audit-workers';
import { BundleExporter } from './export/bundle-exporter';
import { LedgerProofs } from './ledger/proofs';
import { LedgerWitnesses } from './ledger/ledger-witnesses';
import { startLocalWitnesses } from './ledger/local-witnesses';
import { loadLedgerKey } from './ledger/signer-key';
import { TreeHeads } from './ledger/tree-heads';
import { AuditContextRevisions1700000000330, AuditLedgerMaps1700000000320, AuditQuarantineFlags1700000000310, AuditTables1700000000300 } from './migrations';
import { RecordVerifier } from './verify/record-verifier';

export const AUDIT_MIGRATIONS = [AuditTables1700000000300, AuditQuarantineFlags1700000000310, AuditLedgerMaps1700000000320, AuditContextRevisions1700000000330];

/** audit-service: audit trail, flags, refusals, the signed Merkle ledger, proofs, verification and exports. */
@Module({})
export class AuditModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController, LedgerController, LedgerKeyController, PublicLogController],
      providers: [
        {
          provide: TreeHeads,
          inject: [DataSource, AppConfig],
          useFactory: (db: DataSource, app: AppConfig) => {
            const { ledger, dataDir, mode } = app.values;
            const key = loadLedgerKey({ ...ledger, dataDir, standalone: mode === 'standalone' }, (line) => new Logger('Ledger').log(line));
            return new TreeHeads(db, key, ledger.origin, { everyEvents: ledger.everyEvents, everySeconds: ledger.everySeconds });
          },
        },
        { provide: LedgerProofs, inject: [DataSource], useFactory: (db: DataSource) => new LedgerProofs(db) },
        { provide: AuditQueries, inject: [DataSource], useFactory: (db: DataSource) => new AuditQueries(db) },
        { provide: ReadScopes, inject: [DataSource], useFactory: (db: DataSource) => new ReadScopes(db) },
        {
          provide: RecordVerifier,
          inject: [EventStore, DataSource, TreeHeads],
          useFactory: (store: EventStore, db: DataSource, heads: TreeHeads) => new RecordVerifier(store, db, heads),
        },
        {
          provide: LedgerWitnesses,
          inject: [DataSource, TreeHeads, LedgerProofs, AppConfig],
          useFactory: async (db: DataSource, heads: TreeHeads, proofs: LedgerProofs, app: AppConfig) => {
            const { ledger, dataDir } = app.values;
            const logger = new Logger('Witnesses');
            const local =
              ledger.witnesses.length === 0 && ledger.localWitnesses > 0
                ? await startLocalWitnesses(ledger.localWitnesses, dataDir, heads.key.verifierKey, (line) => logger.log(line))
                : null;
            return new LedgerWitnesses(db, heads, proofs, local?.endpoints ?? ledger.witnesses, (line) => logger.warn(line), local?.close);
          },
        },
        {
          provide: BundleExporter,
          inject: [EventStore, DataSource, TreeHeads, LedgerProofs, LedgerWitnesses],
          useFactory: (store: EventStore, db: DataSource, heads: TreeHeads, proofs: LedgerProofs, witnesses: LedgerWitnesses) =>
            new BundleExporter(store, db, heads, proofs, (head) => witnesses.cosign(head)),
        },
        {
          provide: AuditWorkers,
          inject: [EventStore, DataSource, TreeHeads, Clock, AppConfig, LedgerWitnesses],
          useFactory: async (store: EventStore, db: DataSource, heads: TreeHeads, clock: Clock, app: AppConfig, witnesses: LedgerWitnesses) => {
            const brokers = app.values.kafkaBrokers;
            let publisher: TreeHeadPublisher | null = null;
            if (brokers.length > 0) {
              const kafka = kafkaClient('mutasi-audit', brokers, (line) => new Logger('Kafka').warn(line));
              const admin = kafka.admin();
              await admin.connect();
              await ensureTopics(admin).finally(() => admin.disconnect());
              const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
              await producer.connect();
              publisher = new TreeHeadPublisher(db, producer, () => heads.all(), heads.origin, heads.key.verifierKey);
            }
            return new AuditWorkers(store, db, heads, clock, options.workers, publisher, witnesses);
          },
        },
      ],
      exports: [TreeHeads, LedgerProofs, LedgerWitnesses, RecordVerifier, BundleExporter, AuditQueries, AuditWorkers],
    };
  }
}
