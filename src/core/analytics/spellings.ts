// Word spellings numbered, for counting a corpus's words (a first collocates request). Slicing,
// lower-casing and counting every word by its form in a map made most of that time; a corpus has
// few distinct spellings, so each is sliced and given its form once, then found again by hashing
// its code units in place, and counted by its number.

import { fnv1a } from '../text/fnv1a';
import { formOf } from './words';

export class Spellings {
  /** Open addressing, a power of two in size, at most half full. */
  private spellings: (string | undefined)[] = new Array(1024);
  private ids = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** By number, each spelling's form (formOf). */
  private readonly forms: string[] = [];

  /** How many spellings are numbered (0 to size - 1). */
  get size(): number {
    return this.forms.length;
  }

  /** The form of the spelling numbered `id`. */
  form(id: number): string {
    return this.forms[id];
  }

  /** The number of the spelling text.slice(start, end) (whose fnv1a is `hash`), given on its first sight. */
  id(text: string, start: number, end: number, hash = fnv1a(text, start, end)): number {
    const mask = this.spellings.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const spelling = this.spellings[slot];
      if (spelling === undefined) return this.add(slot, hash, text.slice(start, end));
      if (this.hashes[slot] === hash && spelling.length === end - start && text.startsWith(spelling, start)) return this.ids[slot];
    }
  }

  private add(slot: number, hash: number, spelling: string): number {
    const id = this.forms.length;
    this.forms.push(formOf(spelling, { start: 0, end: spelling.length }));
    this.spellings[slot] = spelling;
    this.ids[slot] = id;
    this.hashes[slot] = hash;
    if (this.forms.length * 2 > this.spellings.length) this.grow();
    return id;
  }

  private grow(): void {
    const { spellings, ids, hashes } = this;
    const size = spellings.length * 2;
    this.spellings = new Array(size);
    this.ids = new Int32Array(size);
    this.hashes = new Int32Array(size);
    for (let i = 0; i < spellings.length; i++) {
      if (spellings[i] === undefined) continue;
      let slot = hashes[i] & (size - 1);
      while (this.spellings[slot] !== undefined) slot = (slot + 1) & (size - 1);
      this.spellings[slot] = spellings[i];
      this.ids[slot] = ids[i];
      this.hashes[slot] = hashes[i];
    }
  }
}
