import * as crypto from 'crypto';
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { TMP_SUFFIX, writeFileAtomic } from './atomicWrite';
import { MENTION_FIELDS, PackedAnalysis, packedProblem } from '../index/packedAnalysis';
import { surfaceForm } from '../text/nameForms';
import { ENTITY_TYPES } from '../types';

/** Bump when the layout of a cache file changes; each format keeps to a folder of its own. */
const CACHE_FORMAT = 3;
const FORMAT_FOLDER = `format-${CACHE_FORMAT}`;
/** Bytes before the header: the format, then the header's length. */
const PREFIX = 8;
/** A write takes milliseconds: a temporary file this old is a crashed one's, not another window's. */
const TMP_STALE_MS = 10 * 60_000;

/** The text's SHA-1, one-shot where the runtime has crypto.hash (Node 20.12; VS Code 1.85 runs Node 18): it is cheaper. */
export const contentHash: (text: string) => string =
  typeof crypto.hash === 'function' ? text => crypto.hash('sha1', text) : text => crypto.createHash('sha1').update(text).digest('hex');

/** An entry's JSON header: the packed analysis without its integers, which follow it in binary. */
interface Header extends Omit<PackedAnalysis, 'sentences' | 'mentions'> {
  hash: string;
  /** How many integers `sentences` and `mentions` hold. */
  sentences: number;
  mentions: number;
}

/**
 * Analyses on disk, one small file per content hash (sharded by its first two hex digits), so a
 * reopened corpus re-analyses only what changed and no single write blocks for long. Keyed by
 * the text's hash and the analyzer's version: an entry from another version is a miss. A file
 * that is unreadable or not what we wrote is reported and discarded, never trusted.
 *
 * Reading entries back is most of what a warm reopen costs, so an entry is binary: the format,
 * the length of a JSON header (strings and scalars), the header, padding to 4 bytes, then the
 * sentence and mention integers as they lie in memory (the cache never leaves this machine, so
 * its byte order is the machine's).
 */
export class AnalysisCache {
  constructor(
    private readonly dir: string,
    private readonly analyzer: string,
    private readonly onDiscard: (file: string, reason: string) => void = () => undefined,
  ) {}

