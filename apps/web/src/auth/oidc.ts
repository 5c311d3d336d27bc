/**
 * Production sign-in of the web app (`/app/masuk`): OpenID Connect, authorization code + PKCE, as a public client
 * (docs/sign-in.md). `beginOidcSignIn` leaves for the provider; at `/app/masuk/callback`, `completeOidcSignIn`
 * returns the access token the API accepts. Errors are `OidcSignInError`s with messages for the user.
 */
import { beginSignIn, completeSignIn, SignInEnvironment } from './oidc-flow';
import { OidcSignInConfig, SignedIn } from './oidc-protocol';

export type { OidcSignInConfig, SignedIn } from './oidc-protocol';
export { OidcSignInError } from './oidc-protocol';
export { PENDING_SIGN_IN_KEY } from './oidc-flow';

function browser(): SignInEnvironment {
  return {
    storage: window.sessionStorage,
    origin: window.location.origin,
    navigate: (url) => window.location.assign(url),
    fetch: (input, init) => window.fetch(input, init),
    now: () => Date.now(),
  };
}

/** Sends the browser to the identity provider; resolves just before the page is left. */
export function beginOidcSignIn(config: OidcSignInConfig): Promise<void> {
  return beginSignIn(config, browser());
}

/** At the redirect URI (`url`, usually `location.href`): the access token for `Authorization: Bearer`. */
export function completeOidcSignIn(config: OidcSignInConfig, url: string): Promise<SignedIn> {
  return completeSignIn(config, url, browser());
}
