import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CompiledCorrections,
  CORRECTIONS_FILE,
  MAX_CORRECTIONS_BYTES,
  compileCorrections,
  oversized,
  parseCorrectionsFile,
} from '../core/corrections/corrections';
import { readRegularFile, reason } from '../core/node/boundedRead';
import { count } from './output';

/** A corrections file that cannot be used: reported as `file:line:column: message` (or `file: message`), exit 2. */
export class CorrectionsError extends Error {}

/**
 * The corrections for each document: the --corrections file, or the nearest
 * .corpus-lens/corrections.json in the document's folder or a folder above (as git finds
 * .gitignore files), so a corpus carries its corrections wherever it is analysed from. The search
 * ends at the repository's top folder (holding .git) or the home folder, and takes only a file the
 * user owns and alone can write: a file someone else planted in a shared folder (/tmp) is not
 * applied.
 */
export class CorrectionsFinder {
  private readonly loaded = new Map<string, CompiledCorrections>();
  private readonly nearest = new Map<string, string | null>();
  private readonly home = os.homedir();

  constructor(
    private readonly given: string | null | undefined,
    private readonly report: (m: string) => void,
  ) {}

  forDocument(file: string): CompiledCorrections | null {
    if (this.given === null) return null;
    if (this.given !== undefined) return this.load(this.given);
    const found = this.find(path.dirname(path.resolve(file)));
    return found === null ? null : this.load(found);
  }

  /** The compiled corrections of `file`; throws CorrectionsError when it cannot be read or is invalid. */
  load(file: string): CompiledCorrections {
    const known = this.loaded.get(file);
    if (known) return known;
    let read;
    try {
      read = readRegularFile(file, MAX_CORRECTIONS_BYTES);
    } catch (error) {
      throw new CorrectionsError(`${file}: cannot read corrections: ${reason(error)}`);
    }
    if ('notRegular' in read) throw new CorrectionsError(`${file}: cannot read corrections: ${read.notRegular}`);
    // The extension's limits and checks: a file too large, not UTF-8 or invalid is an error, never guessed at.
    if ('tooLarge' in read) throw new CorrectionsError(`${file}: ${oversized(read.tooLarge).error}`);
    const parsed = parseCorrectionsFile(read.bytes);
    if ('error' in parsed) throw new CorrectionsError(`${file}:${parsed.line}:${parsed.column}: invalid corrections: ${parsed.error}`);
    const compiled = compileCorrections(parsed.corrections);
    this.loaded.set(file, compiled);
    this.report(`applying ${count(parsed.corrections.corrections.length, 'correction')} from ${file}`);
    return compiled;
  }

  /** The corrections file that applies in `dir`, climbing as far as the repository's top or home. */
  private find(dir: string): string | null {
    const climbed: string[] = [];
    let found: string | null = null;
    for (let at = dir; ; at = path.dirname(at)) {
      const known = this.nearest.get(at);
      if (known !== undefined) {
        found = known;
        break;
      }
      climbed.push(at);
      const candidate = path.join(at, CORRECTIONS_FILE);
      if (statOf(candidate)?.isFile() && this.trusted(candidate)) {
        found = candidate;
        break;
      }
      if (at === this.home || path.dirname(at) === at || statOf(path.join(at, '.git'))) break;
    }
    for (const at of climbed) this.nearest.set(at, found);
    return found;
  }

  /** Whether the user owns `file` and its folder and nobody else can write them; says why not. */
  private trusted(file: string): boolean {
    const uid = process.getuid?.();
    if (uid === undefined) return true; // Windows: no owner and mode bits to check
    for (const checked of [file, path.dirname(file)]) {
      const stat = statOf(checked);
      if (!stat) return false; // gone meanwhile
      const why = stat.uid !== uid ? 'owned by another user' : stat.mode & 0o022 ? 'writable by others than its owner' : undefined;
      if (why) {
        this.report(`ignoring ${file}: ${checked === file ? 'it is' : 'its folder is'} ${why}`);
        return false;
      }
    }
    return true;
  }
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
