import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeDocument } from './complete-document';

export interface ApiInfo {
  readonly title: string;
  readonly description: string;
}

/** The OpenAPI document of an application's routes: bearer sign-in everywhere unless a route is public. */
export function openApiDocument(app: INestApplication, info: ApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1.0')
    .addServer('/', 'the server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  // package.json: UNLICENSED, with no licence text to link to.
  config.info.license = { name: 'UNLICENSED (proprietary)' };
  return completeDocument(SwaggerModule.createDocument(app, config));
}

/**
 * The document of a composition without running it: Nest's preview mode resolves the modules and routes but creates
 * no provider, so nothing connects to a database (`npm run api:generate`, the contract test).
 */
export async function previewOpenApiDocument(module: DynamicModule, info: ApiInfo): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module, { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app, info);
  } finally {
    await app.close();
  }
}
