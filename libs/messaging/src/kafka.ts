import { Admin, Kafka, logLevel, LogEntry } from 'kafkajs';
import { TOPICS } from './contracts';
import { ignoreKafkajsNegativeTimeouts } from '@mutasi/platform';

/**
 * A kafkajs client for `brokers`, logging errors through `log`. Per-request broker error responses ("Response
 * InitProducerId …" while a coordinator is still loading) are left out: kafkajs retries them, and a failure that
 * outlasts the retries reaches the caller as an error, which is logged there.
 */
export function kafkaClient(clientId: string, brokers: readonly string[], log: (line: string) => void = () => undefined): Kafka {
  ignoreKafkajsNegativeTimeouts();
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.ERROR,
    logCreator:
      () =>
      ({ level, log: entry }: { level: logLevel; log: LogEntry['log'] }) => {
        if (level <= logLevel.ERROR && !entry.message.startsWith('Response ')) log(`kafka: ${entry.message}`);
      },
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 },
  });
}

/** Creates Mutasi's topics with their explicit partitions and retention, if they do not exist yet. */
export async function ensureTopics(admin: Admin): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = Object.values(TOPICS).filter((t) => !existing.has(t.name));
  if (missing.length === 0) return;
  await admin
    .createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor: -1,
        configEntries: Object.entries(t.config).map(([name, value]) => ({ name, value })),
      })),
    })
    .catch((error: unknown) => {
      // Another service may have created them at the same moment.
      if (!String(error).includes('already exists')) throw error;
    });
}
