// wink reports tokens and the whitespace before each, not character offsets. Offsets are found
// by walking the text: each token lies at the current position or further on, past whitespace.

const isSpace = (code: number): boolean =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 0xa0 ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x3000 ||
  code === 0xfeff ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x85 ||
  code === 0x1680 ||
  code === 0x202f ||
  code === 0x205f;

/** Whether `token`, whose first character is known to match, occurs in `text` at `pos` (cheaper than startsWith). */
function restMatches(text: string, token: string, pos: number): boolean {
  for (let k = token.length - 1; k > 0; k--) if (text.charCodeAt(pos + k) !== token.charCodeAt(k)) return false;
  return true;
}

/** UTF-16 start offset of each token in `text` (wink's whitespace before a token is only ever whitespace). */
export function tokenStarts(text: string, tokens: readonly string[]): Int32Array {
  const starts = new Int32Array(tokens.length);
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.length > 0) {
      // The first position from `pos`, over whitespace, where the token occurs; else `pos` itself.
      const first = token.charCodeAt(0);
      for (let probe = pos; ; probe++) {
        const c = text.charCodeAt(probe);
        if (c === first && restMatches(text, token, probe)) {
          pos = probe;
          break;
        }
        if (!isSpace(c)) break;
      }
    }
    starts[i] = pos;
    pos += token.length;
  }
  return starts;
}
