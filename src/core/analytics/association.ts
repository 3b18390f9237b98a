// Association measures over a 2×2 contingency table:
//
//                 B        not B
//   A           k11         k12
//   not A       k21         k22
//
// Log-likelihood is Dunning's G², signed: negative when A and B occur together less often than
// chance predicts, so that a ranking by score puts attraction first and avoidance last (G² alone
// scores both alike).

export interface Table {
  k11: number;
  k12: number;
  k21: number;
  k22: number;
}

/** Dunning's G² (entropy form, exact for zero cells), negative when k11 is below its expectation. */
export function signedLogLikelihood({ k11, k12, k21, k22 }: Table): number {
  const n = k11 + k12 + k21 + k22;
  const observed = k11 * n; // against the expectation (k11 + k12)(k11 + k21), both times n
  const expected = (k11 + k12) * (k11 + k21);
  if (observed === expected) return 0; // where the entropy form leaves rounding noise
  const g2 =
    2 *
    (xLogX(k11) +
      xLogX(k12) +
      xLogX(k21) +
      xLogX(k22) -
      xLogX(k11 + k12) -
      xLogX(k21 + k22) -
      xLogX(k11 + k21) -
      xLogX(k12 + k22) +
      xLogX(n));
  const score = Math.max(0, g2); // rounding can dip below 0 near independence
  return observed < expected ? -score || 0 : score; // never -0, which JSON would write as 0
}

/** Pointwise mutual information, log2(observed / expected) for the k11 cell. */
export function mutualInformation({ k11, k12, k21, k22 }: Table): number {
  const n = k11 + k12 + k21 + k22;
  return Math.log2((k11 * n) / ((k11 + k12) * (k11 + k21)));
}

function xLogX(x: number): number {
  return x > 0 ? x * Math.log(x) : 0;
}
