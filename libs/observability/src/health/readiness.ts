import { DataSource } from 'typeorm';
import { FollowerLags } from '../metrics/follower-lags';

export interface ReadinessCheck {
  readonly status: 'up' | 'down';
  readonly detail: string;
}

/** `READY_MAX_PROJECTION_LAG` (default 1000): how many events a projection or the relay may be behind and still be ready. */
export function maxReadyLag(env: NodeJS.ProcessEnv): number {
  const raw = env.READY_MAX_PROJECTION_LAG?.trim();
  if (raw === undefined || raw === '') return 1_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`READY_MAX_PROJECTION_LAG must be a whole number of events (0 or more); got ${JSON.stringify(raw)}`);
  return value;
}

/**
 * What readiness adds to the dependency checks: every migration of this process applied, and every projection (and
 * the relay, when Kafka is configured) within `maxLag` events of the store's head.
 */
export class Readiness {
  constructor(
    private readonly db: DataSource | undefined,
    private readonly lags: FollowerLags,
    readonly maxLag: number,
  ) {}

  async checks(): Promise<Record<string, ReadinessCheck>> {
    const checks: Record<string, ReadinessCheck> = {};
    if (!this.db) return checks;
    checks.migrations = await this.migrations(this.db);
    for (const { kind, name, lag } of await this.lags.read()) {
      checks[`${kind}:${name}`] = { status: lag <= this.maxLag ? 'up' : 'down', detail: `${lag} events behind (ready within ${this.maxLag})` };
    }
    return checks;
  }

  private async migrations(db: DataSource): Promise<ReadinessCheck> {
    const table = db.options.migrationsTableName ?? 'migrations';
    const rows = (await db.query(`SELECT name FROM ${table.replace(/[^a-z0-9_]/gi, '')}`)) as { name: string }[];
    const applied = new Set(rows.map((r) => r.name));
    const pending = db.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
    return pending.length === 0 ? { status: 'up', detail: `${applied.size} applied` } : { status: 'down', detail: `pending: ${pending.join(', ')}` };
  }
}
