import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, SchemaObject } from '@nestjs/swagger';
import { OIDC_REDIRECT_PATH } from '../config/oidc-config';
import { AppConfig } from '../nest/runtime';
import { Public } from './auth.guard';

/** What the web app's sign-in page (`/app/masuk`) needs to know to sign a user in. */
export type AuthConfigAnswer =
  | { readonly mode: 'dev' }
  | {
      readonly mode: 'oidc';
      readonly issuer: string;
      readonly clientId: string;
      readonly scope: string;
      readonly audience: string;
      readonly resource: string | null;
      readonly redirectPath: string;
    }
  | { readonly mode: 'none' };

const text = { type: 'string' } as const;

const AUTH_CONFIG_SCHEMA: SchemaObject = {
  oneOf: [
    {
      title: 'dev',
      type: 'object',
      description: 'demo sign-in (AUTH_DEV_TOKENS=true, loopback only): tokens from POST /api/dev/token',
      required: ['mode'],
      properties: { mode: { type: 'string', enum: ['dev'] } },
    },
    {
      title: 'oidc',
      type: 'object',
      description: 'OpenID Connect, authorization code + PKCE, as a public client (docs/sign-in.md)',
      required: ['mode', 'issuer', 'clientId', 'scope', 'audience', 'resource', 'redirectPath'],
      properties: {
        mode: { type: 'string', enum: ['oidc'] },
        issuer: { ...text, format: 'uri', description: 'OIDC_ISSUER; discovery at <issuer>/.well-known/openid-configuration', example: 'https://sso.example.go.id/realms/asn' },
        clientId: { ...text, description: 'OIDC_CLIENT_ID: the public client of the web app', example: 'mutasi-web' },
        scope: { ...text, description: 'OIDC_SCOPE', example: 'openid profile' },
        audience: { ...text, description: 'AUTH_AUDIENCE: the aud the API expects in access tokens', example: 'mutasi-api' },
        resource: { type: 'string', nullable: true, description: 'OIDC_RESOURCE: RFC 8707 resource indicator to send, or null', example: null },
        redirectPath: { ...text, description: 'appended to the web app origin to form redirect_uri', example: OIDC_REDIRECT_PATH },
      },
    },
    {
      title: 'none',
      type: 'object',
      description: 'no browser sign-in configured here: API clients bring tokens verified with AUTH_JWKS_URL / AUTH_PUBLIC_KEY',
      required: ['mode'],
      properties: { mode: { type: 'string', enum: ['none'] } },
    },
  ],
};

/** Public: the sign-in page asks before anyone is signed in. Holds no secret (the web app is a public client). */
@ApiTags('auth')
@Controller('api/auth')
export class AuthConfigController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get('config')
  @ApiOperation({ summary: 'How the web app signs in: demo tokens or OpenID Connect (authorization code + PKCE)' })
  @ApiOkResponse({ description: 'the sign-in mode and, for OpenID Connect, the public client settings', schema: AUTH_CONFIG_SCHEMA })
  authConfig(): AuthConfigAnswer {
    const { auth, oidc } = this.config.values;
    if (auth.devTokens) return { mode: 'dev' };
    if (!oidc) return { mode: 'none' };
    return { mode: 'oidc', issuer: oidc.issuer, clientId: oidc.clientId, scope: oidc.scope, audience: auth.audience, resource: oidc.resource, redirectPath: OIDC_REDIRECT_PATH };
  }
}
