import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * nest-cli.json (Nest monorepo mode) names every app and lib of the tree, with the entry file each really has. The
 * one exception is the web app, apps/web: a Vite build for the browser (npm run build:web), not a Node project.
 */
describe('nest-cli.json', () => {
  const ROOT = join(__dirname, '..', '..');
  const WEB_APP = 'apps/web';
  const cli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
    monorepo: boolean;
    projects: Record<string, { type: string; root: string; entryFile: string; sourceRoot: string }>;
  };
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('is in monorepo mode and lists exactly the folders of apps/ and libs/, all but the web app', () => {
    expect(cli.monorepo).toBe(true);
    const folders = [...readdirSync(join(ROOT, 'apps')).map((a) => `apps/${a}`), ...readdirSync(join(ROOT, 'libs')).map((l) => `libs/${l}`)].filter((f) => f !== WEB_APP).sort();
    expect(
      Object.values(cli.projects)
        .map((p) => p.root)
        .sort(),
    ).toEqual(folders);
  });

  it('points each project at an entry file that exists', () => {
    for (const [name, p] of Object.entries(cli.projects)) {
      const entry = join(ROOT, p.sourceRoot, `${p.entryFile}.ts`);
      expect({ name, type: p.type, entry: readFileSync(entry, 'utf8').length > 0 }).toEqual({ name, type: p.root.startsWith('apps/') ? 'application' : 'library', entry: true });
    }
  });

  it('knows apps/web as the Vite web app: a page and a Vite config, no Node entry point, built by build:web', () => {
    expect({
      page: existsSync(join(ROOT, WEB_APP, 'index.html')),
      vite: existsSync(join(ROOT, WEB_APP, 'vite.config.ts')),
      node: existsSync(join(ROOT, WEB_APP, 'src', 'main.ts')),
    }).toEqual({ page: true, vite: true, node: false });
    expect(scripts['build:web']).toContain(`--config ${WEB_APP}/vite.config.ts`);
    expect(scripts.build).toContain('build:web');
  });
});
