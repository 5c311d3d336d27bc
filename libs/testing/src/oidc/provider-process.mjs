// A real OpenID Connect provider (node oidc-provider) for the tests, run as a child process: oidc-provider is
// ESM-only and jest (ts-jest, CommonJS) cannot import it without --experimental-vm-modules.
// Reads its settings as JSON on stdin; prints one JSON line {"issuer": ...} once it listens; stops on SIGTERM or
// when the IPC channel to the test process closes.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(await readStdin());
/** @type {Map<string, {name: string, agencyId: string, roles: string[], nip?: string}>} */
const accounts = new Map(settings.accounts.map((a) => [a.userId, a]));

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key-1', use: 'sig', alg: 'RS256' };

/** The Mutasi claims of an account (docs/sign-in.md): the API reads them from the access token. */
const mutasiClaims = (account) => ({ name: account.name, agencyId: account.agencyId, roles: account.roles, ...(account.nip ? { nip: account.nip } : {}) });

// The web app's public client is registered once the Mutasi server listens (its origin makes the redirect URI),
// through dynamic client registration (RFC 7591) under a fixed id, guarded by an initial access token.
const provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name'] },
  async findAccount(_ctx, id) {
    const account = accounts.get(id);
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: account.name }) };
  },
  features: {
    devInteractions: { enabled: true },
    registration: { enabled: true, initialAccessToken: settings.registrationToken, idFactory: () => settings.clientId, issueRegistrationAccessToken: false },
    resourceIndicators: {
      enabled: true,
      async getResourceServerInfo(_ctx, indicator) {
        if (indicator !== settings.resource) throw new Provider.errors.InvalidTarget(`unknown resource ${indicator}`);
        return { scope: 'mutasi', audience: settings.audience, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  async extraTokenClaims(_ctx, token) {
    if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
    const account = accounts.get(token.accountId);
    return account ? mutasiClaims(account) : undefined;
  },
  ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
  renderError(ctx, out) {
    ctx.type = 'json';
    ctx.body = out;
  },
});

server.on('request', provider.callback());
process.on('SIGTERM', () => server.close(() => process.exit(0)));
// The test process gone (a crashed jest worker): go too, rather than linger on a port.
process.on('disconnect', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      text += chunk;
    });
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}
