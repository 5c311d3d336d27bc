import { sep } from 'node:path';

/**
 * The service's name for traces: `OTEL_SERVICE_NAME`, else the app folder of the entry point (`apps/relay/...` →
 * `mutasi-relay`; standalone → `mutasi`).
 */
export function serviceNameOf(env: NodeJS.ProcessEnv, entryPoint: string | undefined): string {
  const configured = env.OTEL_SERVICE_NAME?.trim();
  if (configured) return configured;
  const parts = (entryPoint ?? '').split(sep);
  const app = parts[parts.lastIndexOf('apps') + 1];
  if (parts.lastIndexOf('apps') < 0 || app === undefined || app === 'standalone') return 'mutasi';
  return `mutasi-${app}`;
}
