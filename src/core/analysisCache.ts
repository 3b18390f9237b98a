import { createHash } from 'crypto';
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from './atomicWrite';
import { PackedAnalysis, packedProblem } from './packedAnalysis';

/** Bump when the layout of a cache file changes. */
const CACHE_FORMAT = 2;

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

interface CacheFile {
  format: number;
  analyzer: string;
  hash: string;
  analysis: PackedAnalysis;
}

/**
 * Analyses on disk, one small file per content hash (sharded by its first two hex digits), so a
 * reopened corpus re-analyses only what changed and no single write blocks for long. Keyed by
 * the text's hash and the analyzer's version: an entry from another version is a miss. A file
 * that is unreadable or not what we wrote is reported and discarded, never trusted. Entries are
 * packed (see PackedAnalysis): reading them back is most of what a warm reopen costs.
 */
export class AnalysisCache {
  constructor(
    private readonly dir: string,
    private readonly analyzer: string,
    private readonly onDiscard: (file: string, reason: string) => void = () => undefined,
  ) {}

  /**
   * The cached analysis of `text`, whose content hash is `hash`. The read is synchronous: an
   * entry is a few KB on local disk, read in microseconds, while an asynchronous read takes four
   * thread-pool round trips (open, stat, read, close), which made up half of a warm reopen.
   */
  async get(hash: string, text: string): Promise<PackedAnalysis | undefined> {
    const file = this.file(hash);
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const entry = this.parse(raw, hash);
    if (typeof entry !== 'string' && entry.analyzer !== this.analyzer) return undefined;
    const problem = typeof entry === 'string' ? entry : packedProblem(entry.analysis, text);
    if (problem !== undefined) {
      this.onDiscard(file, problem);
      await fs.rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
    return (entry as CacheFile).analysis;
  }

  async put(hash: string, analysis: PackedAnalysis): Promise<void> {
    const entry: CacheFile = { format: CACHE_FORMAT, analyzer: this.analyzer, hash, analysis };
    await writeFileAtomic(this.file(hash), JSON.stringify(entry));
  }

  private file(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  /** The parsed entry, or why it cannot be trusted. */
  private parse(raw: string, hash: string): CacheFile | string {
    let entry: CacheFile;
    try {
      entry = JSON.parse(raw);
    } catch {
      return 'not valid JSON';
    }
    if (!entry || typeof entry !== 'object' || entry.format !== CACHE_FORMAT) return 'unknown format';
    if (entry.hash !== hash) return 'content hash mismatch';
    if (!entry.analysis || typeof entry.analysis !== 'object') return 'malformed analysis';
    return entry;
  }
}
