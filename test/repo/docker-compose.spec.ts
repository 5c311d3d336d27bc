import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cosignerVerifierKey, generateCosignerKey, generateSignerKey, verifierKeyFromSignerKey } from '@mutasi/integrity';
import { loadWitnessConfig } from '@mutasi/witness';
import { GATEWAY_UPSTREAMS, GATEWAY_VARIABLES, loadConfig, loadGatewayConfig } from '@mutasi/platform';

/**
 * No Docker engine runs here, so docker-compose.yml and the Dockerfile are checked statically: every service the
 * repository deploys is there with the right entry point and port, every connection string points at a service of
 * the file with matching credentials, start order waits on health checks, no secret is committed, and each
 * service's environment passes the same configuration check the service runs at start. The gateway in front serves
 * the web app (apps/web, a Vite build, not a service) and routes /api to the services.
 */
const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
/** apps/web is the browser app (Vite), built into the image by `npm run build` and served by the gateway. */
const WEB_APP = 'web';
/** The deployable services: apps whose entry point runs through `runService`, with their default port. */
const apps = readdirSync(join(ROOT, 'apps'))
  .filter((name) => name !== WEB_APP)
  .map((name) => ({ name, source: readFileSync(join(ROOT, 'apps', name, 'src', 'main.ts'), 'utf8') }))
  .filter((a) => a.source.includes('runService('))
  .map((a) => ({ name: a.name, port: Number(/defaultPort: (\d+)/.exec(a.source)?.[1]) }));

/** Every environment variable the code reads: the validated configuration and direct `process.env` reads. */
function variablesTheCodeReads(): Set<string> {
  const names = new Set<string>();
  const config = readFileSync(join(ROOT, 'libs', 'platform', 'src', 'config', 'config.ts'), 'utf8');
  for (const m of config.matchAll(/(?:text|int|flag)\('([A-Z_]+)'/g)) names.add(m[1] as string);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(/process\.env\.([A-Z_]+)/g)) names.add(m[1] as string);
    }
  };
  walk(join(ROOT, 'apps'));
  walk(join(ROOT, 'libs'));
  return names;
}

/** The environment a container gets, with `${VAR:?…}` / `${VAR:-default}` filled in from `given`. */
function interpolate(env: Record<string, string>, given: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      String(v).replace(/\$\{([A-Z_]+)(?::[?-]([^}]*))?\}/g, (_m, name: string) => {
        if (given[name] !== undefined) return given[name] as string;
        throw new Error(`${k} needs ${name}`);
      }),
    ]),
  );
}

