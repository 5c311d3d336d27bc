import { applyDecorators, BadRequestException, HttpCode, Injectable, PipeTransform } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  HeadersObject,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { CaseState, CommandMetadata, TransferCommand, TransferCommandType } from '@mutasi/domain';
import { ApiJson, Principal } from '@mutasi/platform';
import { CaseView } from '../cases/case-view.schema';
import { CaseCommandRequest, CaseResponse } from '../cases/transfer-cases.service';

/** The HTTP facts a command carries: path (for idempotency), `If-Match`, `Idempotency-Key`. */
export interface HttpFacts {
  readonly path: string;
  readonly ifMatch: string | undefined;
  readonly idempotencyKey: string | undefined;
}

/** The HTTP facts of a request. */
export function httpFacts(req: Request): HttpFacts {
  const header = (name: string): string | undefined => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { path: req.path, ifMatch: header('if-match'), idempotencyKey: header('idempotency-key') };
}

/**
 * A case command as dispatched on the CommandBus (in-process dispatch only; nothing is persisted through it).
 * Each use case subclasses it so the bus routes it to that use case's handler.
 */
export abstract class CaseCommandMessage<B> {
  constructor(
    readonly caseId: string,
    readonly body: B,
    readonly principal: Principal,
    readonly http: HttpFacts,
  ) {}

  /** The request for the case service, with the builder that turns it into a domain command. */
  request(type: TransferCommandType, build: (state: CaseState, metadata: CommandMetadata) => TransferCommand | Promise<TransferCommand>): CaseCommandRequest {
    return {
      caseId: this.caseId,
      type,
      principal: this.principal,
      body: this.body,
      path: this.http.path,
      ifMatch: this.http.ifMatch,
      idempotencyKey: this.http.idempotencyKey,
      build,
    };
  }
}

/** Sends a case response with its `ETag`. */
export function respond(res: Response, response: CaseResponse): Record<string, unknown> {
  res.status(response.status);
  if (response.etag) res.setHeader('ETag', response.etag);
  return response.body;
}

/** Case ids are server-made UUIDs; anything else is bad input, not a lookup. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) throw new BadRequestException('caseId must be a case id (UUID)');
    return value;
  }
}

/** The `ETag` of a case answer: its revision, quoted. */
export const CASE_ETAG: HeadersObject = {
  ETag: { description: 'the revision of the case, quoted (`"3"`): send it back as If-Match with the next command', schema: { type: 'string', example: '"3"' } },
};

/**
 * OpenAPI and status for a case command route: its operation id (the command, e.g. `approveStep`), who may run it,
 * and every answer it can give.
 */
export function CaseCommandRoute(operationId: string, summary: string, who: string): MethodDecorator {
  return applyDecorators(
    ApiTags('transfer cases'),
    ApiBearerAuth(),
    HttpCode(200),
    ApiOperation({ operationId, summary, description: `Who: ${who}. Time and actor come from the server and the token, never the body.` }),
    ApiHeader({ name: 'If-Match', required: false, description: 'the ETag ("<revision>") the client last saw; a stale one gets 409' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key and body returns the original result and appends nothing' }),
    ApiJson(200, CaseView, 'the case after the command', CASE_ETAG),
    ApiBadRequestResponse({ description: 'problem details: each bad field in errors[]' }),
    ApiUnauthorizedResponse({ description: 'no or invalid token' }),
    ApiForbiddenResponse({ description: 'role or agency not allowed (recorded, M-04)' }),
    ApiNotFoundResponse({ description: 'unknown case' }),
    ApiConflictResponse({ description: 'stale If-Match, concurrent change, or the case is not in a state for this command' }),
    ApiUnprocessableEntityResponse({ description: 'a rule refused: ruleId set, e.g. R-21 (recorded, M-04)' }),
  );
}
