// wink's tokenizer is quadratic in the length of a token without whitespace (100k chars: 17 s),
// and it silently drops form feed, vertical tab and U+2028/U+2029, which shifts every later
// offset. The analyzer therefore feeds wink a copy of the text of the SAME length, so that
// offsets found in the copy index the original text exactly.

/** Runs of non-space characters longer than this are blanked: no real word is that long. */
export const MAX_TOKEN_CHARS = 200;

const LONG_RUN = new RegExp(`[^\\s]{${MAX_TOKEN_CHARS + 1},}`, 'g');
// Characters wink drops, plus a BOM, which must never become part of a token.
const DROPPED_CHARS = /[\f\v\u2028\u2029\uFEFF]/g;

/** Whitespace as the regular expression `\s` sees it. */
const isRegExpSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

const isDropped = (c: number): boolean => c === 12 || c === 11 || c === 0x2028 || c === 0x2029 || c === 0xfeff;

/** Whether the text needs guarding: one pass over char codes, no allocation (the usual case). */
function needsGuard(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0x80) {
      if (++run > MAX_TOKEN_CHARS) return true;
    } else if (isDropped(c)) {
      return true;
    } else if (isRegExpSpace(c)) {
      run = 0;
    } else if (++run > MAX_TOKEN_CHARS) {
      return true;
    }
  }
  return false;
}

/** The text with long runs and dropped characters replaced by spaces, one for one. */
export function guardText(text: string): string {
  if (!needsGuard(text)) return text;
  return text
    .replace(DROPPED_CHARS, ' ')
    .replace(LONG_RUN, (run) => ' '.repeat(run.length));
}
