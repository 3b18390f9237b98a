// Types each proper-noun run from cues: gazetteers, titles, head words, context.
import { NamedType } from '../../types';
import { WinkTokens, endOf } from '../wink/winkDocument';
import { NameRun, findNameRuns } from './nameRuns';
import { findQuotedTitles } from './quotedTitles';
import { commonWords, gazetteer } from './gazetteer';
import { fnv1a } from '../../text/fnv1a';
import { Cue, tokenCues } from './nameCues';
import { collapseSpaces } from '../../text/textGuard';

/** How sure the type is: a weak guess yields to what the rest of the document says. */
export enum Evidence {
  Guess,
  Context,
  Cue,
}

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

// A cheap test of what each pattern needs first spares most words the regular expression.
const isInitial = (word: string): boolean => word.length <= 3 && word.endsWith('.') && INITIAL.test(word);
const isPlural = (word: string): boolean => word.endsWith('s') && PLURAL.test(word);
const GENERIC_ORG_WORDS = Cue.OrgHead | Cue.TitleModifier;

function surfaceOf(doc: WinkTokens, first: number, last: number): string {
  const raw = doc.text.slice(doc.starts[first], endOf(doc, last));
  return first === last ? raw : collapseSpaces(raw);
}

/** Whether every one of `cues` from index `from` on has a bit of `mask`. */
function allHave(cues: readonly number[], mask: number, from = 0): boolean {
  for (let k = from; k < cues.length; k++) if (!(cues[k] & mask)) return false;
  return true;
}

function headOf(cues: number): NamedType | null {
  return cues & Cue.OrgHead ? 'ORG' : cues & Cue.PlaceHead ? 'PLACE' : cues & Cue.MiscHead ? 'MISC' : null;
}

/**
 * Type from the head word: the last word, or a head before "of"/"for" ("University of Oxford").
 * `cues[k]`: the cues of `words[k]`.
 */
function headType(words: readonly string[], cues: readonly number[]): NamedType | null {
  // "World War II": a numeral after the head.
  const last = headOf(cues[words.length - (words.length > 1 && ROMAN.test(words[words.length - 1]) ? 2 : 1)]);
  if (last) return last;
  for (let k = 0; k + 1 < words.length; k++) {
    if (words[k + 1] !== 'of' && words[k + 1] !== 'for') continue;
    const head = headOf(cues[k]);
    if (head) return head;
  }
  // "Mount Everest", "Lake Baikal": a place head in front; "FC Basel": an organisation's.
  if (words.length > 1 && cues[0] & Cue.PlaceHead) return 'PLACE';
  if (words.length > 1 && cues[0] & Cue.OrgPrefix) return 'ORG';
  return null;
}

/** A model or product code: "F-86", "MiG-29", "A320", "737" is not (no letter). */
const PRODUCT_CODE = /^(?=.*\d)(?=.*[A-Z])[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z]?$/;
const isDigitAt = (word: string, i: number): boolean => {
  const c = word.charCodeAt(i);
  return c >= 48 && c <= 57;
};
/** A code ends in a digit, or in a digit and a letter. */
const isProductCode = (word: string): boolean =>
  (isDigitAt(word, word.length - 1) || isDigitAt(word, word.length - 2)) && PRODUCT_CODE.test(word);

function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && /^[A-Z][A-Z&.]*[A-Z]\.?$/.test(word);
}

