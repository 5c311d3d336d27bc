import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type CommandOutcome = 'accepted' | 'refused' | 'error';

/** A gauge computed when Prometheus scrapes: `read` answers the value of each label set. */
export interface ScrapeGauge {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  read(): Promise<readonly { labels: Record<string, string>; value: number }[]>;
}

/**
 * The process's Prometheus metrics, in a registry of its own (so two servers in one test process do not share
 * counters). The HTTP middleware, the command handlers and the event append write to it; lag gauges are read at
 * scrape time (`addScrapeGauge`), never by a polling loop.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'mutasi_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, from the first byte read to the last byte written',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'mutasi_commands_total',
    help: 'Transfer-case commands by type and outcome: accepted, refused (4xx: a rule, a permission, a conflict, bad input) or error (5xx)',
    labelNames: ['type', 'outcome'],
    registers: [this.registry],
  });

  readonly refusals = new Counter({
    name: 'mutasi_refusals_total',
    help: 'Refused commands recorded in the audit trail (M-04), by the rule that refused them (or the permission code when no rule did)',
    labelNames: ['rule'],
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'mutasi_event_append_duration_seconds',
    help: "Appending a command's events to the event store (with the invariant claims written in the same transaction)",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }

  /** Counts a command's outcome; a refusal with its rule id (or permission code). */
  countCommand(type: string, outcome: CommandOutcome, refusedBy?: string): void {
    this.commands.inc({ type, outcome });
    if (refusedBy !== undefined) this.refusals.inc({ rule: refusedBy });
  }

  /** Times an append: `work`'s duration goes to the append histogram, whether it succeeds or not. */
  async timeAppend<T>(work: () => Promise<T>): Promise<T> {
    const end = this.appendDuration.startTimer();
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** A gauge whose values are computed at each scrape; a failing read leaves the gauge empty for that scrape. */
  addScrapeGauge(gauge: ScrapeGauge): void {
    new Gauge({
      name: gauge.name,
      help: gauge.help,
      labelNames: [...gauge.labelNames],
      registers: [this.registry],
      async collect() {
        this.reset();
        const values = await gauge.read().catch(() => []);
        for (const { labels, value } of values) this.set(labels, value);
      },
    });
  }

  /** The text exposition Prometheus scrapes. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
