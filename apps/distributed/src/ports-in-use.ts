import { createServer } from 'node:net';

function inUse(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

/**
 * The ports among `ports` something already listens on (an `npm start` on 3000, an earlier run), checked before
 * anything starts, so the launcher fails at once with the reason instead of after starting half the services.
 */
export async function portsInUse(host: string, ports: readonly number[]): Promise<number[]> {
  const taken = await Promise.all(ports.map((p) => inUse(host, p)));
  return ports.filter((_, i) => taken[i]);
}
