import { Controller, Get, Injectable, Optional, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Readiness } from '@mutasi/observability';
import { Public } from '../auth/auth.guard';
import { ApiJson } from '../openapi/responses';
import { enumOf, named, object, record, text } from '../openapi/schema';

type Check = () => Promise<string>;

export interface HealthReportBody {
  readonly status: 'ok' | 'degraded';
  readonly checks: Record<string, { status: 'up' | 'down'; detail: string }>;
}

/** Dependencies register a check here (event store, database, Kafka); health reports each one. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, Check>();

  register(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  async run(timeoutMs = 3_000): Promise<HealthReportBody> {
    const entries = await Promise.all(
      [...this.checks.entries()].map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          });
          const detail = await Promise.race([check(), timeout]);
          return [name, { status: 'up' as const, detail }] as const;
        } catch (error) {
          return [name, { status: 'down' as const, detail: error instanceof Error ? error.message : String(error) }] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, c]) => c.status === 'up') ? 'ok' : 'degraded', checks };
  }
}

const HealthReport = named(
  'HealthReport',
  object({
    status: enumOf(['ok', 'degraded']),
    checks: record(
      object({ status: enumOf(['up', 'down']), detail: text() }),
      'by dependency: eventStore, database, kafka; readiness adds migrations and projection:<name> / relay:<name> with their lag',
    ),
  }),
);

const LiveReport = named('LiveReport', object({ status: enumOf(['ok']) }));

/** The dependency checks with readiness's own (migrations, lags); a readiness check that cannot run is itself down. */
async function readinessReport(registry: HealthRegistry, readiness: Readiness | undefined): Promise<HealthReportBody> {
  const own = async (): Promise<HealthReportBody['checks']> => {
    if (!readiness) return {};
    return readiness.checks().catch((error: unknown) => ({ readiness: { status: 'down', detail: error instanceof Error ? error.message : String(error) } }));
  };
  const [base, extra] = await Promise.all([registry.run(), own()]);
  const checks: HealthReportBody['checks'] = { ...base.checks, ...extra };
  return { status: Object.values(checks).every((c) => c.status === 'up') ? 'ok' : 'degraded', checks };
}

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly registry: HealthRegistry,
    @Optional() private readonly readiness?: Readiness,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'State of each dependency: event store, database, Kafka when configured' })
  @ApiJson(200, HealthReport, 'every dependency is up')
  @ApiJson(503, HealthReport, 'a dependency is down: the same report')
  async health(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    const result = await this.registry.run();
    if (result.status !== 'ok') response.status(503);
    return result;
  }

  /** Liveness: the process answers. No dependency is asked, so a database outage never gets the process restarted. */
  @Public()
  @Get('live')
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process is up (no dependency is checked)' })
  @ApiJson(200, LiveReport, 'the process answers')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: the dependencies answer, every migration is applied, and every projection this process hosts (and
   * the relay, when Kafka is configured) is within READY_MAX_PROJECTION_LAG events of the event store's head.
   */
  @Public()
  @Get('ready')
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: dependencies up, migrations applied, projections and the relay within the allowed lag' })
  @ApiJson(200, HealthReport, 'ready to serve')
  @ApiJson(503, HealthReport, 'not ready: the same report, naming what is down or behind')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReportBody> {
    const report = await readinessReport(this.registry, this.readiness);
    if (report.status !== 'ok') response.status(503);
    return report;
  }
}