export function findNamedEntities(doc: WinkTokens): NamedCandidate[] {
  const { places, norp, firstNames } = gazetteer();
  const common = commonWords();
  const { tokens } = doc;
  const cueAt = tokenCues(tokens);
  const out: NamedCandidate[] = [];

  // The surface computed last: a segment's own span is mostly the one emitted.
  let memoFirst = -1;
  let memoLast = -1;
  let memoSurface = '';
  const surfaceAt = (first: number, last: number): string => {
    if (first !== memoFirst || last !== memoLast) {
      memoFirst = first;
      memoLast = last;
      memoSurface = surfaceOf(doc, first, last);
    }
    return memoSurface;
  };

  const emit = (first: number, last: number, type: NamedType, evidence: Evidence, headOnly = false): void => {
    const unsupported = first === last && evidence === Evidence.Guess;
    out.push({ first, last, type, evidence, surface: surfaceAt(first, last), headOnly, unsupported });
  };
  // The surface is built anyway for the candidate; the filters of the sets turn most away.
  const gazetteerType = (first: number, last: number): NamedType | null => {
    const surface = surfaceAt(first, last);
    const hash = fnv1a(surface);
    return places.has(surface, hash) ? 'PLACE' : norp.has(surface, hash) ? 'NORP' : null;
  };

  /** Types the run tokens idx[from..to). `placeBias`: the run follows "Mayor of", "state of". */
  const typeSegment = (idx: number[], from: number, to: number, placeBias = false): void => {
    const first = idx[from];
    const last = idx[to - 1];
    const words: string[] = [];
    const cues: number[] = [];
    for (let k = from; k < to; k++) {
      words.push(tokens[idx[k]]);
      cues.push(cueAt(idx[k]));
    }
    // The first word is looked up in several sets below.
    const hash0 = fnv1a(words[0]);
    const known = gazetteerType(first, last);
    if (known) return emit(first, last, known, Evidence.Cue);
    const head = headType(words, cues);

    // A title announces a person: "Russian Foreign Minister Sergey Lavrov"; "Mayor of X" a place.
    const titleAt = cues.findIndex(c => c & Cue.Title);
    if (titleAt >= 0 && head !== 'ORG') {
      let lead = titleAt;
      while (lead > 0 && cues[lead - 1] & Cue.TitleModifier) lead--;
      if (lead > 0) typeSegment(idx, from, from + lead);
      let name = titleAt + 1;
      const complement = words[name] === 'of';
      while (name < words.length && cues[name] & (Cue.Title | Cue.TitleModifier | Cue.RunConnector)) name++;
      if (name === words.length) return;
      if (complement && name === titleAt + 2) return typeSegment(idx, from + name, to, true);
      return emit(idx[from + name], last, 'PERSON', Evidence.Cue);
    }

    // A leading nationality before a generic body: "Russian | Foreign Ministry".
    if (words.length >= 3 && norp.has(words[0], hash0) && allHave(cues, GENERIC_ORG_WORDS, 1)) {
      emit(first, first, 'NORP', Evidence.Cue);
      return emit(idx[from + 1], last, 'ORG', Evidence.Cue);
    }

    if (head) return emit(first, last, head, Evidence.Cue, words.length === 1);
    if (allHave(cues, Cue.TitleModifier)) return;
    // A lower-case noun before the name: "the band Eels", "the pianist András", "the album Home".
    const beforeCues = cueAt(first - 1);
    if (!doc.capitalised[first - 1]) {
      if (beforeCues & Cue.OrgNoun) return emit(first, last, 'ORG', Evidence.Context);
      if (beforeCues & Cue.PersonNoun) return emit(first, last, 'PERSON', Evidence.Context);
      if (beforeCues & Cue.MiscNoun) return emit(first, last, 'MISC', Evidence.Context);
    }
    // "F-86 Sabre", "MiG-29": a model code names a product.
    if (isProductCode(words[0]) && !firstNames.has(words[0], hash0)) return emit(first, last, 'MISC', Evidence.Context);
    if (words.length > 1) {
      // A connector ("of", "&") or a common English word ("Killing", "united").
      const isCommon = (k: number): boolean => (cues[k] & Cue.RunConnector) !== 0 || common.has(words[k].toLowerCase());
      // "North Vancouver": a direction before a place; "West African": before a nationality.
      if (cues[0] & Cue.Compass) {
        const rest = surfaceOf(doc, idx[from + 1], last);
        const hash = fnv1a(rest);
        if (places.has(rest, hash)) return emit(first, last, 'PLACE', Evidence.Cue);
        if (words.length === 2 && norp.has(rest, hash)) return emit(first, last, 'NORP', Evidence.Cue);
      }
      // A compass word is no first name here ("West Coast Eagles"; Kanye West has it last).
      if (firstNames.has(words[0], hash0) && !(cues[0] & Cue.Compass)) return emit(first, last, 'PERSON', Evidence.Cue);
      // "Manchester United", "Australia First": a place, then common words, names a team, a party or a firm.
      if (places.has(words[0], hash0) && words.every((_, k) => k === 0 || isCommon(k))) {
        return emit(first, last, 'ORG', Evidence.Context);
      }
      // "European Jews", "British Indian": nationalities only.
      if (words.every(w => norp.has(w))) return emit(first, last, 'NORP', Evidence.Cue);
      // "C. H. Douglas", "J. R. R. Tolkien": initials before a name.
      if (isInitial(words[0]) && !isInitial(words[words.length - 1])) return emit(first, last, 'PERSON', Evidence.Cue);
      // "Killing Joke", "Pawn Shop": a name made only of common English words is not a person's.
      if (words.every((_, k) => isCommon(k))) {
        return emit(first, last, 'ORG', Evidence.Guess);
      }
      // "Russian Revolution", "Australian Census".
      if (norp.has(words[0], hash0)) return emit(first, last, 'MISC', Evidence.Context);
      // "Boston Bruins", "Boy Scouts": a plural noun at the end names a team or a body.
      if (isPlural(words[words.length - 1])) return emit(first, last, 'ORG', Evidence.Context);
    } else if (isAcronym(words[0]) && !(cues[0] & Cue.CommonAcronym)) {
      return emit(first, last, 'ORG', Evidence.Context);
    } else if (firstNames.has(words[0], hash0) && !common.has(words[0].toLowerCase())) {
      // A lone first name that is no common word ("Angelo", not "Rose" or "Bill").
      return emit(first, last, 'PERSON', Evidence.Context);
    }

    // What follows: "Aisby is a village", "Caloi, a Brazilian company"; "Grantham, Lincolnshire".
    const described = description(last);
    if (described) return emit(first, last, described, Evidence.Context);
    if (words.length > 1 && cues[words.length - 1] & Cue.WeakPlaceHead) return emit(first, last, 'PLACE', Evidence.Context);
    if (tokens[last + 1] === ',' && last + 2 < tokens.length && places.has(tokens[last + 2]) && !doc.sentenceStart[last + 2]) {
      return emit(first, last, 'PLACE', Evidence.Context);
    }

    // Context: "in Kyiv", "the state of Goa", "the Kremlin", "Lavrov said".
    const before = first > 0 ? tokens[first - 1] : '';
    // "to" also comes before people ("spoke to Imran Khan", "according to"): a place cue for one word only.
    const placePreposition = (beforeCues & Cue.PlacePreposition) !== 0 && !(before === 'to' && first !== last);
    if (placeBias || placePreposition || (before === 'of' && cueAt(first - 2) & Cue.PlaceNoun)) {
      return emit(first, last, 'PLACE', Evidence.Context);
    }
    // "the Kremlin": an organisation, though for one word only if the document agrees or it
    // speaks ("the Pentagon said"; a person is not "the Lavrov").
    const speaks = (cueAt(last + 1) & Cue.SpeechVerb) !== 0;
    if (before === 'the' || before === 'The') {
      return emit(first, last, 'ORG', first === last && !speaks ? Evidence.Guess : Evidence.Context);
    }
    if (speaks) return emit(first, last, 'PERSON', Evidence.Context);
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
    if (cueAt(k) & Cue.Copula) k++;
    else if (!comma) return null;
    if (!(cueAt(k) & Cue.Article)) return null;
    for (let end = Math.min(tokens.length, k + 5), j = k + 1; j < end && !doc.sentenceStart[j]; j++) {
      const w = tokens[j];
      const cues = cueAt(j);
      if (cues & (Cue.PlaceNoun | Cue.DescribedPlace)) return 'PLACE';
      if (cues & Cue.OrgNoun) return 'ORG';
      if (cues & Cue.PersonNoun) return 'PERSON';
      if (cues & Cue.MiscNoun) return 'MISC';
      if (doc.types[j] !== 'word' || w === 'of' || w === 'and' || w === 'who' || w === 'which') return null;
    }
    return null;
  }

  // A quoted title is one MISC name; the runs inside it are not names of their own.
  const titles = findQuotedTitles(doc).filter(t => !gazetteerType(t.first, t.last));
  for (const t of titles) emit(t.first, t.last, 'MISC', Evidence.Cue);
  const inTitle = (i: number): boolean => titles.some(t => t.first <= i && i <= t.last);
  for (const run of findNameRuns(doc, cueAt)) if (!inTitle(run.tokens[0])) typeRun(run);
  return out.sort((a, b) => a.first - b.first);

  function typeRun(run: NameRun): void {
    const idx = run.tokens;
    // "Russia-Ukraine", "Moscow-Kyiv": two known places or groups, split at the hyphen.
    if (run.hyphens.length > 0) {
      const cuts = [0, ...run.hyphens.flatMap(h => [h, h + 1]), idx.length];
      const parts: [number, number][] = [];
      for (let k = 0; k < cuts.length; k += 2) parts.push([cuts[k], cuts[k + 1]]);
      const allKnown = parts.every(([a, b]) => gazetteerType(idx[a], idx[b - 1]) !== null);
      if (allKnown && gazetteerType(idx[0], idx[idx.length - 1]) === null) {
        for (const [a, b] of parts) typeSegment(idx, a, b);
        return;
      }
    }
    // Trailing name particles are not part of the name.
    let end = idx.length;
    while (end > 1 && cueAt(idx[end - 1]) & Cue.NameParticle) end--;
    typeSegment(idx, 0, end);
  }
}
