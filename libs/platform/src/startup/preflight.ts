import { createServer, Socket } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ignoreKafkajsNegativeTimeouts } from '../kafka/kafkajs-timeout-warning';

/** Problems found before anything starts; the message lists each with the variable to change or the fix. */
export class StartupError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`cannot start:\n  - ${problems.join('\n  - ')}`);
  }
}

/** HOST:PORT can be listened on (port 0 always can). */
export function checkPort(host: string, port: number, variable = 'PORT'): Promise<string | null> {
  if (port === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === 'EADDRINUSE'
          ? `${host}:${port} is already in use by another program: stop it, or set ${variable} to a free port (e.g. ${variable}=${port + 1})`
          : `cannot listen on ${host}:${port} (${error.code ?? error.message}): check HOST and ${variable}`,
      );
    });
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
}

/** The PostgreSQL at DATABASE_URL answers within a few seconds, and what to check when it does not. */
export async function checkDatabase(url: string, variable = 'DATABASE_URL'): Promise<string | null> {
  let shown: string;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    shown = parsed.toString();
  } catch {
    return `${variable} is not a URL: expected postgres://user:password@host:5432/database`;
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${variable}: cannot reach PostgreSQL at ${shown}: ${reason}. Check the host, port, user, password and database name, and that PostgreSQL runs (or unset ${variable} in standalone mode to use the embedded one)`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Every Kafka broker of KAFKA_BROKERS accepts a TCP connection within 3 s, and answers as Kafka does (a handshake). */
export async function checkBrokers(brokers: readonly string[], variable = 'KAFKA_BROKERS'): Promise<string | null> {
  const unreachable: string[] = [];
  await Promise.all(
    brokers.map(async (broker) => {
      const why = await tcpProblem(broker);
      if (why) unreachable.push(`${broker} (${why})`);
    }),
  );
  if (unreachable.length > 0) {
    return `${variable}: cannot reach the Kafka broker ${unreachable.join(', ')}; check the addresses (host:port, comma-separated), or unset ${variable} to run without Kafka`;
  }
  const notKafka = await kafkaHandshakeProblem(brokers);
  return notKafka === null
    ? null
    : `${variable}: ${brokers.join(',')} accepts connections but does not answer as a Kafka broker (${notKafka}); check the port is Kafka's (usually 9092)`;
}

function tcpProblem(broker: string): Promise<string | null> {
  return new Promise((resolve) => {
    const [host, port] = broker.split(':');
    const socket = new Socket();
    const fail = (why: string): void => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(3_000, () => fail('no answer within 3 s'));
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    socket.connect(Number(port ?? 9092), host ?? '127.0.0.1', () => {
      socket.destroy();
      resolve(null);
    });
  });
}

/** Asks the cluster for its brokers once, without retries: a port that is not Kafka fails in seconds. */
async function kafkaHandshakeProblem(brokers: readonly string[]): Promise<string | null> {
  ignoreKafkajsNegativeTimeouts();
  const admin = new Kafka({
    clientId: 'mutasi-preflight',
    brokers: [...brokers],
    connectionTimeout: 3_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Runs the checks together and throws one StartupError naming every problem. */
export async function preflight(checks: readonly (Promise<string | null> | string | null)[]): Promise<void> {
  const problems = (await Promise.all(checks)).filter((p): p is string => p !== null);
  if (problems.length > 0) throw new StartupError(problems);
}
