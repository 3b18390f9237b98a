// Entity-level evaluation of the named-entity layer on a CoNLL file (IOB1 or IOB2 tags):
// `npm run eval:ner -- /work/shared/ner-dev/wikigold.conll`. Exact span and type.
import { readFileSync } from 'fs';
import { analyzeDocument } from '../src/core/recognition/analyzer';

const GOLD_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
type GoldType = (typeof GOLD_TYPES)[number];
const FROM_ANALYZER: Record<string, GoldType | undefined> = { PERSON: 'PER', ORG: 'ORG', PLACE: 'LOC', NORP: 'MISC', MISC: 'MISC' };

interface Doc {
  text: string;
  gold: Set<string>;
}

/** Documents of a CoNLL file: tokens joined by spaces, sentences by newlines; gold as "start:end:TYPE". */
function readConll(path: string): Doc[] {
  const docs: Doc[] = [];
  let text = '';
  let gold = new Set<string>();
  let open: { start: number; end: number; type: string } | null = null;
  const close = (): void => {
    if (open) gold.add(`${open.start}:${open.end}:${open.type}`);
    open = null;
  };
  const flush = (): void => {
    close();
    if (text.trim()) docs.push({ text, gold });
    text = '';
    gold = new Set();
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const [token, tag = 'O'] = line.trim().split(/\s+/);
    if (token === '-DOCSTART-') { flush(); continue; }
    if (!token) { close(); if (text && !text.endsWith('\n')) text += '\n'; continue; }
    if (text && !text.endsWith('\n')) text += ' ';
    const start = text.length;
    text += token;
    const [prefix, type] = tag === 'O' ? ['O', ''] : tag.split('-');
    if (prefix === 'O') { close(); continue; }
    if (open && open.type === type && prefix === 'I') open.end = text.length;
    else { close(); open = { start, end: text.length, type }; }
  }
  flush();
  return docs;
}

const path = process.argv[2];
if (!path) {
  console.error('usage: npm run eval:ner -- FILE.conll');
  process.exit(2);
}

const counts = new Map<string, { tp: number; fp: number; fn: number }>();
for (const t of [...GOLD_TYPES, 'overall']) counts.set(t, { tp: 0, fp: 0, fn: 0 });
const count = (type: string, field: 'tp' | 'fp' | 'fn'): void => {
  (counts.get(type) as { tp: number; fp: number; fn: number })[field]++;
  (counts.get('overall') as { tp: number; fp: number; fn: number })[field]++;
};

const docs = readConll(path);
const t0 = performance.now();
for (const doc of docs) {
  const predicted = new Set<string>();
  for (const m of analyzeDocument(doc.text, { documentDate: null }).mentions) {
    const type = FROM_ANALYZER[m.type];
    if (type) predicted.add(`${m.start}:${m.end}:${type}`);
  }
  for (const p of predicted) count(p.split(':')[2], doc.gold.has(p) ? 'tp' : 'fp');
  for (const g of doc.gold) if (!predicted.has(g)) count(g.split(':')[2], 'fn');
}
const ms = performance.now() - t0;

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
console.log(`${docs.length} documents, ${Math.round(ms)} ms\n`);
console.log('type      precision  recall     F1   gold   pred');
for (const [type, { tp, fp, fn }] of counts) {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  const f = (2 * p * r) / (p + r || 1);
  console.log(`${type.padEnd(8)} ${pct(p)}    ${pct(r)} ${pct(f)} ${String(tp + fn).padStart(6)} ${String(tp + fp).padStart(6)}`);
}
