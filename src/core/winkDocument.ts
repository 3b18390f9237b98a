// Reads a text with wink once and lays out what the analyzer needs as flat arrays,
// with exact UTF-16 offsets into the text.
import { guardText } from './textGuard';
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
  const starts = tokenStarts(guarded, tokens, tokenList.out(its.precedingSpaces) as string[]);
  // An empty text still has one sentence, [0, -1].
  const sentences = (doc.sentences().out(its.span) as unknown as [number, number][])
    .filter(([first, last]) => last >= first)
    .map(([first, last]) => ({ first, last }));
  const sentenceStart = new Uint8Array(tokens.length);
  for (const s of sentences) sentenceStart[s.first] = 1;
  const entityList = doc.entities();
  const spans = entityList.out(its.span) as unknown as [number, number][];
  const entityTypes = entityList.out(its.type) as string[];
  return {
    text,
    tokens,
    starts,
    pos: tokenList.out(its.pos) as string[],
    types: tokenList.out(its.type) as string[],
    capitalised: capitalisation(tokens),
    sentenceStart,
    sentences,
    entities: spans.map(([first, last], i) => ({ first, last, type: entityTypes[i] })),
  };
}
