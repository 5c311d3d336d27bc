import { isAbsolute, resolve } from 'node:path';
import { OidcConfig, readOidcConfig } from './oidc-config';
import { MailConfig, readMailConfig } from './mail-config';

/** Where each part of the system runs; every unset variable falls back to the embedded, standalone choice. */
export interface MutasiConfig {
  readonly mode: 'standalone' | 'distributed';
  readonly host: string;
  readonly port: number;
  /** PostgreSQL for reference data, read models and (without KurrentDB) the event store; null: embedded. */
  readonly databaseUrl: string | null;
  readonly eventStoreConnectionString: string | null;
  readonly kafkaBrokers: readonly string[];
  /** Consumer group of the dashboard's Kafka feed; a second dashboard with its own database needs its own group. */
  readonly dashboardConsumerGroup: string;
  readonly dataDir: string;
  readonly auth: {
    readonly jwksUrl: string | null;
    readonly publicKey: string | null;
    readonly issuer: string;
    readonly audience: string;
    readonly devTokens: boolean;
    /** The longest a token may live (exp − iat) and the oldest it may be (now − iat), in seconds. */
    readonly maxTokenAgeSeconds: number;
  };
  /** The web app's sign-in with OpenID Connect (docs/sign-in.md); null: dev tokens or no browser sign-in here. */
  readonly oidc: OidcConfig | null;
  /** E-mail of notifications: SMTP server, sender, the web app's address for links (docs/notifications.md). */
  readonly mail: MailConfig;
  /** How long an Idempotency-Key claim holds before a retry may take it over (a server that died holding it). */
  readonly idempotencyLeaseSeconds: number;
  /** Days added to the server clock (standalone only), so a demo can reach evaluations due months later. */
  readonly clockOffsetDays: number;
  readonly ledger: {
    readonly signerKeyFile: string | null;
    readonly signerKey: string | null;
    readonly origin: string;
    readonly everyEvents: number;
    readonly everySeconds: number;
    /** The witnesses each new checkpoint is submitted to (docs/witness.md): `LEDGER_WITNESSES`. */
    readonly witnesses: readonly LedgerWitness[];
    /** How many of them must cosign for the server's verify to accept a checkpoint (default: all). */
    readonly witnessThreshold: number;
    /** Standalone only, without LEDGER_WITNESSES: how many witnesses to run in the process (default 2, 0 for none). */
    readonly localWitnesses: number;
  };
}

/** A witness the log submits its checkpoints to: its add-checkpoint URL prefix and cosigner verifier key. */
export interface LedgerWitness {
  readonly url: string;
  readonly verifierKey: string;
}

