import { ApiExtension, ApiResponse, ApiResponseOptions, HeadersObject } from '@nestjs/swagger';
import { publish, Schema } from './schema';

/** Where a response keeps the named schemas it uses until the document is completed (`completeDocument`). */
export const COMPONENTS_EXTENSION = 'x-mutasi-components';

/** Marks an operation that needs no sign-in; the completed document gives it `security: []`. */
export const PUBLIC_EXTENSION = 'x-mutasi-public';

/** An answer of `mediaType` with its schema, and the headers the route sets. */
export function ApiContent(status: number, mediaType: string, schema: Schema, description: string, headers?: HeadersObject): MethodDecorator & ClassDecorator {
  const published = publish(schema);
  return ApiResponse({
    status,
    description,
    content: { [mediaType]: { schema: published.schema } },
    ...(headers ? { headers } : {}),
    [COMPONENTS_EXTENSION]: published.components,
  } as ApiResponseOptions);
}

/** A JSON answer with its schema, and the headers the route sets. */
export function ApiJson(status: number, schema: Schema, description: string, headers?: HeadersObject): MethodDecorator & ClassDecorator {
  return ApiContent(status, 'application/json', schema, description, headers);
}

/** The OpenAPI side of `@Public()`. */
export function ApiPublic(): MethodDecorator & ClassDecorator {
  return ApiExtension(PUBLIC_EXTENSION, true);
}
