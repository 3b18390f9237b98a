import { promises as fs } from 'fs';
import * as path from 'path';

/** The suffix of the temporary files writeFileAtomic leaves only when the process dies mid-write. */
export const TMP_SUFFIX = '.tmp';

/**
 * Writes a file so that readers see either the old or the new content, never half of it, even
 * after a crash: a temporary file beside the target, flushed to disk, renamed over it, and the
 * folder flushed too. A symbolic link stays a link (its target is written) and an existing file
 * keeps its mode. `beforeRename` may refuse the write (return false) once the new content is on
 * disk; the temporary file is then removed, as on any failure.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, beforeRename?: () => Promise<boolean>): Promise<boolean> {
  const target = await linkTarget(file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const mode = await fs.stat(target).then(
    s => s.mode & 0o7777,
    () => undefined,
  );
  const tmp = `${target}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}${TMP_SUFFIX}`;
  try {
    const handle = await fs.open(tmp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode); // the umask applied at creation
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (beforeRename && !(await beforeRename())) {
      await fs.rm(tmp, { force: true });
      return false;
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await syncFolder(path.dirname(target));
  return true;
}

/** Where writing `file` lands: the file a symbolic link (or a chain of them) points to. */
export async function linkTarget(file: string): Promise<string> {
  let target = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const link = await fs.readlink(target).catch(() => undefined);
    if (link === undefined) return target;
    target = path.resolve(path.dirname(target), link);
  }
  throw new Error(`${file}: too many levels of symbolic links`);
}

/** Flushes a folder's entries (the rename); Windows cannot open a folder for that, and needs it less. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (e) {
    if (process.platform !== 'win32') throw e;
  } finally {
    await handle?.close();
  }
}
