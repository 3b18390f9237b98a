// Read-modify-write of a file that other processes write too (another window, a person in an
// editor): nothing they wrote is lost, and nothing lands outside the folder it belongs to.
import { promises as fs } from 'fs';
import * as path from 'path';
import { linkTarget, writeFileAtomic } from './atomicWrite';
import { withFileLock } from './fileLock';

/** Rounds of "the file changed while we wrote it: start again on its new content". */
const ATTEMPTS = 5;

/**
 * Under a cross-process lock, gives `edit` the file's bytes (undefined when there is no file) and
 * writes what it returns (nothing when undefined), unless the file changed meanwhile: then `edit`
 * runs again on the new content. Refuses a file (or link target) outside `root`. Resolves to
 * whether it wrote.
 */
export async function updateSharedFile(
  file: string,
  root: string,
  edit: (current: Uint8Array | undefined) => string | undefined,
): Promise<boolean> {
  const target = await linkTarget(file);
  if (!inside(await realPath(root), await realPath(target))) {
    throw new Error(`${file} resolves to ${target}, outside ${root}: not written`);
  }
  await fs.mkdir(path.dirname(target), { recursive: true }); // for the lock
  return withFileLock(target, async () => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await read(target);
      const next = edit(current);
      if (next === undefined) return false;
      const unchanged = async (): Promise<boolean> => same(current, await read(target));
      if (await writeFileAtomic(target, next, unchanged)) return true;
    }
    throw new Error(`${file} keeps changing: not written`);
  });
}

async function read(file: string): Promise<Uint8Array | undefined> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function same(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a === undefined || b === undefined ? a === b : Buffer.compare(a, b) === 0;
}

/** `file` with the links of its existing part resolved (the folders still to create cannot be links). */
async function realPath(file: string): Promise<string> {
  const missing: string[] = [];
  let at = path.resolve(file);
  for (;;) {
    const real = await fs.realpath(at).catch(() => undefined);
    if (real !== undefined) return path.join(real, ...missing);
    const parent = path.dirname(at);
    if (parent === at) return path.resolve(file);
    missing.unshift(path.basename(at));
    at = parent;
  }
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
