import * as assert from 'assert';
import { countsInRangeSteps } from '../../../src/core/analytics/dateFilter';
import { Steps, runSteps } from '../../../src/core/analytics/steps';
import { SlicedAnswers } from '../../../src/extension/views/slicedAnswers';
import { XI, analysedIndex, seedDated, seedTexts } from '../analytics/corpus';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';

/** Xi Jinping's mentions in documents of 2023, one document per step. */
function* xiIn2023(index: ReturnType<typeof analysedIndex>): Steps<{ mentions: number }> {
  const counts = yield* countsInRangeSteps(index, { from: '2023', to: '2023' });
  return { mentions: counts.get(XI)?.mentions ?? 0 };
}

describe('Entity Explorer: answers in time slices', () => {
  it('recomputes an answer when the index changes while it is computed', async () => {
    const index = analysedIndex(seedTexts());
    const before = runSteps(xiIn2023(index)).mentions;
    const answers = new SlicedAnswers(index, 0); // a slice per step
    let made = 0;
    const answer = answers.answer('chart', () => {
      made++;
      return xiIn2023(index);
    });
    // Between the first slices, a fourth dated copy comes in.
    const text = seedDated('2023-04-15');
    await new Promise(resolve => setImmediate(resolve));
    index.setDocument('apr.txt', text, analyzeDocument(text));
    const { mentions } = (await answer)!;
    assert.strictEqual(made, 2, 'computed again');
    assert.ok(mentions > before, `${mentions} mentions, ${before} before the copy`);
    assert.strictEqual(mentions, runSteps(xiIn2023(index)).mentions);
    answers.dispose();
  });

  it('drops an answer overtaken by a newer request of its kind, not one of another kind', async () => {
    const index = analysedIndex(seedTexts());
    const answers = new SlicedAnswers(index, 0);
    const first = answers.answer('chart', () => xiIn2023(index));
    const other = answers.answer('entities', () => xiIn2023(index));
    const second = answers.answer('chart', () => xiIn2023(index));
    const [a, b, c] = await Promise.all([first, other, second]);
    assert.strictEqual(a, undefined);
    assert.deepStrictEqual([b, c], [runSteps(xiIn2023(index)), runSteps(xiIn2023(index))]);
    const dropped = answers.answer('chart', () => xiIn2023(index));
    answers.drop('chart');
    assert.strictEqual(await dropped, undefined, 'dropped');
    answers.dispose();
    assert.strictEqual(await answers.answer('chart', () => xiIn2023(index)), undefined, 'none once disposed');
  });
});
