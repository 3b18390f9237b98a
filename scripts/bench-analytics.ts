// What the Entity Explorer's charts cost on a large corpus: `npx tsx scripts/bench-analytics.ts [DOCS]`
// (10,000 by default). The distinct bench texts are analysed once and indexed many times under
// their own ids and dates (analysis is not what is measured here), then each chart's core
// function runs for a frequent and a rare entity. Each of these runs on the extension host, so
// a figure over 50 ms is a stall of the editor's extensions. Prints figures; it is not a test.
import { collocates } from '../src/core/analytics/collocates';
import { cooccurrenceNetwork } from '../src/core/analytics/cooccurrence';
import { dispersion } from '../src/core/analytics/dispersion';
import { timeline } from '../src/core/analytics/timeline';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import { analyzeDocument } from '../src/core/recognition/analyzer';
import { benchTexts } from './benchCorpus';

const DOCS = Number(process.argv[2] ?? 10_000);
const texts = benchTexts();
const analysed = texts.map(text => ({ text, analysis: analyzeDocument(text) }));
const index = new CorpusIndex();
const started = performance.now();
index.batch(() => {
  for (let i = 0; i < DOCS; i++) {
    const { text, analysis } = analysed[i % analysed.length];
    // A date a day apart per document, so that timelines have periods to count.
    const date = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    index.setDocument(`doc-${i}`, text, { ...analysis, date });
  }
});
console.log(`${DOCS.toLocaleString('en')} documents indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const entities = index.entities().filter(e => e.type === 'PERSON' || e.type === 'PLACE');
const byDocs = [...entities].sort((a, b) => b.documentCount - a.documentCount);
const frequent = byDocs[0];
const rare = byDocs[byDocs.length - 1];

function time(name: string, run: () => unknown): void {
  const t0 = performance.now();
  run();
  console.log(`${name.padEnd(52)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms`);
}

// The first collocates request counts every word of the corpus (kept until the index changes).
time(`first collocates request (${rare.id}, counts the corpus)`, () => collocates(index, rare.id));
for (const entity of [frequent, rare]) {
  console.log(
    `\n${entity.id}: ${entity.mentionCount.toLocaleString('en')} mentions in ${entity.documentCount.toLocaleString('en')} documents`,
  );
  time('timeline (per month)', () => timeline(index, 'month', [entity.id]));
  time('dispersion', () => dispersion(index, entity.id));
  time('collocates (window 5)', () => collocates(index, entity.id, { window: 5 }));
}
console.log('');
time('co-occurrence network (whole corpus)', () => cooccurrenceNetwork(index, 1));
