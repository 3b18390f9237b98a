// `npm run bench [-- FILE.conll]`: indexing at corpus scale, the way the extension does it
// (analysis in worker threads, the index in the main thread). For 1,000 and 10,000 documents:
// analysis throughput against bare wink readDoc on the same texts, cold index time (analyse +
// write the cache + index), warm index time (hash + read the cache + index), their ratio, and
// the peak RSS of each pass's process. Prints figures; it is not a test.
import { execFileSync } from 'child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeDocument } from '../src/core/recognition/analyzer';
import { ANALYZER_VERSION } from '../src/core/recognition/analyzerVersion';
import { benchCorpus } from './benchCorpus';
import type { PassResult } from './benchPass';

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

/**
 * Each pass runs benchPass bundled, in a process of its own: cold and warm passes are different
 * VS Code sessions (the first opening of a corpus, a later reopen), and a process's peak RSS is
 * its own. The bundle acts as if it lay beside its sources (`__dirname`), where it finds the
 * sample, the WikiGold file and dist/worker.js.
 */
function passBundle(dir: string): string {
  const outfile = join(dir, 'benchPass.js');
  buildSync({
    entryPoints: [join(__dirname, 'benchPass.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    define: { __dirname: JSON.stringify(__dirname) },
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Passes per size. A reopen is quick to repeat, so the warm time is the median of three passes;
 * the cold time too at 1,000 documents (at 10,000 a cold pass takes most of a minute: one).
 */
const WARM_RUNS = 3;
const coldRuns = (size: number): number => (size <= 1000 ? 3 : 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1];
}

/** " (median of 3: 0.41, 0.38, 0.44)", or nothing for a single pass. */
function runs(passes: PassResult[]): string {
  return passes.length > 1 ? ` (median of ${passes.length}: ${passes.map(pass => pass.seconds.toFixed(2)).join(', ')})` : '';
}

function runPass(bundle: string, size: number, dir: string, conll: string | undefined): PassResult {
  const out = execFileSync(process.execPath, [bundle, String(size), dir, conll ?? ''], { encoding: 'utf8', maxBuffer: 1 << 20 });
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
      const bundle = passBundle(dir);
      // Each cold pass fills a cache of its own; the warm passes reopen the last one.
      const colds = Array.from({ length: coldRuns(size) }, (_, run) => runPass(bundle, size, join(dir, `cache-${run}`), conll));
      const warms = Array.from({ length: WARM_RUNS }, () => runPass(bundle, size, join(dir, `cache-${colds.length - 1}`), conll));
      const cold = median(colds.map(pass => pass.seconds));
      const warm = median(warms.map(pass => pass.seconds));
      const peak = (passes: PassResult[]) => Math.max(...passes.map(pass => pass.rssMB));
      const { stats } = warms[0];
      console.log(
        `\n${size.toLocaleString('en')} documents (${stats.tokens.toLocaleString('en')} tokens, ${stats.entities.toLocaleString('en')} entities, ${stats.mentions.toLocaleString('en')} mentions)`,
      );
      console.log(
        `  throughput   analyzeDocument ${Math.round(ours).toLocaleString('en')} tokens/s vs wink readDoc ${Math.round(bare).toLocaleString('en')} tokens/s: ratio ${(ours / bare).toFixed(2)} (target >= 0.75)`,
      );
      console.log(
        `  cold index   ${cold.toFixed(1)} s${runs(colds)} (${colds[0].analysed} analysed), peak RSS ${peak(colds).toFixed(0)} MB`,
      );
      console.log(
        `  warm index   ${warm.toFixed(2)} s${runs(warms)} (${warms[0].analysed} analysed), peak RSS ${peak(warms).toFixed(0)} MB: ratio ${(warm / cold).toFixed(3)} (target <= 0.1)`,
      );
      console.log(`  peak RSS     ${Math.max(peak(colds), peak(warms)).toFixed(0)} MB (target <= 500 MB at 10,000)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main(process.argv[2]).catch(e => {
  console.error(e);
  process.exit(1);
});
