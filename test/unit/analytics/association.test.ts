import * as assert from 'assert';
import { Table, mutualInformation, signedLogLikelihood } from '../../../src/core/analytics/association';

/** G² from its textbook form, 2 Σ O ln(O / E), to check the entropy form against. */
function g2(t: Table): number {
  const n = t.k11 + t.k12 + t.k21 + t.k22;
  const rows = [t.k11 + t.k12, t.k21 + t.k22];
  const cols = [t.k11 + t.k21, t.k12 + t.k22];
  const cells = [
    [t.k11, rows[0] * cols[0]],
    [t.k12, rows[0] * cols[1]],
    [t.k21, rows[1] * cols[0]],
    [t.k22, rows[1] * cols[1]],
  ];
  return 2 * cells.reduce((sum, [o, rc]) => sum + (o > 0 ? o * Math.log((o * n) / rc) : 0), 0);
}

describe('analytics: association measures', () => {
  it('is G² when observed exceeds expected, minus G² below it, 0 at independence', () => {
    const attracted = { k11: 10, k12: 5, k21: 3, k22: 200 };
    assert.ok(Math.abs(signedLogLikelihood(attracted) - g2(attracted)) < 1e-9);
    assert.ok(g2(attracted) > 0);
    const avoided = { k11: 1, k12: 50, k21: 50, k22: 100 };
    assert.ok(Math.abs(signedLogLikelihood(avoided) + g2(avoided)) < 1e-9);
    assert.strictEqual(signedLogLikelihood({ k11: 2, k12: 8, k21: 8, k22: 32 }), 0);
  });

  it('is exact with empty cells', () => {
    const t = { k11: 3, k12: 0, k21: 0, k22: 97 };
    assert.ok(Math.abs(signedLogLikelihood(t) - g2(t)) < 1e-9);
  });

  it('gives MI as log2 of observed over expected', () => {
    assert.strictEqual(mutualInformation({ k11: 4, k12: 4, k21: 4, k22: 88 }), Math.log2((4 * 100) / (8 * 8)));
    assert.strictEqual(mutualInformation({ k11: 2, k12: 8, k21: 8, k22: 32 }), 0);
  });
});
