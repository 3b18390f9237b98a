// `npm run bench [-- FILE.conll]`: indexing at corpus scale, in one process (the extension spreads
// the analysis over worker threads; the per-document work is the same). For 1,000 and 10,000
// documents: analysis throughput against bare wink readDoc on the same texts, cold index time
// (analyse + write the cache + index), warm index time (hash + read the cache + index), their
// ratio, and peak RSS. Prints figures; it is not a test.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { AnalysisCache, contentHash } from '../src/core/analysisCache';
import { analyzeDocument } from '../src/core/analyzer';
import { ANALYZER_VERSION } from '../src/core/analyzerVersion';
import { CorpusIndex } from '../src/core/corpusIndex';
import type { DocumentAnalysis } from '../src/core/types';
import { benchCorpus } from './benchCorpus';

const nlp = winkNLP(model);
const seconds = (t0: number): number => (performance.now() - t0) / 1000;
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

async function indexAll(docs: string[], cache: AnalysisCache): Promise<{ index: CorpusIndex; analysed: number }> {
  const analyses: DocumentAnalysis[] = [];
  let analysed = 0;
  for (const text of docs) {
    const hash = contentHash(text);
    let analysis = await cache.get(hash);
    if (!analysis) {
      analysis = analyzeDocument(text);
      analysed++;
      await cache.put(hash, analysis);
    }
    analyses.push(analysis);
  }
  const index = new CorpusIndex();
  index.batch(() => docs.forEach((text, i) => index.setDocument(`doc-${i}.txt`, text, analyses[i])));
  return { index, analysed };
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, analyzer ${ANALYZER_VERSION}`);
  for (const size of [1000, 10000]) {
    const docs = benchCorpus(size, process.argv[2]);
    // Throughput on the same texts (a slice, alternating rounds, best round counts).
    const slice = docs.slice(0, 300);
    const tokens = slice.reduce((n, d) => n + nlp.readDoc(d).tokens().length(), 0);
    let bare = 0;
    let ours = 0;
    for (let round = 0; round < 3; round++) {
      let t0 = performance.now();
      for (const d of slice) nlp.readDoc(d);
      bare = Math.max(bare, tokens / seconds(t0));
      t0 = performance.now();
      for (const d of slice) analyzeDocument(d);
      ours = Math.max(ours, tokens / seconds(t0));
    }

    const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-bench-'));
    try {
      const cache = new AnalysisCache(dir, ANALYZER_VERSION);
      let t0 = performance.now();
      const coldAnalysed = (await indexAll(docs, cache)).analysed;
      const coldS = seconds(t0);
      t0 = performance.now();
      const warm = await indexAll(docs, cache);
      const warmS = seconds(t0);
      const stats = warm.index.stats();
      console.log(`\n${size.toLocaleString('en')} documents (${stats.tokens.toLocaleString('en')} tokens, ${stats.entities.toLocaleString('en')} entities, ${stats.mentions.toLocaleString('en')} mentions)`);
      console.log(`  throughput   analyzeDocument ${Math.round(ours).toLocaleString('en')} tokens/s vs wink readDoc ${Math.round(bare).toLocaleString('en')} tokens/s: ratio ${(ours / bare).toFixed(2)} (target >= 0.75)`);
      console.log(`  cold index   ${coldS.toFixed(1)} s (${coldAnalysed} analysed)`);
      console.log(`  warm index   ${warmS.toFixed(1)} s (${warm.analysed} analysed): ratio ${(warmS / coldS).toFixed(3)} (target <= 0.1)`);
      console.log(`  peak RSS     ${mb(process.resourceUsage().maxRSS * 1024)} (target <= 500 MB at 10,000)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
