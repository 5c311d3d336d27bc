import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { DynamicModule } from '@nestjs/common';
import { createJsonLogger, observeHttp } from '@mutasi/observability';
import { openApiDocument } from '../openapi/openapi-document';
import { answerClientErrorsAsProblems } from '../http/client-errors';
import { MAX_JSON_DEPTH, refuseDeepJson } from '../http/json-depth';

export interface HttpAppOptions {
  readonly title: string;
  readonly description: string;
  /** The process's logger (default: JSON lines, or pretty in a terminal; LOG_LEVEL, LOG_FORMAT); false keeps tests quiet. */
  readonly logger?: LoggerService | false;
}

/**
 * A Nest HTTP application with Mutasi's conventions: JSON bodies up to 16 MB (whole-file imports) and 64 levels
 * deep (refused before parsing, so no validation recursion can overflow the stack), problem details even for what
 * Node's HTTP parser refuses (431 headers too large), OpenAPI at `/api/docs` and `/api/docs-json` (the contract, see
 * `openApiDocument`), and no `X-Powered-By`. The caller stops it with `app.close()` (which runs the shutdown hooks)
 * on SIGINT/SIGTERM, so it exits 0 after a clean stop.
 */
export async function createHttpApp(module: DynamicModule, options: HttpAppOptions): Promise<INestApplication> {
  const logger = options.logger === false ? false : (options.logger ?? createJsonLogger());
  // abortOnError false: a module that cannot start throws to the caller, which stops what it started (the embedded
  // PostgreSQL) and says what is wrong, instead of Nest exiting the process on the spot.
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false, abortOnError: false });
  observeHttp(app, logger === false ? null : logger);
  // express.json itself, not useBodyParser: Nest reserves the parser's `verify` hook, which the depth check needs.
  app.use(json({ limit: '16mb', type: ['application/json', 'application/*+json'], verify: refuseDeepJson(MAX_JSON_DEPTH) }));
  answerClientErrorsAsProblems(app.getHttpServer());
  app.disable('x-powered-by');
  const document = openApiDocument(app, options);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
