// What the Entity Explorer's charts cost on a large corpus:
// `npx tsx scripts/bench-analytics.ts [DOCS [CONLL]]` (10,000 documents by default; the texts are
// benchCorpus's, from WikiGold at CONLL when given). The distinct bench texts are analysed once and indexed many times under
// their own ids and dates (analysis is not what is measured here), then each request the panel
// can make is answered by the code the panel runs, for a frequent entity (and a rare one where
// that differs). Per request it prints the time until the answer and the longest the event loop
// was blocked meanwhile (a 1 ms timer's longest gap): on the extension host, a block over 50 ms
// is a stall of the editor's extensions. Prints figures; it is not a test.
import { analyzeDocument } from '../src/core/recognition/analyzer';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import { concordanceTableSteps } from '../src/core/analytics/concordance';
import { compareEdges } from '../src/core/analytics/cooccurrence';
import { Steps, runSteps } from '../src/core/analytics/steps';
import {
  collocatesAnswer,
  dispersionAnswer,
  entitiesAnswer,
  mentionsAnswer,
  timelineAnswer,
} from '../src/extension/views/explorerAnalytics';
import { NetworkAnswers, sharedSentencesAnswer } from '../src/extension/views/explorerNetwork';
import { SlicedAnswers } from '../src/extension/views/slicedAnswers';
import { csvSteps } from '../src/core/text/csv';
import { benchTexts } from './benchCorpus';

const DOCS = Number(process.argv[2] ?? 10_000);
const texts = benchTexts(process.argv[3]);
const analysed = texts.map(text => ({ text, analysis: analyzeDocument(text) }));
const index = new CorpusIndex();
const started = performance.now();
const dateOf = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
index.batch(() => {
  for (let i = 0; i < DOCS; i++) {
    const { text, analysis } = analysed[i % analysed.length];
    // A date a day apart per document, so that timelines have periods to count.
    index.setDocument(`doc-${i}`, text, { ...analysis, date: dateOf(i) });
  }
});
console.log(`${DOCS.toLocaleString('en')} documents indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const entities = index.entities().filter(e => e.type === 'PERSON' || e.type === 'PLACE');
const byDocs = [...entities].sort((a, b) => b.documentCount - a.documentCount);
const frequent = byDocs[0];
const rare = byDocs[byDocs.length - 1];
const label = (docId: string) => docId;
/** The first half of the corpus's dates. */
const range = { from: dateOf(0), to: dateOf(Math.floor(DOCS / 2)) };
const network = new NetworkAnswers(index);
const answers = new SlicedAnswers(index);
let requestId = 0;

/** Answers as the panel does (in time slices) and prints the time and the longest block of the event loop meanwhile. */
async function measure(name: string, steps: () => Steps<object>): Promise<void> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise(resolve => setTimeout(resolve, 5)); // the probe ticking before the request comes
  longest = 0;
  const t0 = performance.now();
  await answers.answer(name, steps);
  const took = performance.now() - t0;
  await new Promise(resolve => setTimeout(resolve, 5)); // the probe's tick after the last slice
  clearInterval(probe);
  const flag = took > 1000 || longest > 50 ? '  over' : '';
  console.log(`${name.padEnd(56)} ${took.toFixed(0).padStart(7)} ms ${longest.toFixed(0).padStart(7)} ms${flag}`);
}

async function main(): Promise<void> {
  console.log(`frequent: ${frequent.id}, ${frequent.mentionCount.toLocaleString('en')} mentions in ${frequent.documentCount} documents`);
  console.log(`rare: ${rare.id}, ${rare.mentionCount} mentions in ${rare.documentCount} documents`);
  console.log(`date filter: ${range.from} to ${range.to}\n`);
  console.log(`${'request'.padEnd(56)} ${'answer'.padStart(10)} ${'longest block'.padStart(10)}`);
  const kwic = { entityId: frequent.id, sort: 'doc', width: 60 } as const;
  await measure('entity list', () => entitiesAnswer(index, false));
  await measure('entity list, date filter (countsInRange)', () => entitiesAnswer(index, false, range));
  await measure('concordance (frequent, document order)', () => mentionsAnswer(index, kwic, undefined, label));
  await measure('concordance (frequent, sorted by L1)', () => mentionsAnswer(index, { ...kwic, sort: 'L1' }, undefined, label));
  await measure('concordance (frequent, date filter)', () => mentionsAnswer(index, kwic, range, label));
  const timeline = { type: 'timeline', entityIds: [frequent.id], by: 'month', of: 'documents' } as const;
  await measure('timeline (frequent, per month)', () => timelineAnswer(index, { ...timeline, requestId: ++requestId }));
  await measure('timeline (frequent, per month, date filter)', () => timelineAnswer(index, { ...timeline, requestId: ++requestId }, range));
  const dates = { type: 'timeline', entityIds: [], by: 'year', of: 'dates' } as const;
  await measure('timeline (resolved dates, per year)', () => timelineAnswer(index, { ...dates, requestId: ++requestId }));
  for (const entity of [frequent, rare]) {
    const which = entity === frequent ? 'frequent' : 'rare';
    const request = { type: 'dispersion', requestId: ++requestId, entityId: entity.id } as const;
    await measure(`dispersion (${which})`, () => dispersionAnswer(index, request, label));
  }
  const collocates = (entityId: string) =>
    ({ type: 'collocates', requestId: ++requestId, entityId, window: 5, keepStopwords: false }) as const;
  // With the panel open, the corpus's words are counted in the background once indexing ends; a
  // request before that count is done waits for it, as this first one does.
  await measure('collocates, first request (rare, counts the corpus)', () => collocatesAnswer(index, collocates(rare.id)));
  await measure('collocates, repeat (rare)', () => collocatesAnswer(index, collocates(rare.id)));
  await measure('collocates (frequent)', () => collocatesAnswer(index, collocates(frequent.id)));
  const nodes = index.entities({ limit: 300 }).map(e => e.id);
  await measure('network, first request (300 nodes)', () =>
    network.networkAnswer({ type: 'network', requestId: ++requestId, entityIds: nodes }),
  );
  await measure('network, repeat', () => network.networkAnswer({ type: 'network', requestId: ++requestId, entityIds: nodes }));
  const [edge] = runSteps(network.corpusEdges()).sort(compareEdges);
  const shared = { type: 'sharedSentences', requestId: ++requestId, a: edge.a, b: edge.b } as const;
  await measure('shared sentences (strongest edge)', () => sharedSentencesAnswer(index, shared, label));

  // One document edited: what the index's change costs the next requests.
  const { text, analysis } = analysed[1 % analysed.length];
  index.setDocument('doc-0', text, { ...analysis, date: dateOf(0) });
  console.log('\nafter one document changed:');
  await measure('collocates (rare)', () => collocatesAnswer(index, collocates(rare.id)));
  await measure('network (300 nodes)', () => network.networkAnswer({ type: 'network', requestId: ++requestId, entityIds: nodes }));

  // Not a chart: the concordance's Save CSV writes every line (the panel lists the first ones).
  console.log('\nsaving:');
  await measure('Save CSV of the concordance (frequent, L1)', () =>
    csvSteps(concordanceTableSteps(index, frequent.id, { sort: 'L1', width: 60 })),
  );
}

void main();
