// Types each proper-noun run from cues: gazetteers, titles, head words, context.
import { NamedType } from './types';
import { WinkTokens, endOf } from './winkDocument';
import { NameRun, findNameRuns } from './nameRuns';
import { findQuotedTitles } from './quotedTitles';
import { commonWords, firstWordKey, gazetteer } from './gazetteer';
import {
  COMMON_ACRONYMS, MISC_HEADS, MISC_NOUNS, NAME_PARTICLES, ORG_HEADS, ORG_NOUNS, ORG_PREFIXES, PERSON_NOUNS, PLACE_HEADS,
  PLACE_NOUNS, PLACE_PREPOSITIONS, RUN_CONNECTORS, SPEECH_VERBS, TITLES, TITLE_MODIFIERS,
} from './nameCues';

/** How sure the type is: a weak guess yields to what the rest of the document says. */
export enum Evidence { Guess, Context, Cue }

export interface NamedCandidate {
  /** First and last token index, inclusive. */
  first: number;
  last: number;
  type: NamedType;
  evidence: Evidence;
  /** The surface text with whitespace collapsed. */
  surface: string;
  /** A lone head word ("the Ministry"): it names an entity only by reference to an earlier one. */
  headOnly: boolean;
  /** A guess from one capitalised word: kept only if the rest of the document supports it. */
  unsupported: boolean;
}

/** A numeral after a head ("World War II", "World War Two"). */
const ROMAN = /^(?:[IVX]+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)$/;
/** An initial ("C." in "C. H. Douglas"). */
const INITIAL = /^\p{Lu}\.$/u;
const PLURAL = /^\p{Lu}\p{Ll}+[^su]s$/u;
const GENERIC_ORG_WORDS = new Set([...ORG_HEADS, ...TITLE_MODIFIERS]);
const COMPASS = new Set([
  'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'Greater',
]);

const COPULAS = new Set(['is', 'was', 'are', 'were']);
const ARTICLES = new Set(['a', 'an', 'the']);
/** Place nouns of a description beyond PLACE_NOUNS ("is a hamlet", "was a river"). */
const DESCRIBED_PLACES = new Set([
  'hamlet', 'municipality', 'commune', 'river', 'lake', 'mountain', 'country', 'neighbourhood',
  'neighborhood', 'settlement', 'parish', 'borough', 'township', 'area', 'locality', 'peninsula',
]);

function surfaceOf(doc: WinkTokens, first: number, last: number): string {
  const raw = doc.text.slice(doc.starts[first], endOf(doc, last));
  return first === last || !hasOddSpace(raw) ? raw : raw.replace(/\s+/g, ' ');
}

/** Whether `s` has whitespace other than single spaces (cheaper than a regular expression). */
function hasOddSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? s.charCodeAt(i + 1) === 32 : c <= 13 ? c >= 9 : c >= 0x80 && /\s/.test(s[i])) return true;
  }
  return false;
}

/** Type from the head word: the last word, or a head before "of"/"for" ("University of Oxford"). */
function headType(words: string[]): NamedType | null {
  // "World War II": a numeral after the head.
  const lastWord = words[words.length - (words.length > 1 && ROMAN.test(words[words.length - 1]) ? 2 : 1)];
  if (ORG_HEADS.has(lastWord)) return 'ORG';
  if (PLACE_HEADS.has(lastWord)) return 'PLACE';
  if (MISC_HEADS.has(lastWord)) return 'MISC';
  for (let k = 0; k + 1 < words.length; k++) {
    if (words[k + 1] !== 'of' && words[k + 1] !== 'for') continue;
    if (ORG_HEADS.has(words[k])) return 'ORG';
    if (PLACE_HEADS.has(words[k])) return 'PLACE';
    if (MISC_HEADS.has(words[k])) return 'MISC';
  }
  // "Mount Everest", "Lake Baikal": a place head in front; "FC Basel": an organisation's.
  if (words.length > 1 && PLACE_HEADS.has(words[0])) return 'PLACE';
  if (words.length > 1 && ORG_PREFIXES.has(words[0])) return 'ORG';
  return null;
}

/** A model or product code: "F-86", "MiG-29", "A320", "737" is not (no letter). */
const PRODUCT_CODE = /^(?=.*\d)(?=.*[A-Z])[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z]?$/;

function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && /^[A-Z][A-Z&.]*[A-Z]\.?$/.test(word);
}

