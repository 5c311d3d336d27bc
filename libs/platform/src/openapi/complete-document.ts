import { OpenAPIObject, OperationObject, PathItemObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE, ProblemDetailsSchema } from './problem-details.schema';
import { COMPONENTS_EXTENSION, PUBLIC_EXTENSION } from './responses';
import { publish } from './schema';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** What each error status means when a route says nothing more specific. */
const ERROR_MEANING: Readonly<Record<string, string>> = {
  400: 'bad input: each bad field in `errors[]`',
  401: 'no or invalid token',
  403: 'not allowed for your role or agency',
  404: 'no such resource',
  409: 'a conflict with the current state',
  412: 'the If-Match revision is not the current one',
  413: 'the body is too large',
  415: 'the body is not of an accepted media type',
  422: 'refused by a rule: `ruleId` and `legalBasis` say which',
  428: 'If-Match is required',
  503: 'a dependency is down',
};

type Operation = OperationObject & { [PUBLIC_EXTENSION]?: boolean };
type Response = ResponseObject & { [COMPONENTS_EXTENSION]?: Record<string, SchemaObject> };

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const pascal = (segment: string): string =>
  segment
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(upperFirst)
    .join('');

/**
 * An id for a route that names none (Nest's default is `Controller_method`): the method and the path,
 * `GET /api/me/cases` → `getMeCases`, a parameter as `By<Name>`. Unique because paths are; explicit ids read better.
 */
export function operationIdFromPath(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((s) => s !== '' && s !== 'api')
    .map((s) => (/^\{.+\}$/.test(s) ? `By${pascal(s)}` : pascal(s)));
  return `${method.toLowerCase()}${words.join('')}`;
}

function problemResponse(status: string, description: string | undefined): ResponseObject {
  return { description: description || ERROR_MEANING[status] || 'an error', content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: ProblemDetailsSchema.$ref } } } };
}

/** The errors any route of this shape can answer, besides those its decorators name. */
function standardErrors(path: string, operation: Operation, tokenless: boolean): string[] {
  const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
  return [...(takesInput ? ['400'] : []), ...(tokenless ? [] : ['401']), ...(path.includes('{') ? ['404'] : [])];
}

/**
 * Makes the document Nest builds into the contract: every operation gets an id, public routes
 * `security: []` (bearer is global), every error answer the one `ProblemDetails` schema as `application/problem+json`,
 * with the 400/401/404 any route of its shape can give, and the named schemas of the answers go to `components`.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const schemas: Record<string, SchemaObject> = { ...(document.components?.schemas as Record<string, SchemaObject> | undefined) };
  const addComponents = (components: Record<string, SchemaObject>): void => {
    for (const [name, schema] of Object.entries(components)) {
      if (schemas[name] && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) throw new Error(`two different schemas are named ${name}`);
      schemas[name] = schema;
    }
  };
  addComponents(publish(ProblemDetailsSchema).components);
  const paths: Record<string, PathItemObject> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const completed: PathItemObject = { ...item };
    for (const method of METHODS) {
      const source = item[method] as Operation | undefined;
      if (!source) continue;
      const { [PUBLIC_EXTENSION]: isPublic = false, ...operation } = source;
      // A public route that checks a token itself (POST /api/dev/clock) says so with its own `@ApiBearerAuth()`.
      const tokenless = isPublic && !operation.security;
      const responses: Record<string, ResponseObject> = {};
      for (const [status, value] of Object.entries(operation.responses ?? {})) {
        const { [COMPONENTS_EXTENSION]: components = {}, ...response } = value as Response;
        addComponents(components);
        // An error answer is a problem unless the route declares its own body (the health report's 503).
        responses[status] = Number(status) >= 400 && !response.content ? problemResponse(status, response.description) : response;
      }
      for (const status of standardErrors(path, operation, tokenless)) responses[status] ??= problemResponse(status, undefined);
      const operationId = operation.operationId && !operation.operationId.includes('_') ? operation.operationId : operationIdFromPath(method, path);
      completed[method] = { ...operation, operationId, responses, ...(tokenless ? { security: [] } : {}) };
    }
    paths[path] = completed;
  }
  return { ...document, paths, components: { ...document.components, schemas } };
}
