import { kafkaRegistry, LOCAL_KAFKA } from './kafka.setup';

/** Jest globalTeardown: stops the broker `kafka.setup.ts` started (a broker given in `KAFKA_BROKERS` is left alone). */
export default async function kafkaGlobalTeardown(): Promise<void> {
  const kafka = kafkaRegistry[LOCAL_KAFKA];
  if (!kafka) return;
  delete kafkaRegistry[LOCAL_KAFKA];
  delete process.env.KAFKA_BROKERS;
  await kafka.stop();
}
