import * as os from 'os';
import * as path from 'path';
import { CompiledCorrections, applyCorrections } from '../core/corrections/corrections';
import { CorpusIndex } from '../core/index/corpusIndex';
import { PackedAnalysis, unpackAnalysis } from '../core/index/packedAnalysis';
import { AnalysisPool } from '../core/node/analysisPool';
import { fileSize, readRegularFile, reason } from '../core/node/boundedRead';
import { decodeText } from '../core/text/decodeText';
import type { AnalyzeOptions, DocumentAnalysis } from '../core/types';
import { workerCount } from './workerCount';

/** The bundle's worker sits beside dist/cli.js; run from the sources (as the unit tests do, with tsx), the worker's source. */
const WORKER = __filename.endsWith('.ts') ? path.join(__dirname, '..', 'worker', 'analysisWorker.ts') : path.join(__dirname, 'worker.js');

/** Documents read and sent per worker, so that each has the next one queued when it finishes one. */
const IN_FLIGHT_PER_WORKER = 2;

export interface IndexOptions {
  analyze: AnalyzeOptions;
  maxFileSizeMB: number;
  report(message: string): void;
}

/** Corrections work on objects; without any, the packed analysis goes to the index as it came. */
type Analysed = { file: string; text: string } & ({ packed: PackedAnalysis } | { corrected: DocumentAnalysis });

/**
 * Reads and analyses `files` in worker threads (see workerCount) and indexes
 * them in their order, each with its corrections (null for none). Files that cannot be read,
 * decoded or analysed are reported and left out.
 */
export async function indexFiles(
  files: string[],
  corrections: (CompiledCorrections | null)[],
  options: IndexOptions,
): Promise<CorpusIndex> {
  const index = new CorpusIndex();
  const workers = workerCount(os.cpus().length, files.length);
  const pool = new AnalysisPool(WORKER, workers, options.report);
  // null: left out. Documents join the index in file order, while the workers analyse the next ones.
  const analysed = new Array<Analysed | null | undefined>(files.length);
  let merged = 0;
  const merge = () =>
    index.batch(() => {
      for (; merged < files.length && analysed[merged] !== undefined; merged++) {
        const document = analysed[merged];
        if (!document) continue;
        if ('corrected' in document) index.setDocument(document.file, document.text, document.corrected);
        else index.setPackedDocument(document.file, document.text, document.packed);
      }
    });
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      analysed[i] = (await analyse(files[i], corrections[i], pool, options)) ?? null;
      merge();
    }
  };
  try {
    await Promise.all(Array.from({ length: workers * IN_FLIGHT_PER_WORKER }, lane));
  } finally {
    pool.dispose();
  }
  return index;
}

async function analyse(
  file: string,
  corrections: CompiledCorrections | null,
  pool: AnalysisPool,
  options: IndexOptions,
): Promise<Analysed | undefined> {
  const text = readText(file, options);
  if (text === null) return undefined;
  let packed: PackedAnalysis;
  try {
    packed = await pool.analyze(file, text, options.analyze);
  } catch (error) {
    options.report(`${file}: analysis failed: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  if (!corrections) return { file, text, packed };
  return { file, text, corrected: applyCorrections(text, unpackAnalysis(packed, text), corrections) };
}

/** The decoded text of a file, or null after reporting why it cannot be analysed. */
function readText(file: string, options: IndexOptions): string | null {
  const skip = (why: string) => {
    options.report(`${file}: ${why}`);
    return null;
  };
  let read;
  try {
    read = readRegularFile(file, Math.floor(options.maxFileSizeMB * 1048576));
  } catch (error) {
    return skip(`cannot read: ${reason(error)}`);
  }
  if ('notRegular' in read) return skip(`skipped: ${read.notRegular}`);
  if ('tooLarge' in read) return skip(`skipped: too large: ${fileSize(read.tooLarge)} (--max-file-size-mb is ${options.maxFileSizeMB})`);
  const decoded = decodeText(read.bytes);
  if ('skipped' in decoded) return skip(`skipped: ${decoded.skipped}`);
  for (const warning of decoded.warnings) options.report(`${file}: warning: ${warning}`);
  return decoded.text;
}
