// One indexing pass of `npm run bench`, the way the extension does it: analysis in worker
// threads (or the cache), the index in the main thread. bench.ts runs it bundled, in a process
// of its own, so that its peak RSS is what the extension host would hold: no TypeScript loader
// and no wink model in the main thread. Prints a PassResult as JSON.
import { cpus } from 'os';
import { join } from 'path';
import { AnalysisCache, contentHash } from '../src/core/node/analysisCache';
import { ANALYZER_VERSION } from '../src/core/recognition/analyzerVersion';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import { AnalysisPool } from '../src/core/node/analysisPool';
import { benchCorpus } from './benchCorpus';

export interface PassResult {
  seconds: number;
  analysed: number;
  rssMB: number;
  stats: ReturnType<CorpusIndex['stats']>;
}

/** Documents in flight and documents per index batch, as in the extension's CorpusService. */
const LANES = 2 * Math.max(1, cpus().length);
const MERGE_BATCH = 100;
/** The worker the extension runs (`npm run bench` builds it first). */
const WORKER = join(__dirname, '..', 'dist', 'worker.js');

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

async function pass(size: number, dir: string, conll: string | undefined): Promise<void> {
  const docs = benchCorpus(size, conll);
  const pool = new AnalysisPool(WORKER, Math.max(1, cpus().length - 1), message => console.error(message));
  const t0 = performance.now();
  const { index, analysed } = await indexAll(docs, new AnalysisCache(dir, ANALYZER_VERSION), pool);
  pool.dispose();
  const result: PassResult = {
    seconds: (performance.now() - t0) / 1000,
    analysed,
    rssMB: process.resourceUsage().maxRSS / 1024,
    stats: index.stats(),
  };
  console.log(JSON.stringify(result));
}

if (require.main === module) {
  const [, , size, dir, conll] = process.argv;
  pass(Number(size), dir, conll || undefined).catch(e => {
    console.error(e);
    process.exit(1);
  });
}
