import { LocalKafka, startLocalKafka } from '../../../local-infra/src/local-kafka';

/** Where the broker started by {@link kafkaGlobalSetup} waits for `kafka.teardown.ts` (jest shares globalThis between them). */
export const LOCAL_KAFKA = Symbol.for('mutasi.testing.localKafka');

/** `globalThis` with the handle of the broker this setup started, if any. */
export const kafkaRegistry = globalThis as typeof globalThis & { [LOCAL_KAFKA]?: LocalKafka };

/**
 * Jest globalSetup: gives the test run a Kafka broker in `KAFKA_BROKERS` (comma-separated), which the
 * test workers inherit. If `KAFKA_BROKERS` is already set, that broker is used and nothing is started;
 * otherwise a real single-node Apache Kafka is started on free 127.0.0.1 ports with a temporary data dir.
 */
export default async function kafkaGlobalSetup(): Promise<void> {
  if (process.env.KAFKA_BROKERS || kafkaRegistry[LOCAL_KAFKA]) return;
  const kafka = await startLocalKafka({ log: (line) => void process.stderr.write(`\n${line}\n`) });
  kafkaRegistry[LOCAL_KAFKA] = kafka;
  process.env.KAFKA_BROKERS = kafka.brokers.join(',');
}
