import * as assert from 'assert';
import { ENTITY_TYPES } from '../../src/core/types';

describe('core types', () => {
  it('lists the named and wink types once each', () => {
    assert.strictEqual(new Set(ENTITY_TYPES).size, ENTITY_TYPES.length);
    assert.ok(ENTITY_TYPES.includes('PERSON') && ENTITY_TYPES.includes('DATE'));
  });
});
