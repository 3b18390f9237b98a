import * as assert from 'assert';
import { csvRow, parseCsv } from '../../../src/core/text/csv';

describe('csv', () => {
  it('quotes only the fields that need it, doubling quotes, with CRLF row ends', () => {
    assert.strictEqual(csvRow(['a', 1, null, 'b,c', 'say "hi"', 'x\ny']), 'a,1,,"b,c","say ""hi""","x\ny"\r\n');
  });

  it('reads back what it writes, and LF row ends too', () => {
    const rows = [
      ['id', 'name'],
      ['1', 'Smith, Jones & Co'],
      ['2', 'two\r\nlines "quoted"'],
    ];
    assert.deepStrictEqual(parseCsv(rows.map(csvRow).join('')), rows);
    assert.deepStrictEqual(parseCsv('a,b\nc,d'), [
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('refuses an open quote or text after a closing one', () => {
    assert.throws(() => parseCsv('"abc'), /unterminated/);
    assert.throws(() => parseCsv('"a"b'), /after a closing quote/);
  });
});
