import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DynamicModule } from '@nestjs/common';
import { QuietLogger } from './quiet-logger';

export interface HttpAppOptions {
  readonly title: string;
  readonly description: string;
  /** Nest's own logging; false keeps tests quiet. */
  readonly logger?: LoggerService | false;
}

/**
 * A Nest HTTP application with Mutasi's conventions: JSON bodies up to 16 MB (whole-file imports), OpenAPI at
 * `/api/docs` and `/api/docs-json`, and no `X-Powered-By`. The caller stops it with `app.close()` (which runs
 * the shutdown hooks) on SIGINT/SIGTERM, so it exits 0 after a clean stop.
 */
export async function createHttpApp(module: DynamicModule, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: options.logger === false ? false : (options.logger ?? new QuietLogger()), bodyParser: false });
  app.useBodyParser('json', { limit: '16mb', type: ['application/json', 'application/*+json'] });
  app.disable('x-powered-by');
  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
