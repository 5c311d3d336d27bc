import { chromiumExecutable } from '../browser/browser';
import kafkaGlobalSetup from './kafka.setup';
import postgresGlobalSetup from './postgres.setup';

/**
 * Jest globalSetup of the Kafka test project: a real PostgreSQL and a real Apache Kafka broker, and Chromium unpacked
 * once for the distributed journeys (`CHROMIUM_PATH`).
 */
export default async function setup(): Promise<void> {
  await Promise.all([postgresGlobalSetup(), kafkaGlobalSetup()]);
  process.env.CHROMIUM_PATH = await chromiumExecutable();
}
