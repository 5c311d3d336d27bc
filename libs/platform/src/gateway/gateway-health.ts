import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { UpstreamName } from './gateway-routes';

export interface GatewayHealth {
  readonly status: 'ok' | 'degraded';
  /** By service, in the shape of a service's own health report (HealthReport), so one reader reads both. */
  readonly checks: Record<string, { status: 'up' | 'down'; detail: string }>;
}

type Check = { status: 'up' | 'down'; detail: string };

/** A service's own /api/health, asked with node:http as the proxy asks (fetch refuses some ports a service may use). */
function checkService(url: URL, timeoutMs: number): Promise<Check> {
  const target = new URL('api/health', url.href.endsWith('/') ? url : `${url.href}/`);
  return new Promise((resolve) => {
    const down = (why: string): void => resolve({ status: 'down', detail: `${url.origin}: ${why}` });
    const request = (target.protocol === 'https:' ? httpsGet : httpGet)(target, { timeout: timeoutMs, agent: false }, (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => void (text += chunk));
      answer.once('error', (error) => down(error.message));
      answer.once('end', () => {
        let report: { status?: string; checks?: Record<string, { status: string }> } = {};
        try {
          report = JSON.parse(text) as typeof report;
        } catch {
          return down(`answered ${answer.statusCode} without a health report`);
        }
        if (answer.statusCode === 200 && report.status === 'ok') return resolve({ status: 'up', detail: `${url.origin}: ok` });
        const failing = Object.entries(report.checks ?? {})
          .filter(([, c]) => c.status !== 'up')
          .map(([name]) => name);
        down(`${report.status ?? answer.statusCode}${failing.length > 0 ? ` (${failing.join(', ')} down)` : ''}`);
      });
    });
    request.once('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.once('error', (error: NodeJS.ErrnoException) => down(error.code ?? error.message));
  });
}

/**
 * `/api/health` at the gateway: every service the web app reaches through it, each asked for its own health. The
 * relay serves no route here, so it is not asked; a relay that stops shows as dashboards falling behind.
 */
export async function gatewayHealth(upstreams: Readonly<Record<UpstreamName, URL>>, timeoutMs = 3_000): Promise<GatewayHealth> {
  const entries = await Promise.all(Object.entries(upstreams).map(async ([name, url]) => [name, await checkService(url, timeoutMs)] as const));
  return { status: entries.every(([, c]) => c.status === 'up') ? 'ok' : 'degraded', checks: Object.fromEntries(entries) };
}
