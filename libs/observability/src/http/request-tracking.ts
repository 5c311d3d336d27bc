import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { runWithRequestFacts } from '../context/request-context';
import { Metrics } from '../metrics/metrics';

/** An incoming `X-Request-Id` is kept when it is short printable text; anything else gets a fresh id. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The request id of `header`, or a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * The route template a request matched (`/api/transfers/:caseId/propose`), so metrics have one series per route and
 * not one per case; `unmatched` for paths no route serves.
 */
export function routeTemplateOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl ?? ''}${route.path}` || '/';
  return 'unmatched';
}

/**
 * Express middleware for every request: a request id (the client's `X-Request-Id` or a new one, echoed in the
 * response) kept in the request's async context for every log line written meanwhile; at completion one log line
 * (method, route, status, ms) and the latency histogram.
 */
export function requestTracking(metrics: Metrics, logger: LoggerService | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const started = process.hrtime.bigint();
    res.setHeader('X-Request-Id', requestId);
    const facts = { requestId };
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplateOf(req);
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      runWithRequestFacts(facts, () =>
        logger?.log({ msg: `${req.method} ${route} ${res.statusCode}`, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10 }, 'Http'),
      );
    });
    runWithRequestFacts(facts, next);
  };
}
