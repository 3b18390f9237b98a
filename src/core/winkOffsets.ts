// wink reports tokens and the whitespace before each, not character offsets. Offsets are the
// running sum of both, re-synchronised against the text wherever wink's whitespace is short
// (it caps a run of spaces at 65,534).

const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 ||
  code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x85;

/** UTF-16 start offset of each token in `text`. */
export function tokenStarts(text: string, tokens: readonly string[], spaces: readonly string[]): Int32Array {
  const starts = new Int32Array(tokens.length);
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    pos += spaces[i].length;
    const token = tokens[i];
    if (!text.startsWith(token, pos)) {
      // Drift only ever hides whitespace, so the token lies further on, past whitespace.
      let probe = pos;
      while (probe < text.length && isSpace(text.charCodeAt(probe)) && !text.startsWith(token, probe)) probe++;
      if (text.startsWith(token, probe)) pos = probe;
    }
    starts[i] = pos;
    pos += token.length;
  }
  return starts;
}
