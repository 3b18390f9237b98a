// Features of each token in its document: parts of speech around it, where it stands in its line
// and sentence, what kind of line it is on (an all-caps headline, a line of figures), how the
// document writes the same word elsewhere (case evidence), gazetteer names and the rule layer's
// own spans over it, wink's entity types, a trigram of word shapes, and the run of capitalised
// words the token is in.
import { WinkTokens } from '../wink/winkDocument';
import { NamedCandidate } from '../names/namedEntities';
import { hashString, mix, mix2, mix3 } from './hashing';
import { capitalisedRuns } from './capitalisedRuns';
import { gazetteerSpans } from './gazetteerSpans';
import { vocabulary } from './vocabulary';
import { resetScratch, scratchInt32, scratchUint32, scratchUint8 } from './scratch';

export interface DocFeatures {
  /** Per token, the index of its word type in `words`. */
  wordOf: Int32Array;
  /** The distinct token strings of the document. */
  words: string[];
  /** Per word type, its number in the vocabulary (valid until the next document's features). */
  wordIds: Int32Array;
  /** Per token, its parts of speech around it as one key (see posFeatures). */
  posKeys: Int32Array;
  /** Per token, its line, start, case, gazetteer and rule-layer evidence as one key (see contextFeatures). */
  contextKeys: Uint32Array;
  /** Per token, its run of capitalised words' length, place, cues and longer run as one key (see runFeatures); 0 outside runs. */
  runKeys: Uint32Array;
  /**
   * Per token, TOKEN_KEY_WIDTH values: the shapes of the words at -1, 0 and +1, line class and
   * token type, and wink's entity (see tokenKeyFeatures).
   */
  tokenKeys: Uint32Array;
  /**
   * Token i's other feature hashes (its run's words) are `hashes[offsets[i] .. offsets[i + 1])`:
   * views into a table reused from document to document, valid until the next document's features.
   */
  hashes: Uint32Array;
  offsets: Int32Array;
}

const enum T {
  Bias = 1,
  Pos,
  PosPrev,
  PosNext,
  PosPrev2,
  PosNext2,
  PosBigramLeft,
  PosBigramRight,
  Start,
  Line,
  Case,
  CasePos,
  Upper,
  Gazetteer,
  Rule,
  RuleEvidence,
  Wink,
  Shape3,
  TokenType,
  LineShape,
  RunFirst,
  RunLast,
  RunCues,
  RunLength,
  RunLonger,
  RunLongerLast,
}

const POS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
  'SPACE',
];
const POS_ID = new Map(POS.map((p, i) => [p, i + 1]));
const RULE_TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'];
/** At most this many hashes per token go into the table below. */
const TOKEN_HASHES = 3;
/** Values per token in `tokenKeys`. */
export const TOKEN_KEY_WIDTH = 5;

/** Wink's token types (a handful) numbered for the process, and the feature of each. */
const TOKEN_TYPE_IDS = new Map<string, number>();
const TOKEN_TYPE_FEATURES: number[] = [];

function tokenTypeId(type: string): number {
  let id = TOKEN_TYPE_IDS.get(type);
  if (id === undefined) {
    id = TOKEN_TYPE_FEATURES.length;
    TOKEN_TYPE_IDS.set(type, id);
    TOKEN_TYPE_FEATURES.push(mix(T.TokenType, hashString(0, type)));
  }
  return id;
}

/** The table of token hashes, grown to the largest document seen rather than allocated per document. */
let hashTable = new Uint32Array(TOKEN_HASHES * 1024);
let offsetTable = new Int32Array(1024 + 1);

/** Case of each word type (see the vocabulary's `cases`), read once per document rather than at each of its tokens. */
interface WordCases {
  wordOf: Int32Array;
  /** Bit 1: the word has a lower-case letter; bit 2: an upper-case one. */
  letters: Uint8Array;
  /** Bit 1: the word starts with a lower-case letter; bit 2: an upper-case one. */
  first: Uint8Array;
}

function wordCases(wordIds: Int32Array, wordOf: Int32Array): WordCases {
  const letters = scratchUint8(wordIds.length);
  const first = scratchUint8(wordIds.length);
  const { cases } = vocabulary;
  for (let w = 0; w < wordIds.length; w++) {
    letters[w] = cases[wordIds[w]] & 3;
    first[w] = cases[wordIds[w]] >> 2;
  }
  return { wordOf, letters, first };
}

/** Line classes: 1 all capitals (a headline or dateline), 2 mostly figures (a table row). */
function lineClasses(doc: WinkTokens, lineOf: Int32Array, lines: number, cases: WordCases): Uint8Array {
  const upper = scratchInt32(lines);
  const lower = scratchInt32(lines);
  const numbers = scratchInt32(lines);
  for (let i = 0; i < doc.tokens.length; i++) {
    const l = lineOf[i];
    if (doc.types[i] === 'number') numbers[l]++;
    else if (doc.types[i] === 'word') {
      const c = cases.letters[cases.wordOf[i]];
      if (c & 1) lower[l]++;
      else if (c & 2) upper[l]++;
    }
  }
  const out = scratchUint8(lines);
  for (let l = 0; l < lines; l++) {
    if (lower[l] === 0 && upper[l] > 0) out[l] = 1;
    else if (numbers[l] >= 2 && numbers[l] >= upper[l] + lower[l]) out[l] = 2;
  }
  return out;
}

