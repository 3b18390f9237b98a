// Bytes of a corpus file → text. Shared by the CLI and the extension's reader; uses only
// TextDecoder so it runs in Node, workers and the browser alike.

export type DecodedText =
  | { text: string; warnings: string[] }
  /** Why the file is not text, e.g. binary content. */
  | { skipped: string };

/**
 * Decodes UTF-8 (BOM stripped) or BOM-marked UTF-16 LE/BE. Files without a UTF-16 BOM that
 * contain NUL bytes are skipped as binary; invalid sequences are replaced with U+FFFD and
 * reported as a warning.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
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

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
