import { createServer } from 'node:net';
import { checkPort, preflight, StartupError } from './preflight';

describe('preflight checks', () => {
  it('a port in use names the variable; a free one passes', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await checkPort('127.0.0.1', port, 'GATEWAY_PORT')).toContain(`set GATEWAY_PORT to a free port (e.g. GATEWAY_PORT=${port + 1})`);
    } finally {
      server.close();
    }
    expect(await checkPort('127.0.0.1', 0)).toBeNull();
  });

  it('lists every problem at once', async () => {
    await expect(preflight(['first', null, Promise.resolve('second')])).rejects.toEqual(new StartupError(['first', 'second']));
    await expect(preflight([null])).resolves.toBeUndefined();
  });
});
