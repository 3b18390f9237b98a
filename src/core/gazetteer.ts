// Gazetteer sets, precomputed at build time by scripts/gen-gazetteer.js (`npm run gen:gazetteer`).
import data from './data/gazetteer.generated.json';

export interface Gazetteer {
  /** Countries, regions, capitals, large cities, US states. */
  places: ReadonlySet<string>;
  /** Nationalities, religious and political groups (singular and plural). */
  norp: ReadonlySet<string>;
  firstNames: ReadonlySet<string>;
}

let sets: Gazetteer | undefined;

/** Built on first use, once per process. */
export function gazetteer(): Gazetteer {
  sets ??= {
    places: new Set(data.places),
    norp: new Set(data.norp),
    firstNames: new Set(data.firstNames),
  };
  return sets;
}
