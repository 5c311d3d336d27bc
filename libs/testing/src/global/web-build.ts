import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Builds the web app (apps/web) from the current source into `outDir` with vite (about 15 s), so a test serves what
 * the sources say and never a stale `dist/web`. Resolves to `outDir`; a failed build rejects with vite's output.
 */
export function buildWebApp(outDir: string): Promise<string> {
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(ROOT, 'apps', 'web', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve(outDir) : reject(new Error(`vite build of apps/web failed (${signal ?? code}):\n${output}`))));
  });
}
