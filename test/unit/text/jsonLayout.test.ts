import * as assert from 'assert';
import { scanJson } from '../../../src/core/text/jsonLayout';

describe('JSON layout', () => {
  it('scans exactly the texts JSON.parse accepts', () => {
    const texts = [
      '{}',
      '[]',
      ' [1, -2.5e+3, 0, true, false, null, "a\\"b\\u00e9\\n"] ',
      '{"a": {"b": [[]]}}',
      '"x"',
      '-0.0E-0',
      '[1,]',
      '{"a" 1}',
      '{"a": 01}',
      '[1.]',
      '[.5]',
      '["\\x"]',
      '["\\u12G4"]',
      '["a\nb"]',
      '[+1]',
      'tru',
      '[1] [2]',
      '{"a":1,}',
      '',
      ' ',
      '[-]',
      '["\\/"]',
      '{"a":[1,{"b":null}]}',
      "['a']",
      '[1e5]',
      '[1E]',
      'nul',
      '{,}',
    ];
    for (const text of texts) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      assert.strictEqual(scanJson(text, 'x').ok, valid, JSON.stringify(text));
    }
    const scan = scanJson('{"x": [1,\n {"a": 2}, "s"], "y": 1}', 'x');
    assert.ok(scan.ok);
    assert.deepStrictEqual(scan.layout.elements, [7, 11, 21]);
    assert.deepStrictEqual(
      [...scan.layout.keys],
      [
        ['x', 1],
        ['y', 27],
      ],
    );
  });
});
