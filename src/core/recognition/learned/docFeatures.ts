// Features of each token in its document: parts of speech around it, where it stands in its line
// and sentence, what kind of line it is on (an all-caps headline, a line of figures), how the
// document writes the same word elsewhere (case evidence), gazetteer names and the rule layer's
// own spans over it, wink's entity types, and a trigram of word shapes.
import { WinkTokens } from '../wink/winkDocument';
import { gazetteer } from '../names/gazetteer';
import { NamedCandidate } from '../names/namedEntities';
import { collapseSpaces } from '../../text/textGuard';
import { hashString, mix, mix2, mix3 } from './hashing';
import { shortShape } from './wordFeatures';

export interface DocFeatures {
  /** Per token, the index of its word type in `words`. */
  wordOf: Int32Array;
  /** The distinct token strings of the document. */
  words: string[];
  /** Token i's feature hashes are `hashes[offsets[i] .. offsets[i + 1])`. */
  hashes: Uint32Array;
  offsets: Int32Array;
}

const enum T {
  Bias = 1, Pos, PosPrev, PosNext, PosPrev2, PosNext2, PosBigramLeft, PosBigramRight, Start, Line,
  Case, CasePos, Upper, Gazetteer, Rule, RuleEvidence, Wink, Shape3, TokenType, LineShape,
}

const POS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
const POS_ID = new Map(POS.map((p, i) => [p, i + 1]));
const RULE_TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'];
const MAX_GAZETTEER_WORDS = 4;

const isLetterUpper = (ch: string): boolean => ch !== ch.toLowerCase();
const isLetterLower = (ch: string): boolean => ch !== ch.toUpperCase();

/** Line classes: 1 all capitals (a headline or dateline), 2 mostly figures (a table row). */
function lineClasses(doc: WinkTokens, lineOf: Int32Array, lines: number): Uint8Array {
  const upper = new Int32Array(lines);
  const lower = new Int32Array(lines);
  const numbers = new Int32Array(lines);
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    const l = lineOf[i];
    if (doc.types[i] === 'number') numbers[l]++;
    else if (doc.types[i] === 'word') {
      if (t !== t.toUpperCase()) lower[l]++;
      else if (t !== t.toLowerCase()) upper[l]++;
    }
  }
  const out = new Uint8Array(lines);
  for (let l = 0; l < lines; l++) {
    if (lower[l] === 0 && upper[l] > 0) out[l] = 1;
    else if (numbers[l] >= 2 && numbers[l] >= upper[l] + lower[l]) out[l] = 2;
  }
  return out;
}

