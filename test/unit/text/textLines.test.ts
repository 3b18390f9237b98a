import * as assert from 'assert';
import { lineStarts, positionAt } from '../../../src/core/text/textLines';

describe('text lines', () => {
  it('splits lines on \\r\\n, \\r and \\n, as VS Code does', () => {
    assert.deepStrictEqual(lineStarts('a\r\nb\rc\nd'), [0, 3, 5, 7]);
    assert.deepStrictEqual(lineStarts(''), [0]);
    assert.deepStrictEqual(lineStarts('a\n'), [0, 2]);
  });

  it('turns an offset into a 0-based line and UTF-16 column', () => {
    const starts = lineStarts('ab\r\ncd\ne');
    assert.deepStrictEqual(positionAt(starts, 0), { line: 0, character: 0 });
    assert.deepStrictEqual(positionAt(starts, 5), { line: 1, character: 1 });
    assert.deepStrictEqual(positionAt(starts, 7), { line: 2, character: 0 });
  });
});
