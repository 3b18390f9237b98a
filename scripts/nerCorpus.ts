// Readers of the token-per-line NER corpora (CoNLL-2003, UNER, BTC, WNUT-17, SEC, WikiGold) into
// documents of running text with gold character spans, for training (train-ner) and scoring (eval-ner).
import { readFileSync } from 'fs';

export const GOLD_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type GoldType = (typeof GOLD_TYPES)[number];

export interface GoldSpan {
  start: number;
  end: number;
  type: GoldType;
}

export interface GoldDoc {
  text: string;
  gold: GoldSpan[];
  /** False where the corpus does not annotate MISC: an O there may be a MISC name. */
  annotatesMisc: boolean;
  /** How much a training error here counts (train-ner's NER_WEIGHTS); 1 if absent. */
  weight?: number;
}

/** How each corpus spells its labels. */
const LABELS: Record<string, GoldType> = {
  PER: 'PER',
  ORG: 'ORG',
  LOC: 'LOC',
  MISC: 'MISC',
  OTH: 'MISC',
  person: 'PER',
  location: 'LOC',
  corporation: 'ORG',
  group: 'ORG',
  product: 'MISC',
  'creative-work': 'MISC',
};

/** Closing punctuation written without a space before it; opening without one after. */
const NO_SPACE_BEFORE = new Set([
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '%',
  "'s",
  "'S",
  "n't",
  "'re",
  "'ve",
  "'ll",
  "'d",
  "'m",
  "'",
]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '``']);

interface Token {
  word: string;
  /** "B-PER", "I-LOC", "O". */
  tag: string;
}

/**
 * Builds a document from its sentences: tokens detokenised into plain text (one sentence a line),
 * IOB1 or IOB2 tags into spans. `misc`: whether the corpus annotates MISC.
 */
export function buildDoc(sentences: Token[][], misc: boolean): GoldDoc {
  let text = '';
  const gold: GoldSpan[] = [];
  for (const sentence of sentences) {
    if (text) text += '\n';
    let open: GoldSpan | null = null;
    let quote = false;
    let glue = true;
    for (const { word, tag } of sentence) {
      const isQuote = word === '"';
      if (!glue && !NO_SPACE_BEFORE.has(word) && !(isQuote && quote)) text += ' ';
      const start = text.length;
      text += word;
      glue = NO_SPACE_AFTER.has(word) || (isQuote && !quote);
      if (isQuote) quote = !quote;
      const dash = tag.indexOf('-');
      const type = dash > 0 ? LABELS[tag.slice(dash + 1)] : undefined;
      if (!type) {
        open = null;
        continue;
      }
      if (open && open.type === type && tag[0] === 'I') {
        open.end = text.length;
      } else {
        open = { start, end: text.length, type };
        gold.push(open);
      }
    }
  }
  return { text, gold, annotatesMisc: misc };
}

/**
 * A corpus file. CoNLL-style: the word first and the tag last on each line, `-DOCSTART-` between
 * documents. UNER (`.iob2`): `index word tag ...` with `# newdoc` between documents. Files without
 * document marks (tweets) make one document per sentence.
 */
export function readCorpus(path: string, misc: boolean): GoldDoc[] {
  const iob2 = path.endsWith('.iob2');
  const docs: GoldDoc[] = [];
  let sentences: Token[][] = [];
  let sentence: Token[] = [];
  let marked = false;
  const endSentence = (): void => {
    if (sentence.length) sentences.push(sentence);
    sentence = [];
  };
  const endDoc = (): void => {
    endSentence();
    if (sentences.length) docs.push(buildDoc(sentences, misc));
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (iob2 && line.startsWith('#')) {
      if (line.startsWith('# newdoc')) {
        marked = true;
        endDoc();
      }
      continue;
    }
    const fields = line.trim().split(/\s+/);
    if (!fields[0]) {
      endSentence();
      if (!marked && !iob2) endDoc();
      continue;
    }
    if (fields[0] === '-DOCSTART-') {
      marked = true;
      endDoc();
      continue;
    }
    const word = iob2 ? fields[1] : fields[0];
    const tag = (iob2 ? fields[2] : fields[fields.length - 1]) ?? 'O';
    sentence.push({ word, tag: tag === 'B-O' || fields.length < 2 ? 'O' : tag });
  }
  endDoc();
  return docs;
}
