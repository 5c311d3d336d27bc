import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_ROUTES, GATEWAY_UPSTREAMS, upstreamFor } from '@mutasi/platform';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every `/api` route a lib's controllers declare: `@Controller('api/x')` joined with each `@Get('y')`, `@Post`, `@Sse`… */
function apiRoutesOf(lib: string): string[] {
  return sources(join(ROOT, 'libs', lib, 'src')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const base = /@Controller\('([^']*)'\)/.exec(text)?.[1];
    if (base === undefined || !base.startsWith('api')) return [];
    return [...text.matchAll(/@(?:Get|Post|Put|Patch|Delete|Sse)\((?:'([^']*)')?/g)].map((m) => `/${[base, m[1]].filter(Boolean).join('/')}`);
  });
}

/** The libs each service's entry point imports (`@mutasi/<lib>`): the controllers that service serves. */
const serviceLibs = Object.fromEntries(
  Object.keys(GATEWAY_UPSTREAMS).map((service) => {
    const main = readFileSync(join(ROOT, 'apps', service, 'src', 'main.ts'), 'utf8');
    return [service, [...main.matchAll(/from '@mutasi\/([a-z-]+)'/g)].map((m) => m[1] as string)];
  }),
);

/**
 * The gateway's route table (libs/platform/src/gateway/gateway-routes.ts) against the code: each /api route goes to
 * a service whose entry point imports the lib that declares it, and no prefix of the table is served by nobody.
 */
describe('gateway route table', () => {
  const libs = ['transfers', 'notifications', 'audit', 'dashboard', 'platform'];
  const routes = libs.flatMap((lib) => apiRoutesOf(lib).map((path) => ({ lib, path })));

  it('finds the routes of every lib behind the gateway', () => {
    for (const lib of libs) expect({ lib, routes: routes.filter((r) => r.lib === lib).length > 0 }).toEqual({ lib, routes: true });
    expect(routes.length).toBeGreaterThan(40);
  });

  it("sends each route to a service that serves it (health is the gateway's own)", () => {
    for (const { lib, path } of routes) {
      if (path === '/api/health' || path === '/api/health/live' || path === '/api/health/ready') continue;
      const service = upstreamFor(path);
      expect({ path, lib, servedThere: service !== null && serviceLibs[service]?.includes(lib) }).toEqual({ path, lib, servedThere: true });
    }
  });

  it('has no prefix that no controller serves, beyond the OpenAPI document every service publishes', () => {
    const swagger = readFileSync(join(ROOT, 'libs', 'platform', 'src', 'nest', 'http-app.ts'), 'utf8');
    for (const { prefix } of API_ROUTES) {
      const served =
        routes.some((r) => r.path === prefix || r.path.startsWith(`${prefix}/`)) || (prefix.startsWith('/api/docs') && swagger.includes("SwaggerModule.setup('api/docs'"));
      expect({ prefix, served }).toEqual({ prefix, served: true });
    }
  });
});
