import * as assert from 'assert';
import { FILES_PER_WORKER, workerCount } from '../../../src/cli/workerCount';

describe('CLI worker count', () => {
  it('runs one worker until a second has enough files to pay for its own warm-up', () => {
    assert.strictEqual(workerCount(2, 250), 1);
    assert.strictEqual(workerCount(2, FILES_PER_WORKER), 1);
    assert.strictEqual(workerCount(2, FILES_PER_WORKER + 1), 2);
  });

  it('runs at most one worker per core, and one for no files', () => {
    assert.strictEqual(workerCount(2, 50 * FILES_PER_WORKER), 2);
    assert.strictEqual(workerCount(8, 3 * FILES_PER_WORKER), 3);
    assert.strictEqual(workerCount(1, 5 * FILES_PER_WORKER), 1);
    assert.strictEqual(workerCount(4, 0), 1);
  });
});
