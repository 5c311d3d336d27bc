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
    if (body.status >= 500) this.logger.error(`${request.method} ${request.originalUrl}: ${error instanceof Error ? error.stack : String(error)}`);
    if (response.headersSent) return;
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
