// Bytes of a corpus file → text. Shared by the CLI and the extension's reader; uses only
// TextDecoder so it runs in Node, workers and the browser alike.

export type DecodedText =
  | { text: string; warnings: string[] }
  /** Why the file is not text, e.g. binary content. */
  | { skipped: string };

/**
 * Decodes UTF-8 (BOM stripped) or BOM-marked UTF-32 or UTF-16, LE or BE. Files without such a BOM
 * that contain NUL bytes are skipped as binary; invalid sequences are replaced with U+FFFD and
 * reported as a warning.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  // UTF-32 LE's BOM starts with UTF-16 LE's: tested first.
  if (startsWith(bytes, [0xff, 0xfe, 0, 0])) return decodeUtf32(bytes.subarray(4), true);
  if (startsWith(bytes, [0, 0, 0xfe, 0xff])) return decodeUtf32(bytes.subarray(4), false);
  if (startsWith(bytes, [0xff, 0xfe])) return decode('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decode('utf-16be', bytes.subarray(2));
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  return decode('utf-8', body);
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), warnings: [] };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    return { text, warnings: [`invalid ${encoding.toUpperCase()}: undecodable bytes replaced with U+FFFD`] };
  }
}

/** TextDecoder knows no UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): DecodedText {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let invalid = bytes.length % 4 !== 0;
  for (let at = 0; at + 4 <= bytes.length; at += 4) {
    const code = view.getUint32(at, littleEndian);
    const valid = code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    if (!valid) invalid = true;
    parts.push(String.fromCodePoint(valid ? code : 0xfffd));
  }
  if (bytes.length % 4 !== 0) parts.push('\ufffd');
  return { text: parts.join(''), warnings: invalid ? ['invalid UTF-32: undecodable bytes replaced with U+FFFD'] : [] };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
