import { INestApplication, LoggerService } from '@nestjs/common';
import { Request, Response } from 'express';
import { Metrics } from '../metrics/metrics';
import { requestTracking } from './request-tracking';

/**
 * Wires a Nest (Express) application for operators: request ids, one log line and a latency observation per request,
 * and `GET /metrics` (Prometheus text, no token: it holds counts, never case data). Call it before `listen`.
 */
export function observeHttp(app: INestApplication, logger: LoggerService | null): Metrics {
  const metrics = app.get(Metrics, { strict: false });
  app.use(requestTracking(metrics, logger));
  const http = app.getHttpAdapter();
  http.get('/metrics', (_req: Request, res: Response) => {
    metrics.exposition().then(
      (text) => {
        res.setHeader('Content-Type', metrics.contentType);
        res.setHeader('Cache-Control', 'no-store');
        res.end(text);
      },
      (error: unknown) => {
        res.status(500).setHeader('Content-Type', 'text/plain');
        res.end(`metrics could not be collected: ${String(error)}\n`);
      },
    );
  });
  return metrics;
}
