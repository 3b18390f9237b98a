import * as assert from 'assert';
import { moveIndex } from '../../../src/webview/keys';

describe('moving within a one-Tab-stop group (#17.10)', () => {
  it('#17.10 arrows move by one along the orientation, clamped at the ends', () => {
    assert.strictEqual(moveIndex('ArrowRight', 0, 3, 'horizontal'), 1);
    assert.strictEqual(moveIndex('ArrowLeft', 1, 3, 'horizontal'), 0);
    assert.strictEqual(moveIndex('ArrowLeft', 0, 3, 'horizontal'), 0);
    assert.strictEqual(moveIndex('ArrowRight', 2, 3, 'horizontal'), 2);
    assert.strictEqual(moveIndex('ArrowDown', 0, 3, 'horizontal'), undefined);
    assert.strictEqual(moveIndex('ArrowDown', 0, 3, 'vertical'), 1);
    assert.strictEqual(moveIndex('ArrowRight', 0, 3, 'vertical'), undefined);
    assert.strictEqual(moveIndex('ArrowDown', 1, 3, 'both'), 2);
    assert.strictEqual(moveIndex('ArrowLeft', 1, 3, 'both'), 0);
  });

  it('#17.10 Home and End go to the ends; other keys and empty groups do nothing', () => {
    assert.strictEqual(moveIndex('Home', 2, 3, 'both'), 0);
    assert.strictEqual(moveIndex('End', 0, 3, 'both'), 2);
    assert.strictEqual(moveIndex('Enter', 0, 3, 'both'), undefined);
    assert.strictEqual(moveIndex('ArrowRight', 0, 0, 'both'), undefined);
  });
});
