import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNotRunning } from './data-folder-claim';
import { checkJava } from './java-check';

describe('local start-up checks', () => {
  it('no Java: named with how to fix it, instead of spawn java ENOENT', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-java-'));
    try {
      expect(checkJava({ PATH: empty })).toMatch(/^Java is needed to run the local Kafka broker but "java" cannot be run \(not on PATH\): install a JDK 17/);
      expect(checkJava({ PATH: empty, JAVA_HOME: empty })).toContain('(JAVA_HOME)');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
  it('Java on PATH passes', () => {
    expect(checkJava()).toBeNull();
  });
  it('a runtime.json of a process that is gone is no obstacle; one of a live process is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtime-'));
    try {
      writeFileSync(join(dir, 'runtime.json'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
      expect(checkNotRunning(dir)).toBeNull();
      writeFileSync(join(dir, 'runtime.json'), JSON.stringify({ pid: process.ppid, url: 'http://127.0.0.1:3000' }));
      expect(checkNotRunning(dir)).toContain(`Mutasi is already running from ${dir} (pid ${process.ppid}, http://127.0.0.1:3000)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
