// What a large corrections file costs on a long document: `npx tsx scripts/bench-corrections.ts`.
// A run is what the CLI does per file (analyse, correct, index) plus reading the corrections;
// the goal is that 20,000 `addEntity` corrections cost at most twice a run without them.
// Prints figures; it is not a test.
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  Correction,
  applyCorrections,
  compileCorrections,
  parseCorrections,
  serializeCorrections,
} from '../src/core/corrections/corrections';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import { analyzeDocument } from '../src/core/recognition/analyzer';

const SENTENCES = 1000;
const CORRECTIONS = 20000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const sample = readFileSync(join(__dirname, '..', 'seeds', '000_a4262604377c852d.txt'), 'utf8');
const sentences = sample.split(/(?<=\.)\s+/).filter(s => s.trim());
const text = Array.from({ length: SENTENCES }, (_, i) => sentences[i % sentences.length]).join(' ');
const words = [...new Set(text.match(/[\p{L}\p{N}]+/gu))];

/** Additions that start with the document's own words (the costly case), a few of which match. */
function hostile(firstWords: readonly string[]): string {
  const list: Correction[] = [];
  for (let i = 0; i < CORRECTIONS; i++) {
    const first = firstWords[i % firstWords.length];
    const text = i % 1000 === 0 ? first : `${first} Zq${i} ${words[i % words.length]}`;
    list.push({ op: 'addEntity', text, type: 'ORG' });
  }
  return serializeCorrections({ version: 1, corrections: list });
}

/** One run's milliseconds: read the corrections file (if any), analyse, correct and index the document. */
function run(file: string | undefined): number {
  const started = performance.now();
  const parsed = file === undefined ? undefined : parseCorrections(file);
  if (parsed && 'error' in parsed) throw new Error(parsed.error);
  const compiled = parsed && compileCorrections(parsed.corrections);
  const analysis = analyzeDocument(text);
  new CorpusIndex().setDocument('doc', text, compiled ? applyCorrections(text, analysis, compiled) : analysis);
  return performance.now() - started;
}

const cases: Array<[string, string | undefined]> = [
  ['no corrections', undefined],
  [`${CORRECTIONS.toLocaleString('en')} additions, first words spread over the text's words`, hostile(words)],
  [`${CORRECTIONS.toLocaleString('en')} additions, all starting with "the"`, hostile(['the'])],
];
run(undefined); // warm-up
// Rounds go through every case in turn, so that a busy machine slows each case alike.
const bests = cases.map(() => Infinity);
for (let round = 0; round < ROUNDS; round++) cases.forEach(([, file], i) => (bests[i] = Math.min(bests[i], run(file))));
console.log(`document: ${SENTENCES} sentences, ${text.length.toLocaleString('en')} characters; best of ${ROUNDS} rounds`);
cases.forEach(([name], i) => {
  console.log(`${name.padEnd(70)} ${bests[i].toFixed(0).padStart(7)} ms  ${(bests[i] / bests[0]).toFixed(2)}x`);
});
