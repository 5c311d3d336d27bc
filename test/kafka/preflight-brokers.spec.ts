import { createServer, Server } from 'node:net';
import { checkBrokers } from '@mutasi/platform';

/** KAFKA_BROKERS checked before anything starts: a real broker passes; a port that is not Kafka is named in seconds. */
describe('preflight of KAFKA_BROKERS', () => {
  it('the run’s real broker passes the handshake', async () => {
    expect(await checkBrokers((process.env.KAFKA_BROKERS as string).split(','))).toBeNull();
  });

  it('a port that accepts connections but never answers as Kafka is refused, naming the variable', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const broker = `127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      expect(await checkBrokers([broker])).toMatch(
        new RegExp(`^KAFKA_BROKERS: ${broker} accepts connections but does not answer as a Kafka broker \\(.+\\); check the port is Kafka's`),
      );
    } finally {
      silent.close();
    }
  });
});
