import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Admin, Kafka, KafkaMessage, logLevel, Partitioners, Producer } from 'kafkajs';
import { LocalKafka, startLocalKafka } from './local-kafka';

// The first run resolves ~45 MB of jars from Maven Central before the broker starts.
jest.setTimeout(180_000);

const TOPIC = 'local-kafka-spec';

interface Received {
  partition: number;
  key: string;
  value: string;
}

describe('startLocalKafka', () => {
  let kafka: LocalKafka;
  let client: Kafka;

  beforeAll(async () => {
    kafka = await startLocalKafka();
    client = new Kafka({ clientId: 'local-kafka-spec', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
  });

  afterAll(async () => {
    await kafka?.stop();
  });

  it('listens on 127.0.0.1 only, as a single KRaft broker+controller', () => {
    expect(kafka.brokers).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+$/)]);
    const props = readFileSync(join(kafka.dataDir, 'server.properties'), 'utf8');
    expect(props).toMatch(/^process\.roles=broker,controller$/m);
    expect(props).toMatch(/^listeners=PLAINTEXT:\/\/127\.0\.0\.1:\d+,CONTROLLER:\/\/127\.0\.0\.1:\d+$/m);
    expect(props).toMatch(/^auto\.create\.topics\.enable=false$/m);
  });

  it('round-trips messages through a topic with 2 partitions, in order per partition', async () => {
    await withAdmin(client, (admin) => admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true }));
    await withProducer(client, (producer) =>
      producer.send({
        topic: TOPIC,
        messages: [
          { key: 'a', value: '1', partition: 0 },
          { key: 'b', value: '2', partition: 1 },
          { key: 'a', value: '3', partition: 0 },
        ],
      }),
    );

    const received = await consume(client, 'spec-group-1', 3);
    expect(byPartition(received)).toEqual({
      0: [
        { partition: 0, key: 'a', value: '1' },
        { partition: 0, key: 'a', value: '3' },
      ],
      1: [{ partition: 1, key: 'b', value: '2' }],
    });
  });

  it('keeps its data across restart() and accepts new messages afterwards', async () => {
    await kafka.restart();
    // Clients made before the restart would reconnect too; fresh ones prove the broker serves new connections.
    client = new Kafka({ clientId: 'local-kafka-spec-2', brokers: kafka.brokers, logLevel: logLevel.NOTHING });

    const before = await consume(client, 'spec-group-2', 3);
    expect(before.map((m) => `${m.partition}:${m.key}=${m.value}`).sort()).toEqual(['0:a=1', '0:a=3', '1:b=2']);

    await withProducer(client, (producer) => producer.send({ topic: TOPIC, messages: [{ key: 'c', value: '4', partition: 1 }] }));
    const after = await consume(client, 'spec-group-3', 4);
    expect(byPartition(after)[1]).toEqual([
      { partition: 1, key: 'b', value: '2' },
      { partition: 1, key: 'c', value: '4' },
    ]);
  });

  it('stop() ends the broker and removes its temporary data dir', async () => {
    const [host, port] = kafka.brokers[0]!.split(':');
    await kafka.stop();
    expect(existsSync(kafka.dataDir)).toBe(false);
    await expect(canConnect(host!, Number(port))).resolves.toBe(false);
  });
});

async function withAdmin<T>(client: Kafka, use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = client.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

async function withProducer<T>(client: Kafka, use: (producer: Producer) => Promise<T>): Promise<T> {
  const producer = client.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    return await use(producer);
  } finally {
    await producer.disconnect();
  }
}

/** Reads `topic` from the beginning in a new consumer group until `count` messages arrived. */
async function consume(client: Kafka, groupId: string, count: number, timeoutMs = 60_000): Promise<Received[]> {
  const consumer = client.consumer({ groupId, maxWaitTimeInMs: 500 });
  const received: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        received.push({ partition, key: text(message.key), value: text(message.value) });
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      if (Date.now() > deadline) throw new Error(`Got ${received.length} of ${count} messages: ${JSON.stringify(received)}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    return received;
  } finally {
    await consumer.disconnect();
  }
}

function text(buffer: KafkaMessage['key']): string {
  return buffer ? buffer.toString('utf8') : '';
}

function byPartition(messages: Received[]): Record<number, Received[]> {
  const result: Record<number, Received[]> = {};
  for (const m of messages) (result[m.partition] ??= []).push(m);
  return result;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