  /**
   * The cached analysis of `text`, whose content hash is `hash`. The read is synchronous: an entry
   * is a few KB on local disk, and an asynchronous read costs four thread-pool round trips.
   */
  async get(hash: string, text: string): Promise<PackedAnalysis | undefined> {
    const file = this.file(hash);
    let raw: Buffer;
    try {
      raw = readFileSync(file);
    } catch {
      return undefined;
    }
    const entry = this.parse(raw, hash);
    if (typeof entry !== 'string' && entry.analyzer !== this.analyzer) return undefined;
    const problem = typeof entry === 'string' ? entry : (packedProblem(entry, text) ?? entryProblem(entry, text));
    if (problem !== undefined) {
      this.onDiscard(file, problem);
      await fs.rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
    return entry as PackedAnalysis;
  }

  async put(hash: string, analysis: PackedAnalysis): Promise<void> {
    const { sentences, mentions, ...rest } = analysis;
    const header: Header = { ...rest, hash, sentences: sentences.length, mentions: mentions.length };
    const json = Buffer.from(JSON.stringify(header));
    const numbersAt = align4(PREFIX + json.length);
    const entry = Buffer.alloc(numbersAt + sentences.byteLength + mentions.byteLength);
    entry.writeUInt32LE(CACHE_FORMAT, 0);
    entry.writeUInt32LE(json.length, 4);
    json.copy(entry, PREFIX);
    entry.set(bytesOf(sentences), numbersAt);
    entry.set(bytesOf(mentions), numbersAt + sentences.byteLength);
    await writeFileAtomic(this.file(hash), entry);
  }

  /** Removes what other formats left in the cache's folder; returns their names. */
  async removeOtherFormats(): Promise<string[]> {
    const names = await fs.readdir(this.dir).catch(() => []);
    const others = names.filter(name => name !== FORMAT_FOLDER);
    await Promise.all(others.map(name => fs.rm(path.join(this.dir, name), { recursive: true, force: true })));
    return others;
  }

  /**
   * Removes the entries, written before `writtenBefore` (epoch ms), of texts whose hash is not in
   * `keep`, and temporary files older than TMP_STALE_MS (of writes a crash cut short): what edits,
   * deletions and crashes left behind. Returns how many went.
   */
  async prune(keep: ReadonlySet<string>, writtenBefore: number): Promise<number> {
    const root = path.join(this.dir, FORMAT_FOLDER);
    let removed = 0;
    for (const shard of await fs.readdir(root).catch(() => [])) {
      for (const name of await fs.readdir(path.join(root, shard)).catch(() => [])) {
        const file = path.join(root, shard, name);
        const temporary = name.endsWith(TMP_SUFFIX);
        if (!temporary && (!name.endsWith('.bin') || keep.has(name.slice(0, -'.bin'.length)))) continue;
        const stat = await fs.stat(file).catch(() => undefined);
        if (!stat || stat.mtimeMs >= (temporary ? Date.now() - TMP_STALE_MS : writtenBefore)) continue;
        await fs.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private file(hash: string): string {
    return path.join(this.dir, FORMAT_FOLDER, hash.slice(0, 2), `${hash}.bin`);
  }

  /** The entry's analysis (not checked against the text yet), or why it cannot be trusted. */
  private parse(raw: Buffer, hash: string): PackedAnalysis | string {
    if (raw.length < PREFIX || raw.readUInt32LE(0) !== CACHE_FORMAT) return 'unknown format';
    const headerEnd = PREFIX + raw.readUInt32LE(4);
    const numbersAt = align4(headerEnd);
    if (numbersAt > raw.length) return 'truncated';
    let header: Header;
    try {
      header = JSON.parse(raw.toString('utf8', PREFIX, headerEnd));
    } catch {
      return 'not valid JSON';
    }
    if (!header || typeof header !== 'object') return 'unknown format';
    if (header.hash !== hash) return 'content hash mismatch';
    const { analyzer, date, tokens, keys, strings, values, sentences, mentions } = header;
    if (!Number.isInteger(sentences) || !Number.isInteger(mentions) || sentences < 0 || mentions < 0) return 'malformed analysis';
    if (raw.length !== numbersAt + 4 * (sentences + mentions)) return 'truncated';
    // Copied, not viewed: small files share one pooled buffer, which a view would keep alive.
    const numbers = new Int32Array(sentences + mentions);
    bytesOf(numbers).set(raw.subarray(numbersAt));
    const [sentenceNumbers, mentionNumbers] = [numbers.subarray(0, sentences), numbers.subarray(sentences)];
    return { analyzer, date, tokens, keys, strings, values, sentences: sentenceNumbers, mentions: mentionNumbers };
  }
}

const KEY = new RegExp(`^(${ENTITY_TYPES.join('|')}):\\S`);

/**
 * What packedProblem leaves to check in an entry read back from disk: sentences ordered and
 * within the text, every key `TYPE:name` of its mention's type, every mention's surface form that
 * of its span (so a shifted span shows), names and values well-formed.
 */
function entryProblem({ tokens, sentences, mentions, keys, strings, values }: PackedAnalysis, text: string): string | undefined {
  if (!Number.isInteger(tokens) || tokens < 0) return 'malformed analysis';
  for (let at = 0, previousEnd = 0; at < sentences.length; at += 2) {
    if (sentences[at] < previousEnd || sentences[at + 1] < sentences[at] || sentences[at + 1] > text.length) return 'sentence out of range';
    previousEnd = sentences[at + 1];
  }
  if (!keys.every(key => KEY.test(key))) return 'malformed key';
  for (let at = 0; at < mentions.length; at += MENTION_FIELDS) {
    const key = keys[mentions[at + 3]];
    if (key.slice(0, key.indexOf(':')) !== ENTITY_TYPES[mentions[at + 2]]) return 'mention of another type than its key';
    if (!strings[mentions[at + 4]].trim() || strings[mentions[at + 5]] !== surfaceForm(text.slice(mentions[at], mentions[at + 1]))) {
      return 'mention names that do not fit the text';
    }
  }
  let previous = -1;
  for (const [index, value] of values) {
    if (index <= previous || index >= mentions.length / MENTION_FIELDS || value === '') return 'malformed value';
    previous = index;
  }
  return undefined;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function bytesOf(numbers: Int32Array): Uint8Array {
  return new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength);
}
