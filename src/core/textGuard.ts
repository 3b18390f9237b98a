// wink's tokenizer is quadratic in the length of a token without whitespace (100k chars: 17 s),
// and it silently drops form feed, vertical tab and U+2028/U+2029, which shifts every later
// offset. The analyzer therefore feeds wink a copy of the text of the SAME length, so that
// offsets found in the copy index the original text exactly.

/** Runs of non-space characters longer than this are blanked: no real word is that long. */
export const MAX_TOKEN_CHARS = 200;

const LONG_RUN = new RegExp(`[^\\s]{${MAX_TOKEN_CHARS + 1},}`, 'g');
// Characters wink drops, plus a BOM, which must never become part of a token.
const DROPPED_CHARS = /[\f\v\u2028\u2029\uFEFF]/g;

/** The text with long runs and dropped characters replaced by spaces, one for one. */
export function guardText(text: string): string {
  return text
    .replace(DROPPED_CHARS, ' ')
    .replace(LONG_RUN, (run) => ' '.repeat(run.length));
}