export function docFeatures(doc: WinkTokens, rules: readonly NamedCandidate[]): DocFeatures {
  const { tokens, types, pos, sentenceStart } = doc;
  const n = tokens.length;
  // The previous document's scratch arrays (lines, cases, runs, spans) are reused from here on.
  resetScratch();
  const ids = new Map<string, number>();
  const words: string[] = [];
  const wordOf = new Int32Array(n);
  const lineOf = scratchInt32(n);
  const lineStart = scratchUint8(n);
  let line = 0;
  let fresh = true;
  for (let i = 0; i < n; i++) {
    let id = ids.get(tokens[i]);
    if (id === undefined) {
      id = words.length;
      ids.set(tokens[i], id);
      words.push(tokens[i]);
    }
    wordOf[i] = id;
    if (types[i] === 'tabCRLF' && tokens[i].includes('\n')) {
      line++;
      fresh = true;
    } else if (fresh && types[i] !== 'tabCRLF') {
      lineStart[i] = 1;
      fresh = false;
    }
    lineOf[i] = line;
  }
  // The pseudo-words before and after the document are numbered too, by the tagger.
  vocabulary.reserve(words.length + 2);
  const wordIds = new Int32Array(words.length);
  for (let w = 0; w < words.length; w++) wordIds[w] = vocabulary.id(words[w]);
  const cases = wordCases(wordIds, wordOf);
  const lineClass = lineClasses(doc, lineOf, line + 1, cases);

  // Case evidence per word type: written in lower case somewhere; capitalised inside a sentence.
  const seenLower = scratchUint8(words.length);
  const seenCapitalMid = scratchUint8(words.length);
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'word') continue;
    const first = cases.first[wordOf[i]];
    if (first & 1) seenLower[wordOf[i]] = 1;
    else if (first & 2 && !sentenceStart[i] && !lineStart[i] && lineClass[lineOf[i]] !== 1) seenCapitalMid[wordOf[i]] = 1;
  }
  const idOf = (w: string): number => ids.get(w) ?? -1;
  const caseBits = scratchUint8(words.length);
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (!(cases.first[w] & 2)) continue;
    const lowerId = idOf(word.toLowerCase());
    // No lower-case letter (the vocabulary's case bits): the word is its own upper case.
    const isAllCaps = word.length > 1 && !(cases.letters[w] & 1);
    const titleId = isAllCaps ? idOf(word[0] + word.slice(1).toLowerCase()) : -1;
    caseBits[w] =
      1 |
      (lowerId >= 0 && seenLower[lowerId] ? 2 : 0) |
      (seenCapitalMid[w] ? 4 : 0) |
      (titleId >= 0 ? 8 | (seenCapitalMid[titleId] ? 16 : 0) : 0);
  }

  const rule = scratchInt32(n);
  for (const c of rules) {
    const type = RULE_TYPES.indexOf(c.type) + 1;
    for (let k = c.first; k <= c.last; k++) rule[k] = (type << 4) | (k === c.first ? 1 : 2) | ((c.evidence + 1) << 2);
  }
  const wink = scratchInt32(n);
  for (const e of doc.entities) {
    const type = hashString(0, e.type);
    for (let k = e.first; k <= e.last; k++) wink[k] = mix(type, k === e.first ? 1 : 2);
  }
  const gaz = gazetteerSpans(doc);

  const shapes = scratchUint32(words.length);
  for (let w = 0; w < words.length; w++) shapes[w] = vocabulary.shapes[wordIds[w]];
  const posIds = scratchInt32(n);
  for (let i = 0; i < n; i++) posIds[i] = POS_ID.get(pos[i]) ?? 19;
  const posOf = (i: number): number => (i < 0 || i >= n ? 0 : posIds[i]);
  const shapeOf = (i: number): number => (i < 0 || i >= n ? 1 : shapes[wordOf[i]]);

  const runs = capitalisedRuns(doc, wordOf, words, gaz);
  const posKeys = new Int32Array(n);
  const contextKeys = new Uint32Array(n);
  const runKeys = new Uint32Array(n);
  const tokenKeys = new Uint32Array(n * TOKEN_KEY_WIDTH);
  if (offsetTable.length < n + 1) {
    hashTable = new Uint32Array(TOKEN_HASHES * n);
    offsetTable = new Int32Array(n + 1);
  }
  const hashes = hashTable;
  const offsets = offsetTable;
  let h = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = h;
    const p = posOf(i);
    const cls = lineClass[lineOf[i]];
    posKeys[i] = posOf(i - 2) | (posOf(i - 1) << 5) | (p << 10) | (posOf(i + 1) << 15) | (posOf(i + 2) << 20);
    contextKeys[i] =
      cls | ((sentenceStart[i] | (lineStart[i] << 1)) << 2) | (p << 4) | (caseBits[wordOf[i]] << 9) | (gaz[i] << 14) | (rule[i] << 18);
    const k = i * TOKEN_KEY_WIDTH;
    tokenKeys[k] = shapeOf(i - 1);
    tokenKeys[k + 1] = shapeOf(i);
    tokenKeys[k + 2] = shapeOf(i + 1);
    tokenKeys[k + 3] = cls | (tokenTypeId(types[i]) << 2);
    tokenKeys[k + 4] = wink[i];
    if (runs.at[i]) {
      runKeys[i] = runs.at[i] | (runs.length[i] << 3) | (runs.cues[i] << 6) | (runs.longer[i] << 11);
      hashes[h++] = mix2(T.RunFirst, runs.first[i], runs.at[i]);
      hashes[h++] = mix2(T.RunLast, runs.last[i], runs.at[i]);
      if (runs.longer[i]) hashes[h++] = mix2(T.RunLongerLast, runs.longerLast[i], runs.at[i]);
    }
  }
  offsets[n] = h;
  const used = { hashes: hashes.subarray(0, h), offsets: offsets.subarray(0, n + 1) };
  return { wordOf, words, wordIds, posKeys, contextKeys, runKeys, tokenKeys, ...used };
}