describe('docker-compose.yml (static)', () => {
  it('runs KurrentDB, Kafka (KRaft) and PostgreSQL, each with a health check', () => {
    expect(services.kurrentdb?.image).toMatch(/kurrentdb/);
    expect(services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(services.postgres?.image).toMatch(/^postgres:/);
    for (const name of ['kurrentdb', 'kafka', 'postgres']) expect({ name, healthcheck: Boolean(services[name]?.healthcheck?.test.length) }).toEqual({ name, healthcheck: true });
  });

  it('deploys every service of apps/ with its own entry point and port, published on loopback only', () => {
    expect(apps.map((a) => a.name).sort()).toEqual(['audit-service', 'dashboard-service', 'relay', 'transfer-service']);
    for (const app of apps) {
      const s = services[app.name] as ComposeService;
      expect(s).toBeDefined();
      expect(s.build).toBe('.');
      const entry = s.command?.at(-1) as string;
      expect(entry).toBe(`dist/apps/${app.name}/src/main.js`);
      expect(existsSync(join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
      expect(s.environment?.PORT).toBe(String(app.port));
      expect(s.ports).toEqual([`127.0.0.1:${app.port}:${app.port}`]);
      expect(s.healthcheck?.test.join(' ')).toContain('/api/health');
    }
  });

  it('points every connection string at a service of the file, with matching credentials', () => {
    const pg = services.postgres?.environment ?? {};
    const advertised = /PLAINTEXT:\/\/([^,]+)/.exec(services.kafka?.environment?.KAFKA_ADVERTISED_LISTENERS ?? '')?.[1];
    for (const app of apps) {
      const env = services[app.name]?.environment ?? {};
      const db = new URL(env.DATABASE_URL as string);
      expect({ host: db.hostname, user: db.username, password: db.password, database: db.pathname.slice(1) }).toEqual({
        host: 'postgres',
        user: pg.POSTGRES_USER,
        password: pg.POSTGRES_PASSWORD,
        database: pg.POSTGRES_DB,
      });
      expect(new URL(env.EVENTSTORE_CONNECTION_STRING as string).hostname).toBe('kurrentdb');
      expect(env.KAFKA_BROKERS).toBe(advertised);
    }
  });

  it('starts each service only after everything it uses is healthy, the writer first', () => {
    const needs = (name: string): Set<string> => {
      const direct = Object.keys(services[name]?.depends_on ?? {});
      return new Set([...direct, ...direct.flatMap((d) => [...needs(d)])]);
    };
    for (const [name, s] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(s.depends_on ?? {})) {
        expect({ name, dependency, condition, exists: Boolean(services[dependency]?.healthcheck) }).toEqual({ name, dependency, condition: 'service_healthy', exists: true });
      }
    }
    for (const app of apps)
      expect([...needs(app.name)]).toEqual(expect.arrayContaining(['postgres', 'kurrentdb', ...(app.name === 'transfer-service' ? [] : ['kafka', 'transfer-service'])]));
  });

  it('commits no secret: the token key and the ledger signing key must come from the environment', () => {
    expect(services['transfer-service']?.environment?.AUTH_PUBLIC_KEY).toMatch(/^\$\{AUTH_PUBLIC_KEY:\?/);
    expect(services['audit-service']?.environment?.LEDGER_SIGNER_KEY).toMatch(/^\$\{LEDGER_SIGNER_KEY:\?/);
  });

  it('gives each service only variables the code reads, and a configuration its start-up check accepts', () => {
    const known = variablesTheCodeReads();
    const given = {
      AUTH_PUBLIC_KEY: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString().trim().replace(/\n/g, '\\n'),
      LEDGER_SIGNER_KEY: generateSignerKey('mutasi.example.go.id/ledger'),
      LEDGER_ORIGIN: 'mutasi.example.go.id/ledger',
      MUTASI_SEED_DEMO: 'true',
      LEDGER_WITNESSES: `http://witness-1:3010 ${cosignerVerifierKey(generateCosignerKey('saksi-inspektorat.mutasi.local'))},http://witness-2:3010 ${cosignerVerifierKey(generateCosignerKey('saksi-ombudsman.mutasi.local'))}`,
    };
    for (const app of apps) {
      const env = interpolate(services[app.name]?.environment ?? {}, given);
      expect({ app: app.name, unknown: Object.keys(env).filter((k) => !known.has(k)) }).toEqual({ app: app.name, unknown: [] });
      const config = loadConfig(env, 'distributed');
      expect(config.kafkaBrokers).toEqual(['kafka:9092']);
      expect(config.host).toBe('0.0.0.0');
    }
    const audit = loadConfig(interpolate(services['audit-service']?.environment ?? {}, given), 'distributed');
    expect(audit.ledger.witnesses.map((w) => new URL(w.url).hostname)).toEqual(['witness-1', 'witness-2']);
  });

  it('runs two ledger witnesses as their own services, each with its own data, trusting the ledger key, waited on by audit-service', () => {
    const logKey = generateSignerKey('mutasi.example.go.id/ledger');
    for (const name of ['witness-1', 'witness-2']) {
      const witness = services[name] as ComposeService & { volumes?: string[] };
      expect(witness.command?.at(-1)).toBe('dist/apps/witness/src/main.js');
      const env = interpolate(witness.environment ?? {}, { LEDGER_VERIFIER_KEY: verifierKeyFromSignerKey(logKey) });
      const config = loadWitnessConfig(env);
      expect([...config.logs.keys()]).toEqual(['mutasi.example.go.id/ledger']);
      expect(witness.volumes?.[0]).toMatch(/^\.\/\.data\/distributed\/witnesses\/saksi-[a-z]+\.mutasi\.local:\/data$/);
      expect(services['audit-service']?.depends_on?.[name]?.condition).toBe('service_healthy');
    }
    expect(new Set(['witness-1', 'witness-2'].map((n) => (services[n] as { volumes?: string[] }).volumes?.[0])).size).toBe(2);
  });

  it('puts the gateway in front: the web app and every /api route on one published port, each target a service of the file', () => {
    const gateway = services.gateway as ComposeService;
    const entry = gateway.command?.at(-1) as string;
    expect(entry).toBe('dist/apps/gateway/src/main.js');
    expect(existsSync(join(ROOT, 'apps', 'gateway', 'src', 'main.ts'))).toBe(true);
    expect({ port: gateway.environment?.PORT, ports: gateway.ports, health: gateway.healthcheck?.test.join(' ') }).toEqual({
      port: '3000',
      ports: ['127.0.0.1:3000:3000'],
      health: expect.stringContaining('/api/health'),
    });
    for (const [service, { variable }] of Object.entries(GATEWAY_UPSTREAMS)) {
      const target = new URL(gateway.environment?.[variable] as string);
      expect({ variable, host: target.hostname, port: target.port, waits: gateway.depends_on?.[service]?.condition }).toEqual({
        variable,
        host: service,
        port: services[service]?.environment?.PORT,
        waits: 'service_healthy',
      });
    }
    expect(gateway.environment?.GATEWAY_TOKEN_SIGN_IN).toBe('${GATEWAY_TOKEN_SIGN_IN:-true}');
    const env = interpolate(gateway.environment ?? {}, { GATEWAY_TOKEN_SIGN_IN: 'true' });
    expect(Object.keys(env).filter((k) => !GATEWAY_VARIABLES.includes(k))).toEqual([]);
    const config = loadGatewayConfig(env);
    expect({ host: config.host, port: config.port, tokenSignIn: config.tokenSignIn }).toEqual({ host: '0.0.0.0', port: 3000, tokenSignIn: true });
  });

  it("runs Prometheus scraping every service's /metrics, and Grafana provisioned from deploy/ with a dashboard of metrics the code exports", () => {
    const prometheus = services.prometheus as ComposeService & { volumes?: string[] };
    const grafana = services.grafana as ComposeService & { volumes?: string[] };
    expect(prometheus.image).toMatch(/^prom\/prometheus:/);
    expect(grafana.image).toMatch(/^grafana\/grafana:/);
    for (const s of [prometheus, grafana]) {
      expect(s.healthcheck?.test.length).toBeGreaterThan(0);
      for (const volume of s.volumes ?? [])
        if (volume.startsWith('./')) expect({ volume, exists: existsSync(join(ROOT, volume.split(':')[0] as string)) }).toEqual({ volume, exists: true });
      for (const port of s.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
    const config = parse(readFileSync(join(ROOT, 'deploy', 'prometheus', 'prometheus.yml'), 'utf8')) as {
      scrape_configs: { metrics_path?: string; static_configs: { targets: string[] }[] }[];
    };
    expect(prometheus.volumes).toContain('./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    const targets = config.scrape_configs.filter((c) => (c.metrics_path ?? '/metrics') === '/metrics').flatMap((c) => c.static_configs.flatMap((t) => t.targets));
    expect(targets.sort()).toEqual(apps.map((a) => `${a.name}:${services[a.name]?.environment?.PORT}`).sort());
    for (const app of apps) expect(prometheus.depends_on?.[app.name]?.condition).toBe('service_healthy');

    const datasource = parse(readFileSync(join(ROOT, 'deploy', 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8')) as {
      datasources: { uid: string; type: string; url: string }[];
    };
    const source = datasource.datasources[0];
    expect({ type: source?.type, host: new URL(source?.url as string).hostname, port: new URL(source?.url as string).port }).toEqual({
      type: 'prometheus',
      host: 'prometheus',
      port: '9090',
    });
    expect(grafana.volumes).toEqual(
      expect.arrayContaining(['./deploy/grafana/provisioning:/etc/grafana/provisioning:ro', './deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro']),
    );

    // The metric names the code registers (libs/observability), with a histogram's _bucket, _sum and _count series.
    const code = readdirSync(join(ROOT, 'libs', 'observability', 'src', 'metrics'))
      .filter((f) => !f.endsWith('.spec.ts'))
      .map((f) => readFileSync(join(ROOT, 'libs', 'observability', 'src', 'metrics', f), 'utf8'))
      .join('\n');
    const histograms = [...code.matchAll(/new Histogram\(\{\s*name: '(mutasi_[a-z_]+)'/g)].map((m) => m[1] as string);
    const exported = new Set(
      [...code.matchAll(/name: '(mutasi_[a-z_]+)'/g)].map((m) => m[1] as string).concat(histograms.flatMap((h) => ['_bucket', '_sum', '_count'].map((x) => `${h}${x}`))),
    );
    expect(histograms).toEqual(expect.arrayContaining(['mutasi_http_request_duration_seconds', 'mutasi_event_append_duration_seconds']));
    const dashboards = readdirSync(join(ROOT, 'deploy', 'grafana', 'dashboards')).filter((f) => f.endsWith('.json'));
    expect(dashboards.length).toBeGreaterThan(0);
    const named = new Set<string>();
    for (const file of dashboards) {
      const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy', 'grafana', 'dashboards', file), 'utf8')) as {
        panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[];
      };
      for (const panel of dashboard.panels) {
        expect({ panel: panel.title, datasource: panel.datasource.uid }).toEqual({ panel: panel.title, datasource: source?.uid });
        for (const { expr } of panel.targets) {
          const metrics = [...expr.matchAll(/\bmutasi_[a-z_]+/g)].map((m) => m[0]);
          expect({ panel: panel.title, queriesAMetric: metrics.length > 0 }).toEqual({ panel: panel.title, queriesAMetric: true });
          for (const metric of metrics) {
            expect({ panel: panel.title, metric, exported: exported.has(metric) }).toEqual({ panel: panel.title, metric, exported: true });
            named.add(metric.replace(/_(bucket|sum|count)$/, ''));
          }
        }
      }
    }
    // Every panel the operators asked for: latency per route, commands, refusals, every lag, backlog and the unsigned tail.
    expect([...named].sort()).toEqual(
      expect.arrayContaining([
        'mutasi_commands_total',
        'mutasi_http_request_duration_seconds',
        'mutasi_ledger_unsigned_leaves',
        'mutasi_projection_lag_events',
        'mutasi_refusals_total',
        'mutasi_relay_lag_events',
        'mutasi_scheduler_backlog',
      ]),
    );
  });

  it('builds from a Dockerfile whose sources exist and whose build script is in package.json', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] as string).split(' '));
    expect(copied.length).toBeGreaterThan(3);
    for (const source of copied) expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(scripts.build).toContain('build:web'); // the gateway serves dist/web from the image
    expect(dockerfile).toMatch(/RUN npm run build/);
  });
});
