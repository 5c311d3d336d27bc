import { DynamicModule, Logger } from '@nestjs/common';
import { ConfigError, loadConfig, MutasiConfig } from '../config/config';
import { OffsetClock } from '../clock/clock';
import { createHttpApp } from './http-app';
import { authFor, Runtime } from './runtime';
import { onStopSignals, stopWithLauncher } from './stop-signals';

export interface ServiceDefinition {
  readonly name: string;
  readonly description: string;
  readonly defaultPort: number;
  /** The Nest modules of this service (the platform and database modules are the service's to include). */
  modules(runtime: Runtime): DynamicModule[];
  /** Lines about the backends this service uses, for the start-up summary. */
  backends(config: MutasiConfig): string[];
}

/**
 * Starts one service of the distributed deployment: configuration from the environment (distributed mode),
 * JWT verification, its modules, HTTP on HOST:PORT, a start-up summary, and a clean stop on SIGINT/SIGTERM.
 */
export async function runService(service: ServiceDefinition): Promise<void> {
  try {
    const config = loadConfig({ PORT: String(service.defaultPort), ...process.env }, 'distributed');
    const runtime: Runtime = { config, clock: new OffsetClock(), databaseUrl: config.databaseUrl as string, ...(await authFor(config)) };
    const root: DynamicModule = { module: class ServiceRoot {}, imports: service.modules(runtime) };
    const app = await createHttpApp(root, { title: `Mutasi ${service.name}`, description: service.description });
    onStopSignals(() => app.close());
    stopWithLauncher(() => app.close());
    await app.listen(config.port, config.host);
    const base = `http://${config.host}:${config.port}`;
    new Logger(service.name).log(
      [`${service.name} is running (distributed mode) on ${base}`, `API docs ${base}/api/docs, health ${base}/api/health`, ...service.backends(config)].join(' | '),
    );
  } catch (error) {
    process.stderr.write(`${service.name} cannot start: ${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  }
}
