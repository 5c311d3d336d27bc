import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AuthenticationError, Principal } from './principal';
import { TokenVerifier } from './token-verifier';

const PUBLIC = 'mutasi:public';

/** Marks a route that needs no sign-in (health, API docs, dev sign-in). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC, true);

type AuthenticatedRequest = Request & { principal?: Principal };

/** The signed-in principal of the request (set by {@link AuthGuard}). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new AuthenticationError('not signed in');
  return principal;
});

/** Every `/api` route needs a valid bearer token unless marked {@link Public}. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new AuthenticationError('sign in first: send Authorization: Bearer <token>');
    request.principal = await this.verifier.verify(match[1]);
    return true;
  }
}
