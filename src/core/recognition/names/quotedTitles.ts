// Titles of works in quotes ("A Song of Love and Death", “Hero”): every content word capitalised.
// Quoted speech fails the test: it has lower-case content words.
import { WinkSpan, WinkTokens } from '../wink/winkDocument';

const OPENING = new Set(['"', '“']);
const CLOSING = new Set(['"', '”']);
const MAX_WORDS = 8;
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'with',
  'by',
  'as',
  'is',
  'de',
  'la',
  'le',
  'en',
  'et',
  'du',
  'von',
  'der',
  'und',
]);

export function findQuotedTitles(doc: WinkTokens): WinkSpan[] {
  const { tokens, types } = doc;
  const out: WinkSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // The type first (wink types both quotes as punctuation): it spares reading every token's text.
    if (types[i] !== 'punctuation' || !OPENING.has(tokens[i])) continue;
    let j = i + 1;
    let lastWord = -1;
    for (; j < tokens.length && j - i <= MAX_WORDS + 1 && !CLOSING.has(tokens[j]) && !doc.sentenceStart[j]; j++) {
      if (doc.capitalised[j]) lastWord = j;
      else if (types[j] === 'word' && !FUNCTION_WORDS.has(tokens[j])) break;
      else if (types[j] !== 'punctuation') lastWord = j;
    }
    const first = i + 1;
    if (j < tokens.length && CLOSING.has(tokens[j]) && lastWord >= first && doc.capitalised[first] === 1) {
      out.push({ first, last: lastWord });
      i = j;
    }
  }
  return out;
}
