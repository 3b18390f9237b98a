// Reads a text with wink once and lays out what the analyzer needs as flat arrays,
// with exact UTF-16 offsets into the text.
import { guardText } from '../../text/textGuard';
import { tokenStarts } from './winkOffsets';
import { wink } from './winkModel';

export interface WinkSpan {
  /** First and last token index, inclusive. */
  first: number;
  last: number;
}

export interface WinkEntity extends WinkSpan {
  type: string;
}

export interface WinkTokens {
  text: string;
  tokens: string[];
  starts: Int32Array;
  /** Universal POS tags (PROPN, NOUN, ...). */
  pos: string[];
  /** wink token types (word, number, punctuation, tabCRLF, ...). */
  types: string[];
  /** 1 where the token starts with an upper-case letter. */
  capitalised: Uint8Array;
  /** True for the first token of a sentence. */
  sentenceStart: Uint8Array;
  sentences: WinkSpan[];
  entities: WinkEntity[];
}

export function endOf(doc: WinkTokens, index: number): number {
  return doc.starts[index] + doc.tokens[index].length;
}

/** Cheaper than wink's its.case, which classifies the whole token. */
function capitalisation(tokens: readonly string[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i].charCodeAt(0);
    if (c >= 65 && c <= 90) out[i] = 1;
    else if (c > 127) {
      const first = tokens[i][0];
      out[i] = first !== first.toLowerCase() ? 1 : 0;
    }
  }
  return out;
}

export function readWink(text: string): WinkTokens {
  const nlp = wink();
  const { its } = nlp;
  // Offsets are found in the guarded copy, where blanked runs are whitespace; same length.
  const guarded = guardText(text);
  const doc = nlp.readDoc(guarded);
  const tokenList = doc.tokens();
  const tokens = tokenList.out() as string[];
  // Offsets come from walking the text, not from its.precedingSpaces: one pass over wink's tokens fewer.
  const starts = tokenStarts(guarded, tokens);
  const sentences: WinkSpan[] = [];
  const sentenceStart = new Uint8Array(tokens.length);
  for (const [first, last] of doc.sentences().out(its.span) as unknown as [number, number][]) {
    // An empty text still has one sentence, [0, -1].
    if (last < first) continue;
    sentences.push({ first, last });
    sentenceStart[first] = 1;
  }
  const entityList = doc.entities();
  const spans = entityList.out(its.span) as unknown as [number, number][];
  const entityTypes = entityList.out(its.type) as string[];
  // Pushed, not mapped: Array#map's result has another elements kind once optimised, and code
  // iterating `entities` deoptimised on the second array map ("wrong map").
  const entities: WinkEntity[] = [];
  for (let i = 0; i < spans.length; i++) entities.push({ first: spans[i][0], last: spans[i][1], type: entityTypes[i] });
  const types = tokenList.out(its.type) as string[];
  // wink's "punctuation" is a built, not internalised, string: our literal in its place keeps every
  // comparison of types one string kind (a mixed kind deoptimised docFeatures mid-run).
  for (let i = 0; i < types.length; i++) if (types[i] === 'punctuation') types[i] = 'punctuation';
  const read: WinkTokens = {
    text,
    tokens,
    starts,
    pos: tokenList.out(its.pos) as string[],
    types,
    capitalised: capitalisation(tokens),
    sentenceStart,
    sentences,
    entities,
  };
  return read.types.includes('unk') ? joinSplitWords(read) : read;
}

const LETTERS = /^[\p{L}\p{M}]+$/u;

/**
 * wink splits a word at letters outside its alphabet ("Erdoğan" → "Erdo" "ğ" "an", "Đoković"):
 * touching pieces of letters where one is such an `unk` token are one word again.
 */
function joinSplitWords(doc: WinkTokens): WinkTokens {
  const { tokens, starts, types } = doc;
  const n = tokens.length;
  const letterUnk = (i: number): boolean => types[i] === 'unk' && LETTERS.test(tokens[i]);
  const joinable = (i: number): boolean => types[i] === 'word' || letterUnk(i);
  // glue[i]: token i continues token i - 1.
  const glue = new Uint8Array(n);
  let any = false;
  for (let i = 1; i < n; i++) {
    if (starts[i - 1] + tokens[i - 1].length !== starts[i] || doc.sentenceStart[i]) continue;
    if ((letterUnk(i) && joinable(i - 1)) || (letterUnk(i - 1) && joinable(i))) {
      glue[i] = 1;
      any = true;
    }
  }
  if (!any) return doc;
  const newIndex = new Int32Array(n);
  const outTokens: string[] = [];
  const outStarts: number[] = [];
  const outPos: string[] = [];
  const outTypes: string[] = [];
  for (let i = 0; i < n; i++) {
    if (glue[i]) {
      const k = outTokens.length - 1;
      newIndex[i] = k;
      outTokens[k] += tokens[i];
      outTypes[k] = 'word';
      if (doc.pos[i] === 'PROPN') outPos[k] = 'PROPN';
      continue;
    }
    newIndex[i] = outTokens.length;
    outTokens.push(tokens[i]);
    outStarts.push(starts[i]);
    outPos.push(doc.pos[i]);
    outTypes.push(types[i]);
  }
  const capitalised = capitalisation(outTokens);
  for (let k = 0; k < outTokens.length; k++) if (capitalised[k] && outPos[k] === 'X') outPos[k] = 'PROPN';
  // Pushed like readWink's arrays (one elements kind, see there).
  const sentences: WinkSpan[] = [];
  for (const s of doc.sentences) sentences.push({ first: newIndex[s.first], last: newIndex[s.last] });
  const entities: WinkEntity[] = [];
  for (const e of doc.entities) entities.push({ first: newIndex[e.first], last: newIndex[e.last], type: e.type });
  const sentenceStart = new Uint8Array(outTokens.length);
  for (const s of sentences) sentenceStart[s.first] = 1;
  // Laid out as readWink's own result: the code reading either sees one object shape.
  return {
    text: doc.text,
    tokens: outTokens,
    starts: Int32Array.from(outStarts),
    pos: outPos,
    types: outTypes,
    capitalised,
    sentenceStart,
    sentences,
    entities,
  };
}