export function docFeatures(doc: WinkTokens, rules: readonly NamedCandidate[]): DocFeatures {
  const { tokens, types, pos, sentenceStart } = doc;
  const n = tokens.length;
  const ids = new Map<string, number>();
  const words: string[] = [];
  const wordOf = new Int32Array(n);
  const lineOf = new Int32Array(n);
  const lineStart = new Uint8Array(n);
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
  const lineClass = lineClasses(doc, lineOf, line + 1);

  // Case evidence per word type: written in lower case somewhere; capitalised inside a sentence.
  const seenLower = new Uint8Array(words.length);
  const seenCapitalMid = new Uint8Array(words.length);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (types[i] !== 'word') continue;
    if (isLetterLower(t.charAt(0))) seenLower[wordOf[i]] = 1;
    else if (isLetterUpper(t.charAt(0)) && !sentenceStart[i] && !lineStart[i] && lineClass[lineOf[i]] !== 1) seenCapitalMid[wordOf[i]] = 1;
  }
  const idOf = (w: string): number => ids.get(w) ?? -1;
  const caseBits = new Uint8Array(words.length);
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (!isLetterUpper(word.charAt(0))) continue;
    const lowerId = idOf(word.toLowerCase());
    const isAllCaps = word.length > 1 && word === word.toUpperCase();
    const titleId = isAllCaps ? idOf(word[0] + word.slice(1).toLowerCase()) : -1;
    caseBits[w] = 1 | (lowerId >= 0 && seenLower[lowerId] ? 2 : 0) | (seenCapitalMid[w] ? 4 : 0) |
      (titleId >= 0 ? 8 | (seenCapitalMid[titleId] ? 16 : 0) : 0);
  }

  const rule = new Int32Array(n);
  for (const c of rules) {
    const type = RULE_TYPES.indexOf(c.type) + 1;
    for (let k = c.first; k <= c.last; k++) rule[k] = (type << 4) | (k === c.first ? 1 : 2) | ((c.evidence + 1) << 2);
  }
  const wink = new Int32Array(n);
  for (const e of doc.entities) {
    const type = hashString(0, e.type);
    for (let k = e.first; k <= e.last; k++) wink[k] = mix(type, k === e.first ? 1 : 2);
  }
  const gaz = gazetteerSpans(doc);

  const shapes = new Uint32Array(words.length);
  for (let w = 0; w < words.length; w++) shapes[w] = hashString(0, shortShape(words[w]));
  const posIds = Int32Array.from(pos, (p) => POS_ID.get(p) ?? 19);
  const posOf = (i: number): number => (i < 0 || i >= n ? 0 : posIds[i]);
  const typeHashes = new Map<string, number>();
  const typeHash = (type: string): number => {
    let h = typeHashes.get(type);
    if (h === undefined) typeHashes.set(type, (h = hashString(0, type)));
    return h;
  };
  const shapeOf = (i: number): number => (i < 0 || i >= n ? 1 : shapes[wordOf[i]]);

  const hashes: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = hashes.length;
    const p = posOf(i);
    const cls = lineClass[lineOf[i]];
    const start = sentenceStart[i] | (lineStart[i] << 1);
    const cb = caseBits[wordOf[i]] | (start << 5);
    hashes.push(
      mix(T.Bias, 0), mix(T.Pos, p), mix(T.PosPrev, posOf(i - 1)), mix(T.PosNext, posOf(i + 1)),
      mix(T.PosPrev2, posOf(i - 2)), mix(T.PosNext2, posOf(i + 2)),
      mix2(T.PosBigramLeft, posOf(i - 1), p), mix2(T.PosBigramRight, p, posOf(i + 1)),
      mix2(T.Line, cls, start), mix3(T.Shape3, shapeOf(i - 1), shapeOf(i), shapeOf(i + 1)),
      mix2(T.LineShape, cls, shapeOf(i)), mix(T.TokenType, typeHash(types[i])),
    );
    if (start) hashes.push(mix2(T.Start, start, p));
    if (caseBits[wordOf[i]]) hashes.push(mix(T.Case, cb), mix2(T.CasePos, cb, p));
    if (gaz[i]) hashes.push(mix(T.Gazetteer, gaz[i]));
    if (rule[i]) hashes.push(mix(T.Rule, rule[i] & ~12), mix(T.RuleEvidence, rule[i]));
    if (wink[i]) hashes.push(mix(T.Wink, wink[i]));
    if (cls === 1 && caseBits[wordOf[i]]) hashes.push(mix2(T.Upper, cb, rule[i]));
  }
  offsets[n] = hashes.length;
  return { wordOf, words, hashes: Uint32Array.from(hashes), offsets };
}

/**
 * Names of the place and nationality gazetteers over up to four tokens ("New York", "Hong Kong"):
 * per token, the list (1 place, 2 nationality) times 4 plus 1 at a name's first token, 2 inside.
 */
function gazetteerSpans(doc: WinkTokens): Uint8Array {
  const { places, norp } = gazetteer();
  const { tokens, starts, capitalised, text } = doc;
  const n = tokens.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!capitalised[i]) continue;
    for (let len = Math.min(MAX_GAZETTEER_WORDS, n - i); len >= 1; len--) {
      const last = i + len - 1;
      if (len > 1 && !capitalised[last]) continue;
      const raw = text.slice(starts[i], starts[last] + tokens[last].length);
      const surface = len === 1 ? raw : collapseSpaces(raw);
      const list = places.has(surface) ? 1 : norp.has(surface) ? 2 : 0;
      if (!list) continue;
      for (let k = i; k <= last; k++) out[k] = list * 4 + (k === i ? 1 : 2);
      i = last;
      break;
    }
  }
  return out;
}
