import * as assert from 'assert';
import { daysOf, periodsBetween } from '../../../src/webview/periods';

describe('timeline periods', () => {
  it('lists every period between two, across month and year ends, up to a limit', () => {
    assert.deepStrictEqual(periodsBetween('2022-11', '2023-02', 'month', 100), ['2022-11', '2022-12', '2023-01', '2023-02']);
    assert.deepStrictEqual(periodsBetween('2024-02-27', '2024-03-01', 'day', 100), [
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    assert.deepStrictEqual(periodsBetween('1999', '2001', 'year', 100), ['1999', '2000', '2001']);
    assert.deepStrictEqual(periodsBetween('2023', '2023', 'year', 100), ['2023']);
    assert.strictEqual(periodsBetween('2000-01-01', '2099-12-31', 'day', 50).length, 50);
  });

  it('spans periods in days, for the date filter', () => {
    assert.deepStrictEqual(daysOf('2023-01', '2023-02'), { from: '2023-01-01', to: '2023-02-28' });
    assert.deepStrictEqual(daysOf('2024-02', '2024-02'), { from: '2024-02-01', to: '2024-02-29' });
    assert.deepStrictEqual(daysOf('2022', '2023'), { from: '2022-01-01', to: '2023-12-31' });
    assert.deepStrictEqual(daysOf('2023-01-15', '2023-01-31'), { from: '2023-01-15', to: '2023-01-31' });
  });
});
