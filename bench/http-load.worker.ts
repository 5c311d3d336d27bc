import { parentPort, workerData } from 'node:worker_threads';
import { Agent, request } from 'node:http';

/** One HTTP request of a load run, built by index. */
export interface LoadRequest {
  readonly path: string;
  readonly body: unknown;
  readonly token: string | null;
}

interface Job {
  readonly baseUrl: string;
  readonly concurrency: number;
  readonly requests: readonly LoadRequest[];
  readonly expectStatus: readonly number[];
}

/**
 * The load generator, in its own thread so it does not share the event loop with the server: sends every request at
 * the given concurrency over keep-alive connections and reports each latency.
 */
function send(agent: Agent, url: URL, payload: string, token: string | null): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function run(job: Job): Promise<{ latenciesMs: number[]; seconds: number; failures: string[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    while (next < job.requests.length) {
      const r = job.requests[next] as LoadRequest;
      next += 1;
      const t0 = process.hrtime.bigint();
      const response = await send(agent, new URL(`${job.baseUrl}${r.path}`), JSON.stringify(r.body), r.token);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!job.expectStatus.includes(response.status) && failures.length < 5) failures.push(`${response.status} ${response.text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { latenciesMs: latencies, seconds, failures };
}

run(workerData as Job)
  .then((result) => parentPort?.postMessage(result))
  .catch((error: unknown) => parentPort?.postMessage({ error: String(error) }));
