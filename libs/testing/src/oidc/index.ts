/** A real OpenID Connect provider for tests (oidc-provider in a child process) and a user who signs in at it. */
export * from './test-oidc-provider';
export * from './provider-login';
