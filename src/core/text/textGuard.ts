// wink's tokenizer is quadratic in the length of a token without whitespace,
// and it silently drops form feed, vertical tab and U+2028/U+2029, which shifts every later
// offset. The analyzer therefore feeds wink a copy of the text of the SAME length, so that
// offsets found in the copy index the original text exactly.

/** Runs of non-space characters longer than this are blanked: no real word is that long. */
export const MAX_TOKEN_CHARS = 200;

const LONG_RUN = new RegExp(`[^\\s]{${MAX_TOKEN_CHARS + 1},}`, 'g');
// Characters wink drops, plus a BOM, which must never become part of a token.
const DROPPED_CHAR = /[\f\v\u2028\u2029\uFEFF]/;
const DROPPED_CHARS = new RegExp(DROPPED_CHAR.source, 'g');

/** Whitespace as the regular expression `\s` sees it. */
const isRegExpSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * Whether the text has a run of more than MAX_TOKEN_CHARS non-space characters. Such a run covers
 * a multiple of MAX_TOKEN_CHARS + 1, so only the runs through those positions are measured.
 */
function hasLongRun(text: string): boolean {
  for (let p = 0; p < text.length; p += MAX_TOKEN_CHARS + 1) {
    if (isRegExpSpace(text.charCodeAt(p))) continue;
    let start = p;
    while (start > 0 && !isRegExpSpace(text.charCodeAt(start - 1))) start--;
    let end = p + 1;
    while (end < text.length && !isRegExpSpace(text.charCodeAt(end))) end++;
    if (end - start > MAX_TOKEN_CHARS) return true;
  }
  return false;
}

/** Whether the text needs guarding (the usual text does not: no copy is made then). */
function needsGuard(text: string): boolean {
  return hasLongRun(text) || DROPPED_CHAR.test(text);
}

/** The text with long runs and dropped characters replaced by spaces, one for one. */
export function guardText(text: string): string {
  if (!needsGuard(text)) return text;
  return text.replace(DROPPED_CHARS, ' ').replace(LONG_RUN, run => ' '.repeat(run.length));
}

// Whitespace of names and keys: most have single spaces only, and are then kept as they are.

/** Whether `s` (from start to end) has whitespace other than single spaces (cheaper than a regular expression). */
export function hasOddSpace(s: string, start = 0, end = s.length): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? i + 1 < end && s.charCodeAt(i + 1) === 32 : c <= 13 ? c >= 9 : c >= 0x80 && isRegExpSpace(c)) return true;
  }
  return false;
}

/** `s` with every run of whitespace made one space (`s` itself, not a copy, when there is none to change). */
export function collapseSpaces(s: string): string {
  return hasOddSpace(s) ? s.replace(/\s+/g, ' ') : s;
}
