import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Temp files end in this; a crash between write and rename leaves one, removed on the next start. */
export const TEMP_SUFFIX = '.tmp';

/**
 * Replaces `path` with `text` so that a crash at any moment leaves either the old file or the new one: write a temp
 * file next to it, fsync it, rename it over, fsync the directory (so the rename itself survives a power cut).
 */
export async function replaceFile(path: string, text: string): Promise<void> {
  const temp = await writeTemp(path, text);
  try {
    await rename(temp, path);
  } catch (error: unknown) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Creates `path` with `text` unless it exists, atomically (a hard link never replaces a file).
 * @returns false when the file was already there (its content is left as it was)
 */
export async function createFileOnce(path: string, text: string): Promise<boolean> {
  const temp = await writeTemp(path, text);
  try {
    await link(temp, path);
    return true;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
    await syncDirectory(dirname(path));
  }
}

async function writeTemp(path: string, text: string): Promise<string> {
  const temp = `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the file itself is already on disk.
  } finally {
    await handle?.close();
  }
}
