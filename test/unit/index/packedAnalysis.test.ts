import * as assert from 'assert';
import { packAnalysis, packedProblem, unpackAnalysis } from '../../../src/core/index/packedAnalysis';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';

describe('packed analysis', () => {
  it('unpacks to the analysis it packed, mention texts sliced from the text', () => {
    const text = 'On 3 May 2023, Angela Merkel met Vladimir Putin in Berlin. Merkel said it cost $5 million.';
    const analysis = analyzeDocument(text);
    assert.ok(
      analysis.mentions.some(m => m.value !== null),
      'a resolved date survives too',
    );
    assert.deepStrictEqual(unpackAnalysis(packAnalysis(analysis), text), analysis);
  });

  it('says why a packed analysis cannot be one of the text', () => {
    const text = 'Angela Merkel met Vladimir Putin in Berlin.';
    const packed = packAnalysis(analyzeDocument(text));
    assert.strictEqual(packedProblem(packed, text), undefined);
    assert.strictEqual(packedProblem(packed, 'Angela'), 'mention out of range');
    assert.strictEqual(packedProblem({ ...packed, keys: [1] as unknown as string[] }, text), 'malformed analysis');
    assert.strictEqual(packedProblem({ ...packed, mentions: Int32Array.from([-1, 2, 0, 0, 0, 0]) }, text), 'malformed analysis');
    assert.strictEqual(packedProblem({ ...packed, mentions: Int32Array.from([0, 6, 0, 99, 0, 0]) }, text), 'mention out of range');
  });
});
