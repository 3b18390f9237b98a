// Gazetteer sets, precomputed at build time by scripts/gen-gazetteer.js (`npm run gen:gazetteer`),
// and the common English words of wink's own lexicon.
import data from './data/gazetteer.generated.json';
import coreModel from 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

export interface Gazetteer {
  /** Countries, regions, capitals, large cities, US states. */
  places: ReadonlySet<string>;
  /** Nationalities, religious and political groups (singular and plural). */
  norp: ReadonlySet<string>;
  firstNames: ReadonlySet<string>;
  /** The first word (see firstWordKey) of every place and NORP entry: a cheap pre-test. */
  firstWords: ReadonlySet<string>;
}

let sets: Gazetteer | undefined;

/**
 * The part of a name or token before its first space, full stop, comma, hyphen or apostrophe:
 * "St. Petersburg" and the token "St" or "St." both give "St". A plain token is returned as is,
 * so that a Set lookup reuses its hash.
 */
export function firstWordKey(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 46 || c === 44 || c === 45 || c === 39 || c === 0x2019) return s.slice(0, i);
  }
  return s;
}

/** Built on first use, once per process. */
export function gazetteer(): Gazetteer {
  sets ??= {
    places: new Set(data.places),
    norp: new Set(data.norp),
    firstNames: new Set(data.firstNames),
    firstWords: new Set([...data.places, ...data.norp].map(firstWordKey)),
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
    const clusters = model.features.posClusters.list.map((c) => /NOUN|ADJ|VERB|ADV/.test(c) && !/PROPN/.test(c));
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
