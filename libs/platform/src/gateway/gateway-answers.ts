import { ServerResponse } from 'node:http';
import { problem, ProblemDetails } from '../errors/problem';

/** Answers the gateway gives itself as problem details, never cached (like every `/api` answer). */
export function sendProblem(res: ServerResponse, status: number, code: string, detail: string, extra: Partial<ProblemDetails> = {}): void {
  const body = JSON.stringify(problem(status, code, detail, extra));
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

export function redirect(res: ServerResponse, status: 301 | 302, location: string): void {
  res.writeHead(status, { Location: location, 'Content-Length': 0 });
  res.end();
}