/** A configuration that cannot work; the message lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** True when `host` accepts connections from this machine only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host);
}

/** Reads and checks the configuration from environment variables (documented in the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, mode: MutasiConfig['mode'] = 'standalone'): MutasiConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
    return value;
  };
  const text = (name: string): string | null => (env[name] && env[name]?.trim() !== '' ? (env[name] as string).trim() : null);
  const flag = (name: string): boolean => {
    const raw = text(name);
    if (raw !== null && raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false`);
    return raw === 'true';
  };
  const host = text('HOST') ?? '127.0.0.1';
  const dataDir = text('MUTASI_DATA_DIR') ?? '.data';
  const witnesses = readLedgerWitnesses(text('LEDGER_WITNESSES'), problems);
  const config: MutasiConfig = {
    mode,
    host,
    port: int('PORT', 3000, 0, 65535),
    databaseUrl: text('DATABASE_URL'),
    eventStoreConnectionString: text('EVENTSTORE_CONNECTION_STRING'),
    kafkaBrokers: (text('KAFKA_BROKERS') ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    dashboardConsumerGroup: text('DASHBOARD_CONSUMER_GROUP') ?? 'mutasi-dashboard',
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(dataDir),
    auth: {
      jwksUrl: text('AUTH_JWKS_URL'),
      publicKey: text('AUTH_PUBLIC_KEY'),
      // Access tokens from the OIDC provider carry its issuer, so that is the one to expect unless told otherwise.
      issuer: text('AUTH_ISSUER') ?? text('OIDC_ISSUER') ?? 'mutasi',
      audience: text('AUTH_AUDIENCE') ?? 'mutasi-api',
      devTokens: devTokensFor(mode, text, flag),
      maxTokenAgeSeconds: int('AUTH_MAX_TOKEN_AGE_SECONDS', 86_400, 60, 7 * 86_400),
    },
    oidc: readOidcConfig(text, problems),
    mail: readMailConfig(text, problems),
    idempotencyLeaseSeconds: int('IDEMPOTENCY_LEASE_SECONDS', 30, 1, 3600),
    clockOffsetDays: int('MUTASI_CLOCK_OFFSET_DAYS', 0, 0, 3650),
    ledger: {
      signerKeyFile: text('LEDGER_SIGNER_KEY_FILE'),
      signerKey: text('LEDGER_SIGNER_KEY'),
      origin: text('LEDGER_ORIGIN') ?? 'mutasi.example.go.id/ledger',
      everyEvents: int('LEDGER_SIGN_EVERY_EVENTS', 100, 1, 1_000_000),
      everySeconds: int('LEDGER_SIGN_EVERY_SECONDS', 60, 1, 86_400),
      witnesses,
      witnessThreshold: int('LEDGER_WITNESS_THRESHOLD', witnesses.length, 0, Math.max(witnesses.length, 0)),
      localWitnesses: int('MUTASI_LOCAL_WITNESSES', mode === 'standalone' && witnesses.length === 0 ? 2 : 0, 0, 5),
    },
  };
  if (config.auth.devTokens && !isLoopback(host))
    problems.push(`AUTH_DEV_TOKENS=true needs HOST on loopback (127.0.0.1), not ${host}: dev tokens must never be reachable from the network`);
  if (config.auth.devTokens && (config.auth.publicKey || config.auth.jwksUrl)) {
    problems.push(
      `AUTH_DEV_TOKENS=true and ${config.auth.publicKey ? 'AUTH_PUBLIC_KEY' : 'AUTH_JWKS_URL'} exclude each other: unset AUTH_DEV_TOKENS to verify tokens with the key only (demo sign-in is on only when no key is configured)`,
    );
  }
  if (config.auth.devTokens && config.oidc)
    problems.push('OIDC_ISSUER and AUTH_DEV_TOKENS=true exclude each other: the web app signs in either with demo tokens or with the identity provider');
  // The key source stays explicit (no discovery at start): the server starts without reaching the provider, and the
  // operator sees which keys are trusted.
  if (!config.auth.devTokens && !config.auth.jwksUrl && !config.auth.publicKey) {
    problems.push(
      config.oidc
        ? `OIDC_ISSUER is set but AUTH_JWKS_URL is not: set AUTH_JWKS_URL to the jwks_uri of ${config.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration (or AUTH_PUBLIC_KEY to the provider's signing key)`
        : 'set AUTH_JWKS_URL or AUTH_PUBLIC_KEY to verify sign-in tokens (or AUTH_DEV_TOKENS=true on loopback for the demo)',
    );
  }
  if (config.clockOffsetDays !== 0 && mode !== 'standalone') problems.push('MUTASI_CLOCK_OFFSET_DAYS is only accepted in standalone mode');
  if (mode === 'distributed') {
    if (!config.databaseUrl) problems.push('DATABASE_URL is required in distributed mode (each service connects to the shared PostgreSQL)');
    if (config.auth.devTokens) problems.push('AUTH_DEV_TOKENS is for standalone mode only: services in distributed mode verify tokens with AUTH_PUBLIC_KEY or AUTH_JWKS_URL');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Demo sign-in: as `AUTH_DEV_TOKENS` says; unset, it is on in standalone mode only when no key, JWKS or identity
 * provider is configured, so a production key always wins over the demo.
 */
function devTokensFor(mode: MutasiConfig['mode'], text: (name: string) => string | null, flag: (name: string) => boolean): boolean {
  if (text('AUTH_DEV_TOKENS') !== null) return flag('AUTH_DEV_TOKENS');
  return mode === 'standalone' && !text('AUTH_PUBLIC_KEY') && !text('AUTH_JWKS_URL') && !text('OIDC_ISSUER');
}

/**
 * `LEDGER_WITNESSES`: witnesses as `<url> <cosigner verifier key>` pairs, separated by commas or new lines, e.g.
 * `http://witness.bkn.example/ witness.bkn.example+1a2b3c4d+BK…`.
 */
function readLedgerWitnesses(value: string | null, problems: string[]): LedgerWitness[] {
  if (value === null) return [];
  const out: LedgerWitness[] = [];
  for (const item of value
    .split(/[,\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '')) {
    const [url, verifierKey, ...rest] = item.split(/\s+/);
    let valid: boolean;
    try {
      valid = /^https?:$/.test(new URL(url as string).protocol);
    } catch {
      valid = false;
    }
    if (!valid || verifierKey === undefined || rest.length > 0) problems.push(`LEDGER_WITNESSES: "${item}" is not "<http(s) URL> <cosigner verifier key>"`);
    else out.push({ url: (url as string).replace(/\/+$/, ''), verifierKey });
  }
  return out;
}