export function findNamedEntities(doc: WinkTokens): NamedCandidate[] {
  const { places, norp, firstNames, firstWords } = gazetteer();
  const common = commonWords();
  const { tokens } = doc;
  const out: NamedCandidate[] = [];

  const emit = (first: number, last: number, type: NamedType, evidence: Evidence, headOnly = false): void => {
    const unsupported = first === last && evidence === Evidence.Guess;
    out.push({ first, last, type, evidence, surface: surfaceOf(doc, first, last), headOnly, unsupported });
  };
  // Most runs start with no gazetteer entry's first word: one lookup of a wink token string
  // (hashed already) spares hashing the new surface string.
  const gazetteerType = (first: number, surface: string): NamedType | null => {
    if (!firstWords.has(firstWordKey(tokens[first]))) return null;
    return places.has(surface) ? 'PLACE' : norp.has(surface) ? 'NORP' : null;
  };

  /** Types the run tokens idx[from..to). `placeBias`: the run follows "Mayor of", "state of". */
  const typeSegment = (idx: number[], from: number, to: number, placeBias = false): void => {
    const first = idx[from];
    const last = idx[to - 1];
    const words = idx.slice(from, to).map((t) => tokens[t]);
    const surface = surfaceOf(doc, first, last);
    const known = gazetteerType(first, surface);
    if (known) return emit(first, last, known, Evidence.Cue);
    const head = headType(words);

    // A title announces a person: "Russian Foreign Minister Sergey Lavrov"; "Mayor of X" a place.
    const titleAt = words.findIndex((w) => TITLES.has(w));
    if (titleAt >= 0 && head !== 'ORG') {
      let lead = titleAt;
      while (lead > 0 && TITLE_MODIFIERS.has(words[lead - 1])) lead--;
      if (lead > 0) typeSegment(idx, from, from + lead);
      let name = titleAt + 1;
      const complement = words[name] === 'of';
      while (name < words.length && (TITLES.has(words[name]) || TITLE_MODIFIERS.has(words[name]) || RUN_CONNECTORS.has(words[name]))) name++;
      if (name === words.length) return;
      if (complement && name === titleAt + 2) return typeSegment(idx, from + name, to, true);
      return emit(idx[from + name], last, 'PERSON', Evidence.Cue);
    }

    // A leading nationality before a generic body: "Russian | Foreign Ministry".
    if (words.length >= 3 && norp.has(words[0]) && words.slice(1).every((w) => GENERIC_ORG_WORDS.has(w))) {
      emit(first, first, 'NORP', Evidence.Cue);
      return emit(idx[from + 1], last, 'ORG', Evidence.Cue);
    }

    if (head) return emit(first, last, head, Evidence.Cue, words.length === 1);
    if (words.every((w) => TITLE_MODIFIERS.has(w))) return;
    // A lower-case noun before the name: "the band Eels", "the pianist András", "the album Home".
    const noun = first > 0 ? tokens[first - 1] : '';
    if (!doc.capitalised[first - 1]) {
      if (ORG_NOUNS.has(noun)) return emit(first, last, 'ORG', Evidence.Context);
      if (PERSON_NOUNS.has(noun)) return emit(first, last, 'PERSON', Evidence.Context);
      if (MISC_NOUNS.has(noun)) return emit(first, last, 'MISC', Evidence.Context);
    }
    // "F-86 Sabre", "MiG-29": a model code names a product.
    if (PRODUCT_CODE.test(words[0]) && !firstNames.has(words[0])) return emit(first, last, 'MISC', Evidence.Context);
    if (words.length > 1) {
      // "North Vancouver": a direction before a place; "West African": before a nationality.
      const rest = surfaceOf(doc, idx[from + 1], last);
      if (COMPASS.has(words[0]) && places.has(rest)) return emit(first, last, 'PLACE', Evidence.Cue);
      if (COMPASS.has(words[0]) && words.length === 2 && norp.has(rest)) return emit(first, last, 'NORP', Evidence.Cue);
      if (firstNames.has(words[0])) return emit(first, last, 'PERSON', Evidence.Cue);
      // "European Jews", "British Indian": nationalities only.
      if (words.every((w) => norp.has(w))) return emit(first, last, 'NORP', Evidence.Cue);
      // "C. H. Douglas", "J. R. R. Tolkien": initials before a name.
      if (INITIAL.test(words[0]) && !INITIAL.test(words[words.length - 1])) return emit(first, last, 'PERSON', Evidence.Cue);
      // "Killing Joke", "Pawn Shop": a name made only of common English words is not a person's.
      if (words.every((w) => RUN_CONNECTORS.has(w) || common.has(w.toLowerCase()))) {
        return emit(first, last, 'ORG', Evidence.Guess);
      }
      // "Russian Revolution", "Australian Census".
      if (norp.has(words[0])) return emit(first, last, 'MISC', Evidence.Context);
      // "Boston Bruins", "Boy Scouts": a plural noun at the end names a team or a body.
      if (PLURAL.test(words[words.length - 1])) return emit(first, last, 'ORG', Evidence.Context);
    } else if (isAcronym(words[0]) && !COMMON_ACRONYMS.has(words[0])) {
      return emit(first, last, 'ORG', Evidence.Context);
    } else if (firstNames.has(words[0]) && !common.has(words[0].toLowerCase())) {
      // A lone first name that is no common word ("Angelo", not "Rose" or "Bill").
      return emit(first, last, 'PERSON', Evidence.Context);
    }

    // What follows: "Aisby is a village", "Caloi, a Brazilian company"; "Grantham, Lincolnshire".
    const described = description(last);
    if (described) return emit(first, last, described, Evidence.Context);
    if (tokens[last + 1] === ',' && last + 2 < tokens.length && places.has(tokens[last + 2]) && !doc.sentenceStart[last + 2]) {
      return emit(first, last, 'PLACE', Evidence.Context);
    }

    // Context: "in Kyiv", "the state of Goa", "the Kremlin", "Lavrov said".
    const before = first > 0 ? tokens[first - 1] : '';
    const after = last + 1 < tokens.length ? tokens[last + 1] : '';
    // "to" also comes before people ("spoke to Imran Khan", "according to"): a place cue for one word only.
    const placePreposition = PLACE_PREPOSITIONS.has(before) && !(before === 'to' && first !== last);
    if (placeBias || placePreposition || (before === 'of' && PLACE_NOUNS.has(tokens[first - 2]))) {
      return emit(first, last, 'PLACE', Evidence.Context);
    }
    if (SPEECH_VERBS.has(after)) return emit(first, last, 'PERSON', Evidence.Context);
    // "the Kremlin": an organisation, though for one word only if the document agrees.
    if (before === 'the' || before === 'The') return emit(first, last, 'ORG', first === last ? Evidence.Guess : Evidence.Context);
    emit(first, last, 'PERSON', Evidence.Guess);
  };

  /**
   * The type a description after token `last` gives: "is a village", "was an American singer",
   * ", a Brazilian company". The noun must come within a few words of the article.
   */
  function description(last: number): NamedType | null {
    let k = last + 1;
    const comma = tokens[k] === ',';
    if (comma) k++;
    if (COPULAS.has(tokens[k])) k++;
    else if (!comma) return null;
    if (!ARTICLES.has(tokens[k])) return null;
    for (let end = Math.min(tokens.length, k + 5), j = k + 1; j < end && !doc.sentenceStart[j]; j++) {
      const w = tokens[j];
      if (PLACE_NOUNS.has(w) || DESCRIBED_PLACES.has(w)) return 'PLACE';
      if (ORG_NOUNS.has(w)) return 'ORG';
      if (PERSON_NOUNS.has(w)) return 'PERSON';
      if (MISC_NOUNS.has(w)) return 'MISC';
      if (doc.types[j] !== 'word' || w === 'of' || w === 'and' || w === 'who' || w === 'which') return null;
    }
    return null;
  }

  // A quoted title is one MISC name; the runs inside it are not names of their own.
  const inTitle = new Uint8Array(tokens.length);
  for (const t of findQuotedTitles(doc)) {
    if (gazetteerType(t.first, surfaceOf(doc, t.first, t.last))) continue;
    inTitle.fill(1, t.first, t.last + 1);
    emit(t.first, t.last, 'MISC', Evidence.Cue);
  }
  for (const run of findNameRuns(doc)) if (!inTitle[run.tokens[0]]) typeRun(run);
  return out.sort((a, b) => a.first - b.first);

  function typeRun(run: NameRun): void {
    const idx = run.tokens;
    // "Russia-Ukraine", "Moscow-Kyiv": two known places or groups, split at the hyphen.
    if (run.hyphens.length > 0) {
      const cuts = [0, ...run.hyphens.flatMap((h) => [h, h + 1]), idx.length];
      const parts: [number, number][] = [];
      for (let k = 0; k < cuts.length; k += 2) parts.push([cuts[k], cuts[k + 1]]);
      const allKnown = parts.every(([a, b]) => gazetteerType(idx[a], surfaceOf(doc, idx[a], idx[b - 1])) !== null);
      if (allKnown && gazetteerType(idx[0], surfaceOf(doc, idx[0], idx[idx.length - 1])) === null) {
        for (const [a, b] of parts) typeSegment(idx, a, b);
        return;
      }
    }
    // Trailing name particles are not part of the name.
    let end = idx.length;
    while (end > 1 && NAME_PARTICLES.has(tokens[idx[end - 1]])) end--;
    typeSegment(idx, 0, end);
  }
}
