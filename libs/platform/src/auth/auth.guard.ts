import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { ApiPublic } from '../openapi/responses';
import { AuthenticationError, Principal } from './principal';
import { TokenVerifier } from './token-verifier';

const PUBLIC = 'mutasi:public';
const QUERY_TOKEN = 'mutasi:query-token';

/** Marks a route that needs no sign-in (health, API docs, dev sign-in); its OpenAPI operation says so too. */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(PUBLIC, true), ApiPublic());

/** Lets a route take the token as `?access_token=` too (server-sent events: browsers' EventSource sends no headers). */
export const AllowQueryToken = (): MethodDecorator & ClassDecorator => SetMetadata(QUERY_TOKEN, true);

type AuthenticatedRequest = Request & { principal?: Principal };

/** The signed-in principal of the request (set by {@link AuthGuard}). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new AuthenticationError('belum masuk');
  return principal;
});

/** Every `/api` route needs a valid bearer token unless marked {@link Public}. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const fromQuery =
      this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, [context.getHandler(), context.getClass()]) && typeof request.query.access_token === 'string'
        ? request.query.access_token
        : undefined;
    const token = match?.[1] ?? fromQuery;
    if (!token) throw new AuthenticationError('silakan masuk terlebih dahulu: kirim Authorization: Bearer <token>');
    request.principal = await this.verifier.verify(token);
    return true;
  }
}
