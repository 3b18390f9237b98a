import * as assert from 'assert';
import { describeRange, inDateRange, isDateRange, sameRange } from '../../../src/shared/dateRange';

describe('the date-range filter', () => {
  it('accepts ISO dates or prefixes of one, either end open, from not after to', () => {
    for (const ok of [
      { from: '2023-01-01', to: '2023-02-28' },
      { from: '2023-02', to: '2023-02' },
      { from: '2023', to: '' },
      { from: '', to: '2023-02-28' },
    ]) {
      assert.ok(isDateRange(ok), JSON.stringify(ok));
    }
    for (const bad of [
      { from: '', to: '' },
      { from: '2023-03-01', to: '2023-02-28' },
      { from: '2023-1-1', to: '' },
      { from: '2023-01-01T00:00', to: '' },
      { from: '2023', to: '', extra: 1 },
      { from: 2023, to: '' },
      [],
      null,
      '2023',
    ]) {
      assert.ok(!isDateRange(bad), JSON.stringify(bad));
    }
  });

  it('holds documents dated in it, by period at each end; never undated ones', () => {
    const february = { from: '2023-02', to: '2023-02' };
    assert.ok(inDateRange('2023-02-01', february) && inDateRange('2023-02-28', february));
    assert.ok(!inDateRange('2023-01-31', february) && !inDateRange('2023-03-01', february));
    assert.ok(inDateRange('2023-01-31', { from: '2023-01-31', to: '2023-01-31' }));
    assert.ok(inDateRange('2099-12-31', { from: '2023', to: '' }));
    assert.ok(!inDateRange(null, { from: '', to: '2099' }));
  });

  it('describes itself for the status line, and compares by value', () => {
    assert.strictEqual(describeRange({ from: '2023-01-01', to: '2023-02-28' }), 'dated 2023-01-01 to 2023-02-28');
    assert.strictEqual(describeRange({ from: '2023-02', to: '2023-02' }), 'dated 2023-02');
    assert.strictEqual(describeRange({ from: '2023', to: '' }), 'dated from 2023');
    assert.strictEqual(describeRange({ from: '', to: '2023' }), 'dated up to 2023');
    assert.ok(sameRange(null, undefined) && sameRange({ from: 'a', to: 'b' }, { from: 'a', to: 'b' }));
    assert.ok(!sameRange(null, { from: 'a', to: '' }) && !sameRange({ from: 'a', to: '' }, { from: 'a', to: 'b' }));
  });
});
