import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from './atomicWrite';
import type { DocumentAnalysis } from './types';

/** Bump when the layout of a cache file changes. */
const CACHE_FORMAT = 1;

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

interface CacheFile {
  format: number;
  analyzer: string;
  hash: string;
  analysis: DocumentAnalysis;
}

/**
 * Analyses on disk, one small file per content hash (sharded by its first two hex digits), so a
 * reopened corpus re-analyses only what changed and no single write blocks for long. Keyed by
 * the text's hash and the analyzer's version: an entry from another version is a miss. A file
 * that is unreadable or not what we wrote is reported and discarded, never trusted.
 */
export class AnalysisCache {
  constructor(
    private readonly dir: string,
    private readonly analyzer: string,
    private readonly onDiscard: (file: string, reason: string) => void = () => undefined,
  ) {}

  async get(hash: string): Promise<DocumentAnalysis | undefined> {
    const file = this.file(hash);
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const reason = this.invalid(raw, hash);
    if (typeof reason === 'string') {
      this.onDiscard(file, reason);
      await fs.rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
    return reason.analyzer === this.analyzer ? reason.analysis : undefined;
  }

  async put(hash: string, analysis: DocumentAnalysis): Promise<void> {
    const entry: CacheFile = { format: CACHE_FORMAT, analyzer: this.analyzer, hash, analysis };
    await writeFileAtomic(this.file(hash), JSON.stringify(entry));
  }

  private file(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  /** The parsed entry, or why it cannot be trusted. */
  private invalid(raw: string, hash: string): CacheFile | string {
    let entry: CacheFile;
    try {
      entry = JSON.parse(raw);
    } catch {
      return 'not valid JSON';
    }
    if (!entry || typeof entry !== 'object' || entry.format !== CACHE_FORMAT) return 'unknown format';
    if (entry.hash !== hash) return 'content hash mismatch';
    const a = entry.analysis;
    if (!a || typeof a.analyzer !== 'string' || !Array.isArray(a.mentions) || !Array.isArray(a.sentences) || typeof a.tokens !== 'number') {
      return 'malformed analysis';
    }
    return entry;
  }
}
