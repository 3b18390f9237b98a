// `npm run bench [-- FILE.conll]`: indexing at corpus scale, the way the extension does it
// (analysis in worker threads, the index in the main thread). For 1,000 and 10,000 documents:
// analysis throughput against bare wink readDoc on the same texts, cold index time (analyse +
// write the cache + index), warm index time (hash + read the cache + index), their ratio, and
// the peak RSS of each pass's process. Prints figures; it is not a test.
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { AnalysisCache, contentHash } from '../src/core/analysisCache';
import { analyzeDocument } from '../src/core/analyzer';
import { ANALYZER_VERSION } from '../src/core/analyzerVersion';
import { CorpusIndex } from '../src/core/corpusIndex';
import { AnalysisPool } from '../src/core/analysisPool';
import { benchCorpus } from './benchCorpus';

const seconds = (t0: number): number => (performance.now() - t0) / 1000;
/** Documents in flight and documents per index batch, as in the extension's CorpusService. */
const LANES = 2 * Math.max(1, cpus().length);
/** The worker the extension runs (`npm run bench` builds it first). */
const WORKER = join(__dirname, '..', 'dist', 'worker.js');
const MERGE_BATCH = 100;

/** As the extension does it: worker threads, a few documents in flight, merges in batches. */
async function indexAll(docs: string[], cache: AnalysisCache, pool: AnalysisPool): Promise<{ index: CorpusIndex; analysed: number }> {
  const index = new CorpusIndex();
  let analysed = 0;
  let next = 0;
  let merges: Array<() => void> = [];
  const flush = () => {
    index.batch(() => merges.forEach(merge => merge()));
    merges = [];
  };
  const lane = async () => {
    for (let i = next++; i < docs.length; i = next++) {
      const text = docs[i];
      const hash = contentHash(text);
      let analysis = await cache.get(hash, text);
      if (!analysis) {
        analysis = await pool.analyze(`doc-${i}.txt`, text);
        analysed++;
        await cache.put(hash, analysis);
      }
      const result = analysis;
      merges.push(() => index.setPackedDocument(`doc-${i}.txt`, text, result));
      if (merges.length >= MERGE_BATCH) flush();
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  flush();
  return { index, analysed };
}

interface PassResult {
  seconds: number;
  analysed: number;
  rssMB: number;
  stats: ReturnType<CorpusIndex['stats']>;
}

/** One indexing pass in this process (a child of main), printed as JSON. */
async function pass(size: number, dir: string, conll: string | undefined): Promise<void> {
  const docs = benchCorpus(size, conll);
  const pool = new AnalysisPool(WORKER, Math.max(1, cpus().length - 1), message => console.error(message));
  const t0 = performance.now();
  const { index, analysed } = await indexAll(docs, new AnalysisCache(dir, ANALYZER_VERSION), pool);
  pool.dispose();
  const result: PassResult = { seconds: seconds(t0), analysed, rssMB: process.resourceUsage().maxRSS / 1024, stats: index.stats() };
  console.log(JSON.stringify(result));
}

/**
 * Cold and warm passes are different VS Code sessions (the first opening of a corpus, a later
 * reopen), so each runs in a process of its own and its peak RSS is its own.
 */
function runPass(size: number, dir: string, conll: string | undefined): PassResult {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, PASS, String(size), dir, conll ?? ''], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main(conll: string | undefined): Promise<void> {
  console.log(`node ${process.version}, analyzer ${ANALYZER_VERSION}`);
  const nlp = winkNLP(model);
  for (const size of [1000, 10000]) {
    const docs = benchCorpus(size, conll);
    // Throughput on the same texts (300 spread over the corpus; three warm-up rounds of each,
    // then alternating rounds; the best counts, as in bench:core).
    const slice = docs.filter((_, i) => i % Math.ceil(size / 300) === 0);
    const tokens = slice.reduce((n, d) => n + nlp.readDoc(d).tokens().length(), 0);
    for (let round = 0; round < 3; round++) {
      for (const d of slice) {
        nlp.readDoc(d);
        analyzeDocument(d);
      }
    }
    let bare = 0;
    let ours = 0;
    for (let round = 0; round < 15; round++) {
      let t0 = performance.now();
      for (const d of slice) nlp.readDoc(d);
      bare = Math.max(bare, tokens / seconds(t0));
      t0 = performance.now();
      for (const d of slice) analyzeDocument(d);
      ours = Math.max(ours, tokens / seconds(t0));
    }

    const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-bench-'));
    try {
      const cold = runPass(size, dir, conll);
      const warm = runPass(size, dir, conll);
      const { stats } = warm;
      console.log(`\n${size.toLocaleString('en')} documents (${stats.tokens.toLocaleString('en')} tokens, ${stats.entities.toLocaleString('en')} entities, ${stats.mentions.toLocaleString('en')} mentions)`);
      console.log(`  throughput   analyzeDocument ${Math.round(ours).toLocaleString('en')} tokens/s vs wink readDoc ${Math.round(bare).toLocaleString('en')} tokens/s: ratio ${(ours / bare).toFixed(2)} (target >= 0.75)`);
      console.log(`  cold index   ${cold.seconds.toFixed(1)} s (${cold.analysed} analysed), peak RSS ${cold.rssMB.toFixed(0)} MB`);
      console.log(`  warm index   ${warm.seconds.toFixed(1)} s (${warm.analysed} analysed), peak RSS ${warm.rssMB.toFixed(0)} MB: ratio ${(warm.seconds / cold.seconds).toFixed(3)} (target <= 0.1)`);
      console.log(`  peak RSS     ${Math.max(cold.rssMB, warm.rssMB).toFixed(0)} MB (target <= 500 MB at 10,000)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const PASS = '--pass';
const [, , first, ...rest] = process.argv;
(first === PASS ? pass(Number(rest[0]), rest[1], rest[2] || undefined) : main(first)).catch(e => {
  console.error(e);
  process.exit(1);
});
