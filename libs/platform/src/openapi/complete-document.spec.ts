import { OpenAPIObject } from '@nestjs/swagger';
import { completeDocument, operationIdFromPath } from './complete-document';
import { COMPONENTS_EXTENSION, PUBLIC_EXTENSION } from './responses';
import { list, named, nullable, object, publish, text } from './schema';

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };

function documentOf(paths: OpenAPIObject['paths']): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: {} };
}

describe('completeDocument', () => {
  it('names an operation Nest left as Controller_method from its method and path', () => {
    expect(operationIdFromPath('get', '/api/me/cases')).toBe('getMeCases');
    expect(operationIdFromPath('post', '/api/transfers/{caseId}/files')).toBe('postTransfersByCaseIdFiles');
    const done = completeDocument(
      documentOf({
        '/api/notices': { get: { operationId: 'NoticesController_list', responses: { 200: { description: 'ok' } } } },
        '/api/things': { get: { operationId: 'listThings', responses: { 200: { description: 'ok' } } } },
      }),
    );
    expect(done.paths['/api/notices']?.get?.operationId).toBe('getNotices');
    expect(done.paths['/api/things']?.get?.operationId).toBe('listThings');
  });

  it('answers every error with ProblemDetails, and adds the 400, 401 and 404 a route of its shape can give', () => {
    const done = completeDocument(
      documentOf({
        '/api/things/{id}': {
          get: { operationId: 'getThing', parameters: [{ name: 'id', in: 'path', required: true }], responses: { 200: { description: 'ok' }, 403: { description: 'not yours' } } },
        },
      }),
    );
    const responses = done.paths['/api/things/{id}']?.get?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(responses[403]).toEqual({ description: 'not yours', content: problem });
    expect(responses[404]).toMatchObject({ content: problem });
    expect(done.components?.schemas?.ProblemDetails).toMatchObject({ type: 'object', required: ['type', 'title', 'status', 'detail', 'code'] });
  });

  it('gives a public route security: [] and no 401, unless it names its own security', () => {
    const done = completeDocument(
      documentOf({
        '/api/open': { get: { operationId: 'getOpen', [PUBLIC_EXTENSION]: true, responses: { 200: { description: 'ok' } } } as never },
        '/api/self-checked': { post: { operationId: 'postSelfChecked', [PUBLIC_EXTENSION]: true, security: [{ bearer: [] }], responses: { 200: { description: 'ok' } } } as never },
      }),
    );
    expect(done.paths['/api/open']?.get).toMatchObject({ security: [] });
    expect(Object.keys(done.paths['/api/open']?.get?.responses ?? {})).toEqual(['200']);
    expect(JSON.stringify(done)).not.toContain(PUBLIC_EXTENSION);
    expect(done.paths['/api/self-checked']?.post).toMatchObject({ security: [{ bearer: [] }], responses: { 401: { content: problem } } });
  });

  it('moves the named schemas of the answers to components, and refuses one name for two schemas', () => {
    const Thing = named('Thing', object({ id: text(), parent: nullable(named('Parent', object({ id: text() }))) }));
    const answer = (schema: ReturnType<typeof publish>) => ({
      description: 'ok',
      content: { 'application/json': { schema: schema.schema } },
      [COMPONENTS_EXTENSION]: schema.components,
    });
    const done = completeDocument(documentOf({ '/api/things': { get: { operationId: 'listThings', responses: { 200: answer(publish(list(Thing))) } } } }));
    expect(Object.keys(done.components?.schemas ?? {}).sort()).toEqual(['Parent', 'ProblemDetails', 'Thing']);
    expect(done.components?.schemas?.Thing).toMatchObject({ properties: { parent: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/Parent' }] } } });
    expect(JSON.stringify(done)).not.toContain(COMPONENTS_EXTENSION);
    const Other = named('Thing', object({ name: text() }));
    expect(() =>
      completeDocument(
        documentOf({
          '/api/a': { get: { operationId: 'getA', responses: { 200: answer(publish(Thing)) } } },
          '/api/b': { get: { operationId: 'getB', responses: { 200: answer(publish(Other)) } } },
        }),
      ),
    ).toThrow('two different schemas are named Thing');
  });
});
