import { Controller, Get, Injectable, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { ApiJson } from '../openapi/responses';
import { enumOf, named, object, record, text } from '../openapi/schema';

type Check = () => Promise<string>;

/** Dependencies register a check here (event store, database, Kafka); health reports each one. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, Check>();

  register(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  async run(timeoutMs = 3_000): Promise<{ status: 'ok' | 'degraded'; checks: Record<string, { status: 'up' | 'down'; detail: string }> }> {
    const entries = await Promise.all([...this.checks.entries()].map(async ([name, check]) => {
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
    }));
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, c]) => c.status === 'up') ? 'ok' : 'degraded', checks };
  }
}

const HealthReport = named('HealthReport', object({
  status: enumOf(['ok', 'degraded']),
  checks: record(object({ status: enumOf(['up', 'down']), detail: text() }), 'by dependency: eventStore, database, kafka'),
}));

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

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
}
