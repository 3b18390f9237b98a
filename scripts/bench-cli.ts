// The CLI against a bare wink `readDoc` loop in one process, on 250 article-sized files made from
// WikiGold (CC BY 4.0, see ../shared/ner-dev/README.md): `npm run bench:cli [-- FILE.conll]`.
// Both sides are timed as whole processes (start, model load, reading, analysis). Prints figures;
// it is not a test.
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_CONLL } from './benchCorpus';

const FILES = 250;
const ARTICLE_CHARS = 3000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');

// What a user of wink would write: its default pipeline, one document after the other.
const BARE = `
const fs = require('fs');
const path = require('path');
const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'));
const dir = process.argv[1];
for (const name of fs.readdirSync(dir).sort()) nlp.readDoc(fs.readFileSync(path.join(dir, name), 'utf8'));
`;

/** WikiGold's articles as plain text: tokens joined, the usual spaces before punctuation dropped. */
function articles(conll: string): string[] {
  const docs: string[][] = [[]];
  let sentence: string[] = [];
  for (const line of readFileSync(conll, 'utf8').split('\n')) {
    const token = line.split(' ')[0];
    if (token === '-DOCSTART-') docs.push([]);
    else if (token) sentence.push(token);
    else if (sentence.length) {
      docs[docs.length - 1].push(detokenise(sentence));
      sentence = [];
    }
  }
  return docs.filter(d => d.length).map(d => d.join(' '));
}

function detokenise(tokens: string[]): string {
  return tokens
    .join(' ')
    .replace(/ ([.,;:!?%)\]]|'s\b|n't\b)/g, '$1')
    .replace(/([([$]) /g, '$1');
}

/** File i: consecutive articles from the i-th on, up to a news article's length. */
function writeCorpus(dir: string, docs: string[]): void {
  for (let i = 0; i < FILES; i++) {
    const parts = [`Report ${i}.`];
    for (let k = i, chars = 0; chars < ARTICLE_CHARS; k++) {
      parts.push(docs[k % docs.length]);
      chars += docs[k % docs.length].length;
    }
    writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), parts.join('\n\n') + '\n');
  }
}

/** Milliseconds of one run of `args` under node. */
function time(args: string[]): number {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t0;
}

/** Best of ROUNDS for each command, the commands alternating so that both see the same machine state. */
function best(commands: string[][]): number[] {
  const times = commands.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r++) commands.forEach((args, i) => (times[i] = Math.min(times[i], time(args))));
  return times;
}

const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-bench-cli-'));
try {
  const docs = articles(process.argv[2] ?? DEFAULT_CONLL);
  const many = join(dir, 'many');
  const one = join(dir, 'one');
  mkdirSync(many);
  mkdirSync(one);
  writeCorpus(many, docs);
  writeFileSync(join(one, 'only.txt'), readFileSync(join(many, '000.txt')));
  const [cli, bare, cliOne, bareOne] = best([
    [CLI, 'analyze', many],
    ['-e', BARE, many],
    [CLI, 'analyze', one],
    ['-e', BARE, one],
  ]);
  const ms = (x: number): string => `${Math.round(x).toLocaleString('en').padStart(6)} ms`;
  console.log(`${FILES} files of ${docs.length} WikiGold articles, best of ${ROUNDS} runs`);
  console.log(`bare readDoc loop   ${ms(bare)}`);
  console.log(`corpus-lens analyze ${ms(cli)}`);
  console.log(`ratio               ${(bare / cli).toFixed(2)} of the bare loop's speed (target >= 0.75)`);
  console.log(`one file: bare ${ms(bareOne)}, corpus-lens ${ms(cliOne)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
