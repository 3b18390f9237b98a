// Where things are in a JSON text, for error messages that name a line: JSON.parse says what is
// wrong but (in Node 20) not always where, and never where a well-formed value sits.
//
// A strict RFC 8259 scanner: it accepts exactly what JSON.parse accepts (the tests hold it to
// that), building no values, only offsets.

export interface JsonLayout {
  /** Offset of each top-level object key (its opening quote). */
  keys: Map<string, number>;
  /** Offsets at which the elements of the top-level `arrayKey` array start. */
  elements: number[];
  /** The first key repeated in an object (JSON.parse keeps the last value silently), at any depth. */
  duplicate?: { key: string; offset: number };
}

export type JsonScan = { ok: true; layout: JsonLayout } | { ok: false; offset: number };

class Stop {
  constructor(readonly offset: number) {}
}

/** Scans `text`; `arrayKey` names the top-level array whose element offsets are wanted. */
export function scanJson(text: string, arrayKey: string): JsonScan {
  const layout: JsonLayout = { keys: new Map(), elements: [] };
  let pos = 0;

  const fail = (): never => {
    throw new Stop(pos);
  };
  const skipSpace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };
  const expect = (char: string): void => {
    if (text[pos] !== char) fail();
    pos++;
  };

  /** Skips a string; returns its value only when `wanted` (an object key). */
  const string = (wanted: boolean): string => {
    const start = pos;
    let escaped = false;
    expect('"');
    for (;;) {
      if (pos >= text.length) fail();
      const c = text.charCodeAt(pos);
      if (c === 34 /* " */) {
        pos++;
        if (!wanted) return '';
        return escaped ? (JSON.parse(text.slice(start, pos)) as string) : text.slice(start + 1, pos - 1);
      }
      if (c < 0x20) fail();
      if (c === 92 /* \ */) {
        escaped = true;
        pos++;
        const e = text[pos];
        if (e === 'u') {
          for (let i = 1; i <= 4; i++) {
            if (!/[0-9a-fA-F]/.test(text[pos + i] ?? '')) {
              pos += i;
              fail();
            }
          }
          pos += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos++;
        else fail();
      } else pos++;
    }
  };

  const digits = (): void => {
    if (!/[0-9]/.test(text[pos] ?? '')) fail();
    while (/[0-9]/.test(text[pos] ?? '')) pos++;
  };

  const number = (): void => {
    if (text[pos] === '-') pos++;
    if (text[pos] === '0') pos++;
    else digits();
    if (text[pos] === '.') {
      pos++;
      digits();
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      digits();
    }
  };

  const literal = (word: string): void => {
    for (const char of word) expect(char);
  };

  const value = (depth: number, elements: number[] | null): void => {
    skipSpace();
    const c = text[pos];
    if (c === '{') object(depth);
    else if (c === '[') array(depth, elements);
    else if (c === '"') string(false);
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else fail();
  };

  const object = (depth: number): void => {
    expect('{');
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    // A few keys in an array (there may be 50,000 such objects), a set past that (or one object
    // with 100,000 keys would take quadratic time).
    const seen: string[] = [];
    let seenSet: Set<string> | undefined;
    for (;;) {
      skipSpace();
      const keyAt = pos;
      const key = string(true);
      if (depth === 0 && !layout.keys.has(key)) layout.keys.set(key, keyAt);
      if (seenSet ? seenSet.has(key) : seen.includes(key)) layout.duplicate ??= { key, offset: keyAt };
      if (seenSet) seenSet.add(key);
      else if (seen.push(key) > 16) seenSet = new Set(seen);
      skipSpace();
      expect(':');
      value(depth + 1, depth === 0 && key === arrayKey ? layout.elements : null);
      skipSpace();
      if (text[pos] === ',') pos++;
      else return expect('}');
    }
  };

  const array = (depth: number, elements: number[] | null): void => {
    expect('[');
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      elements?.push(pos);
      value(depth + 1, null);
      skipSpace();
      if (text[pos] === ',') pos++;
      else return expect(']');
    }
  };

  try {
    value(0, null);
    skipSpace();
    if (pos < text.length) fail();
    return { ok: true, layout };
  } catch (error) {
    // A RangeError (nesting deeper than the stack) stops here too, at the innermost value.
    return { ok: false, offset: error instanceof Stop ? error.offset : pos };
  }
}
