import * as fs from 'fs';
import * as path from 'path';
import { reason } from './boundedRead';

export interface WalkOptions {
  /** Whether to take a folder's file, by its path relative to the folder walked ('/'-separated). */
  include(relative: string): boolean;
  /** Follow symbolic links to files and folders outside the folder walked. */
  followSymlinks: boolean;
  report(message: string): void;
}

/** Deeper folders are skipped: nothing real nests this far, and paths soon outgrow what the system accepts. */
export const MAX_FOLDER_DEPTH = 64;

const CORPUS_FILE = /\.(txt|md)$/i;

interface Folder {
  path: string;
  relative: string;
  id: string;
  parent: Folder | undefined;
  depth: number;
  entries?: fs.Dirent[];
  next: number;
}

/** An entry reached through a symbolic link, walked once the real entries are (so a real path names what both reach). */
interface Link {
  path: string;
  relative: string;
  stat: fs.Stats;
  folder: Folder;
}

/**
 * The corpus files under `paths`, in argument order then name order within folders: files named
 * are taken whatever their extension, folders give their `.txt` and `.md` files. Hidden entries
 * are skipped; so are links leaving the folder walked (unless `followSymlinks`), link loops and
 * folders nested too deep, each with a message. Each real file (or folder) is taken once, under
 * the first path found for it, however many links or hard links lead to it. Files that are not
 * regular (FIFOs, devices) are returned too: reading checks them, without opening them.
 */
export function corpusFiles(paths: readonly string[], options: WalkOptions): string[] {
  const taken = new Map<string, string>();
  const files: string[] = [];
  for (const arg of paths) {
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(arg);
      real = fs.realpathSync(arg);
    } catch (error) {
      options.report(`${arg}: cannot read: ${reason(error)}`);
      continue;
    }
    if (!takeOnce(arg, stat, taken, options.report)) continue;
    if (!stat.isDirectory()) files.push(arg);
    else walk({ path: arg, relative: '', id: identity(stat), parent: undefined, depth: 0, next: 0 }, real, taken, files, options);
  }
  return files;
}

function walk(root: Folder, rootReal: string, taken: Map<string, string>, files: string[], options: WalkOptions): void {
  const { report } = options;
  const stack: Folder[] = [root];
  const links: Link[] = [];
  let nextLink = 0;
  const enter = (entry: { path: string; relative: string; stat: fs.Stats }, folder: Folder) => {
    if (!entry.stat.isDirectory()) {
      if (takeOnce(entry.path, entry.stat, taken, report)) files.push(entry.path);
      return;
    }
    const id = identity(entry.stat);
    for (let f: Folder | undefined = folder; f; f = f.parent) {
      if (f.id === id) return report(`${entry.path}: skipped: symbolic link loop`);
    }
    if (folder.depth >= MAX_FOLDER_DEPTH) return report(`${entry.path}: skipped: more than ${MAX_FOLDER_DEPTH} nested folders`);
    if (!takeOnce(entry.path, entry.stat, taken, report)) return;
    stack.push({ path: entry.path, relative: entry.relative, id, parent: folder, depth: folder.depth + 1, next: 0 });
  };

  for (;;) {
    const folder = stack.at(-1);
    if (!folder) {
      const link = links[nextLink++];
      if (!link) return;
      enter(link, link.folder);
      continue;
    }
    folder.entries ??= readFolder(folder.path, report);
    const entry = folder.entries[folder.next++];
    if (!entry) {
      stack.pop();
      continue;
    }
    if (entry.name.startsWith('.')) continue;
    const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
    const wanted = CORPUS_FILE.test(entry.name) && options.include(relative);
    // Only folders and wanted files are looked at further: a stat each, for their identity.
    if (!entry.isSymbolicLink() && !entry.isDirectory() && !wanted) continue;
    const full = path.join(folder.path, entry.name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      report(`${full}: cannot read: ${reason(error)}`);
      continue;
    }
    if (!stat.isDirectory() && !wanted) continue;
    if (!entry.isSymbolicLink()) {
      enter({ path: full, relative, stat }, folder);
      continue;
    }
    if (!options.followSymlinks && !inside(rootReal, full, report)) continue;
    links.push({ path: full, relative, stat, folder });
  }
}

/** Whether the link `file` leads inside `rootReal`; says why not. */
function inside(rootReal: string, file: string, report: (message: string) => void): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    report(`${file}: cannot read: ${reason(error)}`);
    return false;
  }
  const relative = path.relative(rootReal, real);
  if (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)) return true;
  report(`${file}: skipped: symbolic link leading out of the folder (to ${real}; --follow-symlinks follows it)`);
  return false;
}

function readFolder(folder: string, report: (message: string) => void): fs.Dirent[] {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    report(`${folder}: cannot read: ${reason(error)}`);
    return [];
  }
}

/** False, with a message, for a file or folder already taken under another path. */
function takeOnce(file: string, stat: fs.Stats, taken: Map<string, string>, report: (message: string) => void): boolean {
  const id = identity(stat);
  const first = taken.get(id);
  if (first === undefined) {
    taken.set(id, file);
    return true;
  }
  if (first !== file) report(`${file}: skipped: same ${stat.isDirectory() ? 'folder' : 'file'} as ${first}`);
  return false;
}

function identity(stat: fs.Stats): string {
  return `${stat.dev}:${stat.ino}`;
}
