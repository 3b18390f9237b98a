// Gazetteer sets, precomputed at build time by scripts/gen-gazetteer.js (`npm run gen:gazetteer`),
// and the common English words of wink's own lexicon. The gazetteer sets answer through a WordFilter.
import data from '../../data/gazetteer.generated.json';
import coreModel from 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';
import { fnv1a } from '../../text/fnv1a';

/**
 * Bits of word hashes in front of a large Set or Map. A lookup there costs several cache misses,
 * and most words asked about are not in it: one bit test in a table that stays in cache turns
 * most of those away (at 8 bits per word, all but about one in eight).
 */
export class WordFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(wordCount: number) {
    let size = 1024;
    while (size < 8 * wordCount) size *= 2;
    this.bits = new Int32Array(size / 32);
    this.mask = size - 1;
  }

  add(word: string): void {
    const bit = fnv1a(word) & this.mask;
    this.bits[bit >> 5] |= 1 << (bit & 31);
  }

  /** False if no word of this hash (fnv1a) was ever added: a word looked up in several sets is hashed once. */
  mayHave(hash: number): boolean {
    const bit = hash & this.mask;
    return (this.bits[bit >> 5] & (1 << (bit & 31))) !== 0;
  }
}

/** A set of words behind a WordFilter. */
export class WordSet {
  private readonly words: ReadonlySet<string>;
  private readonly filter: WordFilter;

  constructor(words: readonly string[]) {
    this.words = new Set(words);
    this.filter = new WordFilter(this.words.size);
    for (const word of this.words) this.filter.add(word);
  }

  /** False if the set has no word of this hash (fnv1a): the word need not be made to ask. */
  mayHave(hash: number): boolean {
    return this.filter.mayHave(hash);
  }

  /** `hash`: the word's fnv1a, if the caller has it already. */
  has(word: string, hash = fnv1a(word)): boolean {
    return this.filter.mayHave(hash) && this.words.has(word);
  }
}

export interface Gazetteer {
  /** Countries, regions, capitals, large cities, US states. */
  places: WordSet;
  /** Nationalities, religious and political groups (singular and plural). */
  norp: WordSet;
  firstNames: WordSet;
}

let sets: Gazetteer | undefined;

/** Built on first use, once per process. */
export function gazetteer(): Gazetteer {
  sets ??= {
    places: new WordSet(data.places),
    norp: new WordSet(data.norp),
    firstNames: new WordSet(data.firstNames),
  };
  return sets;
}

interface CoreModel {
  lexicon: string;
  packing: { size: number; layout: Record<string, number[]> };
  features: { lexeme: { list: string[] }; posClusters: { list: string[] } };
}

let common: ReadonlySet<string> | undefined;

/**
 * Lower-case English words (nouns, adjectives, verbs, adverbs) from the lexicon of the wink model
 * the analyzer already loads (~84,000 words; proper names are not in it). Empty if the model's
 * layout is not the one expected, so that a model upgrade degrades the cue, never the analyzer.
 */
export function commonWords(): ReadonlySet<string> {
  common ??= readCommonWords(coreModel as unknown as CoreModel);
  return common;
}

function readCommonWords(model: CoreModel): ReadonlySet<string> {
  const out = new Set<string>();
  try {
    const [word, mask, shift] = model.packing.layout.lexemeCID;
    const size = model.packing.size;
    // atob, as wink's own model reader: no Node-only API in the core.
    const binary = atob(model.lexicon);
    const bytes = new Uint8Array(binary.length);
    for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
    const lexicon = new Uint32Array(bytes.buffer, 0, bytes.length >> 2);
    const clusters = model.features.posClusters.list.map(c => /NOUN|ADJ|VERB|ADV/.test(c) && !/PROPN/.test(c));
    const list = model.features.lexeme.list;
    for (let i = 0; i < list.length; i++) {
      const lexeme = list[i];
      const c = lexeme.charCodeAt(0);
      if (c < 97 || c > 122 || lexeme.length < 2) continue;
      if (clusters[(lexicon[i * size + word] & mask) >>> shift]) out.add(lexeme);
    }
  } catch {
    out.clear();
  }
  return out;
}
