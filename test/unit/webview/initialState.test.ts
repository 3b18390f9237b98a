import * as assert from 'assert';
import { DEFAULT_STATE } from '../../../src/shared/panelState';
import { initialState } from '../../../src/webview/entityRows';

const NUMBERS = ['CARDINAL', 'ORDINAL', 'DURATION'];

describe('Entity Explorer initial state (#17.7)', () => {
  it('#17.7 a new panel hides the default hidden types (numbers and the like)', () => {
    assert.deepStrictEqual(initialState(undefined, NUMBERS), { ...DEFAULT_STATE, hiddenTypes: NUMBERS });
    assert.deepStrictEqual(initialState({ search: 'x' }, NUMBERS).hiddenTypes, NUMBERS);
  });

  it('#17.7 a saved type filter is kept, even one that shows every type', () => {
    assert.deepStrictEqual(initialState({ hiddenTypes: [] }, NUMBERS).hiddenTypes, []);
    assert.deepStrictEqual(initialState({ hiddenTypes: ['PERSON'], search: 'pu' }, NUMBERS), {
      ...DEFAULT_STATE,
      hiddenTypes: ['PERSON'],
      search: 'pu',
    });
  });
});
