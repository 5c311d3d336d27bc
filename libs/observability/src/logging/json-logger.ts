import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import pretty from 'pino-pretty';
import { currentRequestFacts } from '../context/request-context';
import { LogSettings, logSettingsFrom } from './log-settings';

/** Nest's start-up chatter (every mapped route, every module): kept at debug, so an info log starts with what matters. */
const STARTUP_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader', 'NestFactory', 'NestApplication']);

type Fields = Record<string, unknown>;

/** A message as Nest hands it over (text, an object of fields, an Error) as pino's fields and text. */
function split(message: unknown): { fields: Fields; msg: string } {
  if (message instanceof Error) return { fields: { err: { type: message.name, message: message.message, stack: message.stack } }, msg: message.message };
  if (message !== null && typeof message === 'object') {
    const { msg, message: text, ...fields } = message as Fields;
    return { fields, msg: String(msg ?? text ?? '') };
  }
  return { fields: {}, msg: String(message) };
}

/**
 * Nest's `LoggerService` on pino: one JSON object per line with `level`, `time`, `msg`, `context`, and, inside an
 * HTTP request, `requestId` and (once a command runs) `commandType` and `caseId`. `Logger.log({ msg, ...fields })`
 * adds fields of its own.
 */
export class JsonLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = this.contextOf(params);
    this.write(context !== undefined && STARTUP_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }

  error(message: unknown, ...params: unknown[]): void {
    const context = this.contextOf(params);
    const stack = params.length >= 2 && typeof params[0] === 'string' ? params[0] : undefined;
    this.write('error', message, context, stack === undefined ? {} : { stack });
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, this.contextOf(params));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, this.contextOf(params));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, this.contextOf(params));
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, this.contextOf(params));
  }

  /** Nest passes the context last. */
  private contextOf(params: readonly unknown[]): string | undefined {
    const last = params.at(-1);
    return typeof last === 'string' ? last : undefined;
  }

  private write(level: pino.Level, message: unknown, context: string | undefined, extra: Fields = {}): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const { fields, msg } = split(message);
    this.pino[level]({ ...(context === undefined ? {} : { context }), ...extra, ...fields }, msg);
  }
}

/** The pino options every Mutasi process uses: ISO time, level by name, the current request's facts on each line. */
export function pinoOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const facts = currentRequestFacts();
      if (!facts) return {};
      return {
        requestId: facts.requestId,
        ...(facts.commandType === undefined ? {} : { commandType: facts.commandType }),
        ...(facts.caseId === undefined ? {} : { caseId: facts.caseId }),
      };
    },
  };
}

/**
 * The process's logger from `LOG_LEVEL` and `LOG_FORMAT` (see `logSettingsFrom`), written to stdout, or to
 * `destination` (tests read the lines there).
 */
export function createJsonLogger(settings: LogSettings = logSettingsFrom(process.env, process.stdout.isTTY === true), destination?: DestinationStream): JsonLogger {
  const out =
    destination ??
    (settings.format === 'pretty' ? pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) : pino.destination({ sync: true }));
  return new JsonLogger(pino(pinoOptions(settings.level), out));
}
