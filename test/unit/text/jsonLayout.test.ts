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

  it('finds the first repeated key of an object, in a small object and past the first 16 keys', () => {
    const at = (text: string) => {
      const scan = scanJson(text, 'x');
      assert.ok(scan.ok, text);
      return scan.layout.duplicate;
    };
    assert.deepStrictEqual(at('{"a": 1, "b": {"a": 2}}'), undefined, 'the same key in two objects');
    assert.deepStrictEqual(at('{"a": 1, "b": 2, "a": 3}'), { key: 'a', offset: 17 });
    const many = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`);
    assert.deepStrictEqual(at(`{${many.join(', ')}}`), undefined);
    const again = `{${[...many, '"k3": 0', '"k39": 0'].join(', ')}}`;
    assert.deepStrictEqual(at(again), { key: 'k3', offset: again.indexOf('"k3": 0') });
    const escaped = '{"\\u0061": 1, "a": 2}';
    assert.deepStrictEqual(at(escaped), { key: 'a', offset: escaped.indexOf('"a"') });
  });
});
