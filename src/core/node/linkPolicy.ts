// The link policy for corpus files: a link may not lead out of the corpus root, and each real
// file is one document whatever links point to it. The choice is pure (paths in, paths out);
// resolving the real paths is the caller's, and firstLinkBelow does it for a write target.
import { promises as fs } from 'fs';
import * as path from 'path';

/** Whether the real path `real` is `root` or under it (both resolved by realpath). */
export function isWithin(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export interface CorpusCandidate {
  path: string;
  /** The file's real path; undefined when it cannot be resolved (a broken link: its reader says why). */
  real: string | undefined;
}

export interface LinkChoice {
  kept: string[];
  /** Paths whose real file lies outside the root. */
  outside: string[];
  /** Further paths to a real file already kept. */
  duplicates: string[];
}

/**
 * The paths to analyse: those whose real file is under `root`, one per real file, preferring the
 * path that is the real one (no link on the way), else the first in code-point order, so a scan
 * always picks the same document.
 */
export function chooseCorpusFiles(candidates: readonly CorpusCandidate[], root: string): LinkChoice {
  const choice: LinkChoice = { kept: [], outside: [], duplicates: [] };
  const byReal = new Map<string, string>();
  const sorted = [...candidates].sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path: p, real } of sorted) {
    if (real === undefined) choice.kept.push(p);
    else if (!isWithin(root, real)) choice.outside.push(p);
    else if (byReal.has(real)) choice.duplicates.push(p);
    else {
      byReal.set(real, p);
      choice.kept.push(p);
    }
  }
  return choice;
}

const rank = (c: CorpusCandidate) => (c.real === c.path ? 0 : 1);

/**
 * The first symbolic link on the way from the folder `root` to `target` (a file under it that
 * may not exist yet): a folder that is a link, or the file itself when it is a link out of
 * `root`. Undefined when there is none; writing `target` then stays under `root`.
 */
export async function firstLinkBelow(root: string, target: string): Promise<string | undefined> {
  const parts = path.relative(root, target).split(path.sep);
  let at = root;
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part);
    const stat = await fs.lstat(at).catch(() => undefined);
    if (!stat) return undefined; // nothing further exists: created under `root`
    if (!stat.isSymbolicLink()) continue;
    if (i < parts.length - 1) return at;
    const real = await fs.realpath(at).catch(() => undefined);
    if (!real || !isWithin(await fs.realpath(root), real)) return at;
  }
  return undefined;
}
