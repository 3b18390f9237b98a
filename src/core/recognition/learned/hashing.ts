// 32-bit feature hashes: a feature is a template number and its value, hashed to one integer that
// keys the model's weights (no feature strings are kept).

/** FNV-1a over the UTF-16 code units of `s`, from a seed (the template). */
export function hashString(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Combines a hash with one more integer (murmur3's finaliser on the mix). */
export function mix(h: number, v: number): number {
  let x = Math.imul(h ^ Math.imul(v + 0x7f4a7c15, 0x85ebca6b), 0xc2b2ae35);
  x ^= x >>> 15;
  x = Math.imul(x, 0x27d4eb2f);
  return (x ^ (x >>> 13)) >>> 0;
}

export const mix2 = (t: number, a: number, b: number): number => mix(mix(t, a), b);
export const mix3 = (t: number, a: number, b: number, c: number): number => mix(mix(mix(t, a), b), c);
