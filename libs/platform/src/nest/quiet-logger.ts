import { ConsoleLogger } from '@nestjs/common';

const NOISY = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader', 'NestFactory', 'NestApplication']);

/** Nest's console logger without the start-up chatter (every mapped route); warnings and errors always show. */
export class QuietLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context !== undefined && NOISY.has(context)) return;
    super.log(message, context);
  }
}
