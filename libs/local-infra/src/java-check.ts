import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `java` on PATH, which the local Kafka broker of `npm run kafka` / `start:distributed` needs. */
export function checkJava(env: NodeJS.ProcessEnv = process.env): string | null {
  const command = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const java = spawnSync(command, ['-version'], { encoding: 'utf8', env });
  if (java.error || java.status !== 0) {
    return `Java is needed to run the local Kafka broker but "${command}" cannot be run${env.JAVA_HOME ? ' (JAVA_HOME)' : ' (not on PATH)'}: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jre-headless), or set KAFKA_BROKERS to a running broker`;
  }
  return null;
}
