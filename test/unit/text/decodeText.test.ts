import * as assert from 'assert';
import { decodeText } from '../../../src/core/text/decodeText';

const SAMPLE = 'Xi Jinping’s visit — café ✓ 😀\nline two';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = code >> 8;
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
  }
  return bytes;
}

function utf32(text: string, bigEndian: boolean): Uint8Array {
  const codes = [0xfeff, ...[...text].map(c => c.codePointAt(0)!)];
  const bytes = new Uint8Array(codes.length * 4);
  codes.forEach((code, i) => new DataView(bytes.buffer).setUint32(4 * i, code, !bigEndian));
  return bytes;
}

describe('decodeText', () => {
  it('decodes UTF-8 without warnings', () => {
    assert.deepStrictEqual(decodeText(new TextEncoder().encode(SAMPLE)), { text: SAMPLE, warnings: [] });
    assert.deepStrictEqual(decodeText(new Uint8Array()), { text: '', warnings: [] });
  });

  it('strips a UTF-8 BOM, and only one', () => {
    const bytes = new TextEncoder().encode('\uFEFF\uFEFFabc');
    assert.deepStrictEqual(decodeText(bytes), { text: '\uFEFFabc', warnings: [] });
  });

  it('decodes UTF-16 LE and BE by their BOM, NUL bytes included', () => {
    assert.deepStrictEqual(decodeText(utf16(SAMPLE, false)), { text: SAMPLE, warnings: [] });
    assert.deepStrictEqual(decodeText(utf16(SAMPLE, true)), { text: SAMPLE, warnings: [] });
  });

  it('decodes UTF-32 LE and BE by their BOM, and warns about what is not a character', () => {
    assert.deepStrictEqual(decodeText(utf32(SAMPLE, false)), { text: SAMPLE, warnings: [] });
    assert.deepStrictEqual(decodeText(utf32(SAMPLE, true)), { text: SAMPLE, warnings: [] });
    const bad = new Uint8Array([...utf32('ab', true), 0, 0x11, 0, 0, 0, 0, 0xd8, 0, 0, 0]);
    assert.deepStrictEqual(decodeText(bad), {
      text: 'ab\uFFFD\uFFFD\uFFFD',
      warnings: ['invalid UTF-32: undecodable bytes replaced with U+FFFD'],
    });
  });

  it('skips files with NUL bytes as binary', () => {
    const result = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    assert.ok('skipped' in result && /binary/.test(result.skipped));
    assert.ok('skipped' in decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x00])));
  });

  it('replaces invalid UTF-8 and warns', () => {
    const result = decodeText(new Uint8Array([0x61, 0xff, 0x62, 0xc3]));
    assert.ok('text' in result);
    assert.strictEqual(result.text, 'a\uFFFDb\uFFFD');
    assert.strictEqual(result.warnings.length, 1);
    assert.match(result.warnings[0], /UTF-8/);
  });

  it('warns about a truncated UTF-16 file', () => {
    const bytes = utf16('ab', false);
    const result = decodeText(bytes.subarray(0, bytes.length - 1));
    assert.ok('text' in result);
    assert.ok(result.text.startsWith('a'));
    assert.strictEqual(result.warnings.length, 1);
  });
});
