import { ConfigError } from '../config/config';
import { webAppDir } from '../web/web-app';
import { GATEWAY_UPSTREAMS, UpstreamName } from './gateway-routes';

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  /** The built web app (dist/web, or WEB_DIST). */
  readonly webDir: string;
  readonly upstreams: Readonly<Record<UpstreamName, URL>>;
  /** The page `/masuk-token` that signs the browser in with a token the person already holds (local deployments). */
  readonly tokenSignIn: boolean;
}

/** Every variable the gateway reads (docker-compose.yml's check holds the gateway's environment to these). */
export const GATEWAY_VARIABLES = ['HOST', 'PORT', 'WEB_DIST', 'GATEWAY_TOKEN_SIGN_IN', ...Object.values(GATEWAY_UPSTREAMS).map((u) => u.variable)];

/** Reads and checks the gateway's configuration; the error names every missing or bad variable. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const problems: string[] = [];
  const text = (name: string): string | null => (env[name]?.trim() ? (env[name] as string).trim() : null);
  const url = (service: UpstreamName): URL => {
    const { variable, example } = GATEWAY_UPSTREAMS[service];
    const raw = text(variable);
    if (raw === null) {
      problems.push(`${variable} is required: the URL where ${service} listens, e.g. ${example}`);
      return new URL(example);
    }
    const parsed = URL.canParse(raw) ? new URL(raw) : null;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search !== '' || parsed.hash !== '') {
      problems.push(`${variable} must be an http:// or https:// URL without query (got ${JSON.stringify(raw)})`);
      return new URL(example);
    }
    return parsed;
  };
  const port = Number(text('PORT') ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535 (got ${JSON.stringify(env.PORT)})`);
  const tokenSignIn = text('GATEWAY_TOKEN_SIGN_IN') ?? 'false';
  if (tokenSignIn !== 'true' && tokenSignIn !== 'false') problems.push('GATEWAY_TOKEN_SIGN_IN must be true or false');
  const upstreams = { 'transfer-service': url('transfer-service'), 'audit-service': url('audit-service'), 'dashboard-service': url('dashboard-service') };
  if (problems.length > 0) throw new ConfigError(problems);
  return { host: text('HOST') ?? '127.0.0.1', port, webDir: webAppDir(env), upstreams, tokenSignIn: tokenSignIn === 'true' };
}
