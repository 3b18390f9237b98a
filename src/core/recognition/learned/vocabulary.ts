// Word types numbered once per process (or worker): a word seen in many documents gets its integer
// and its case and shape once, and the tagger keys its cached sums by that integer rather than by
// the string. The numbering starts over beyond CAPACITY words (between documents), so memory stays
// bounded.
import { hashString } from './hashing';
import { shortShape } from './wordFeatures';

const CAPACITY = 100_000;

/** Bit 1: `t` has a lower-case letter (it changes in upper case); bit 2: an upper-case one. */
function letterCase(t: string): number {
  let out = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128) return (t !== t.toUpperCase() ? 1 : 0) | (t !== t.toLowerCase() ? 2 : 0);
    if (c >= 97 && c <= 122) out |= 1;
    else if (c >= 65 && c <= 90) out |= 2;
  }
  return out;
}

/** Bit 1: `t` starts with a lower-case letter; bit 2: an upper-case one (ASCII without a string). */
function firstCase(t: string): number {
  const c = t.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122 ? 1 : 0) | (c >= 65 && c <= 90 ? 2 : 0);
  const ch = t.charAt(0);
  return (ch !== ch.toUpperCase() ? 1 : 0) | (ch !== ch.toLowerCase() ? 2 : 0);
}

class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  // Sized for the whole numbering (5 bytes a word): grown mid-run, the tables deoptimised the code
  // inlining `id` (docFeatures: no feedback yet for the grow call; a constant field reassigned).
  /** Per word: letterCase, and firstCase two bits up. */
  cases = new Uint8Array(CAPACITY);
  /** Per word: the hash of its short shape. */
  shapes = new Uint32Array(CAPACITY);
  /** Counts the times the numbering started over: tables keyed by word number are then stale. */
  generation = 0;

  /** Called before a document of up to `count` new words: numbers stay valid until the next call. */
  reserve(count: number): void {
    if (this.words.length + count <= CAPACITY) return;
    this.ids.clear();
    this.words.length = 0;
    this.generation++;
  }

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      if (id === this.cases.length) this.grow();
      this.ids.set(word, id);
      this.words.push(word);
      this.cases[id] = letterCase(word) | (firstCase(word) << 2);
      this.shapes[id] = hashString(0, shortShape(word));
    }
    return id;
  }

  private grow(): void {
    const cases = new Uint8Array(2 * this.cases.length);
    cases.set(this.cases);
    this.cases = cases;
    const shapes = new Uint32Array(2 * this.shapes.length);
    shapes.set(this.shapes);
    this.shapes = shapes;
  }
}

/** The process's (or worker's) one numbering. */
export const vocabulary = new Vocabulary();
