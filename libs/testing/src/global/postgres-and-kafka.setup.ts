import kafkaGlobalSetup from './kafka.setup';
import postgresGlobalSetup from './postgres.setup';

/** Jest globalSetup of the Kafka test project: a real PostgreSQL and a real Apache Kafka broker. */
export default async function setup(): Promise<void> {
  await Promise.all([postgresGlobalSetup(), kafkaGlobalSetup()]);
}