/** POS ids are 0 (no token) to POS_COUNT - 1. */
export const POS_COUNT = POS.length + 2;

/** Appends the features of a POS trigram (the parts of speech at -1, 0, +1). */
export function posTrigramFeatures(prev: number, p: number, next: number, out: number[]): void {
  out.push(
    mix(T.Bias, 0),
    mix(T.Pos, p),
    mix(T.PosPrev, prev),
    mix(T.PosNext, next),
    mix2(T.PosBigramLeft, prev, p),
    mix2(T.PosBigramRight, p, next),
  );
}

/** Appends the feature of the part of speech two tokens before (side 0) or after (side 1). */
export function posFarFeatures(side: number, p: number, out: number[]): void {
  out.push(mix(side === 0 ? T.PosPrev2 : T.PosNext2, p));
}

/** Appends the features of a POS key (the parts of speech at -2..+2, 5 bits each). */
export function posFeatures(key: number, out: number[]): void {
  const at = (k: number): number => (key >>> (5 * k)) & 31;
  posTrigramFeatures(at(1), at(2), at(3), out);
  posFarFeatures(0, at(0), out);
  posFarFeatures(1, at(4), out);
}

/**
 * Appends the features of a context key: line class (2 bits), sentence and line start (2), POS (5),
 * case evidence (5), gazetteer span (4), rule-layer span (7).
 */
export function contextFeatures(key: number, out: number[]): void {
  const cls = key & 3;
  const start = (key >>> 2) & 3;
  const p = (key >>> 4) & 31;
  const caseBits = (key >>> 9) & 31;
  const gaz = (key >>> 14) & 15;
  const rule = key >>> 18;
  const cb = caseBits | (start << 5);
  out.push(mix2(T.Line, cls, start));
  if (start) out.push(mix2(T.Start, start, p));
  if (caseBits) out.push(mix(T.Case, cb), mix2(T.CasePos, cb, p));
  if (gaz) out.push(mix(T.Gazetteer, gaz));
  if (rule) out.push(mix(T.Rule, rule & ~12), mix(T.RuleEvidence, rule));
  if (cls === 1 && caseBits) out.push(mix2(T.Upper, cb, rule));
}

/**
 * Appends the features of a run key: place in the run (3 bits), run length (3), cues (5), longer
 * run (5). Few distinct keys: the tagger caches their sums like a context key's.
 */
export function runFeatures(key: number, out: number[]): void {
  if (!key) return;
  const at = key & 7;
  const cues = (key >>> 6) & 31;
  const longer = key >>> 11;
  out.push(mix2(T.RunLength, (key >>> 3) & 7, at));
  if (cues) out.push(mix2(T.RunCues, cues, at));
  if (longer) out.push(mix2(T.RunLonger, longer, at));
}

/**
 * Appends the features of the token key at `keys[at ..]`: the shape trigram, line class with the
 * shape, token type and wink's entity. Few distinct keys: the tagger caches their sums.
 */
export function tokenKeyFeatures(keys: Uint32Array, at: number, out: number[]): void {
  const small = keys[at + 3];
  out.push(
    mix3(T.Shape3, keys[at], keys[at + 1], keys[at + 2]),
    mix2(T.LineShape, small & 3, keys[at + 1]),
    TOKEN_TYPE_FEATURES[small >>> 2],
  );
  if (keys[at + 4]) out.push(mix(T.Wink, keys[at + 4]));
}

/** Appends all the features of token i other than its words' (the trainer's view of a token). */
export function tokenFeatures(f: DocFeatures, i: number, out: number[]): void {
  posFeatures(f.posKeys[i], out);
  contextFeatures(f.contextKeys[i], out);
  runFeatures(f.runKeys[i], out);
  tokenKeyFeatures(f.tokenKeys, i * TOKEN_KEY_WIDTH, out);
  for (let k = f.offsets[i]; k < f.offsets[i + 1]; k++) out.push(f.hashes[k]);
}
