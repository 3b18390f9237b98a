import * as assert from 'assert';
import { Steps, runSliced, runSteps } from '../../../src/core/analytics/steps';
import { timeline, timelineSteps } from '../../../src/core/analytics/timeline';
import { analysedIndex, seedTexts } from './corpus';

/** Steps that each take about `ms` and yield, then give the number of steps taken. */
function* busy(steps: number, ms: number): Steps<{ steps: number }> {
  for (let i = 0; i < steps; i++) {
    const started = performance.now();
    while (performance.now() - started < ms);
    yield;
  }
  return { steps };
}

describe('analytics: steps', () => {
  it('gives the same result run through at once and in time slices', async () => {
    const index = analysedIndex(seedTexts());
    const sliced = await runSliced(timelineSteps(index, 'month', undefined, { of: 'dates' }), 0);
    assert.deepStrictEqual(sliced, runSteps(timelineSteps(index, 'month', undefined, { of: 'dates' })));
    assert.deepStrictEqual(sliced, timeline(index, 'month', undefined, { of: 'dates' }));
  });

  it('gives the event loop a turn between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const result = await runSliced(busy(20, 2), 5);
      assert.deepStrictEqual(result, { steps: 20 });
      assert.ok(ticks >= 3, `the timer ran ${ticks} times`);
    } finally {
      clearInterval(timer);
    }
  });

  it('stops, unfinished, once abandoned', async () => {
    let slices = 0;
    let finished = false;
    function* counted(): Steps<object> {
      try {
        yield* busy(50, 1);
        return {};
      } finally {
        finished = true;
      }
    }
    const result = await runSliced(counted(), 2, () => ++slices > 2);
    assert.strictEqual(result, undefined);
    assert.ok(finished, 'the generator was closed');
  });
});
