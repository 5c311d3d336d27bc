/** How logs are written: pino's level, and JSON lines or pino-pretty's coloured text. */
export interface LogSettings {
  readonly level: string;
  readonly format: 'json' | 'pretty';
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * `LOG_LEVEL` (default info) and `LOG_FORMAT` (`json` or `pretty`); without `LOG_FORMAT`, pretty when stdout is a
 * terminal (a person reads it) and JSON otherwise (a collector reads it).
 */
export function logSettingsFrom(env: NodeJS.ProcessEnv, stdoutIsTty: boolean): LogSettings {
  const level = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}; got ${JSON.stringify(env.LOG_LEVEL)}`);
  const format = env.LOG_FORMAT?.trim().toLowerCase();
  if (format !== undefined && format !== '' && format !== 'json' && format !== 'pretty')
    throw new Error(`LOG_FORMAT must be json or pretty; got ${JSON.stringify(env.LOG_FORMAT)}`);
  return { level, format: format === 'json' || format === 'pretty' ? format : stdoutIsTty ? 'pretty' : 'json' };
}
