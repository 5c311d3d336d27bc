import kafkaGlobalTeardown from './kafka.teardown';
import postgresGlobalTeardown from './postgres.teardown';

/** Jest globalTeardown of the Kafka test project. */
export default async function teardown(): Promise<void> {
  await Promise.all([kafkaGlobalTeardown(), postgresGlobalTeardown()]);
}
