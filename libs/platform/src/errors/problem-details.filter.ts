import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { toProblem } from './to-problem';

/** Writes every error as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = { ...toProblem(error), instance: request.originalUrl };
    if (body.status === 503) this.logger.warn(`${request.method} ${request.originalUrl}: ${body.code}: ${error instanceof Error ? error.message : String(error)}`);
    else if (body.status >= 500) this.logger.error(`${request.method} ${request.originalUrl}: ${error instanceof Error ? error.stack : String(error)}`);
    if (response.headersSent) return;
    // A problem that says when to come back (503 while the database is away, a key still in use) says it in HTTP too.
    if (typeof body.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(Math.ceil(body.retryAfterSeconds)));
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
