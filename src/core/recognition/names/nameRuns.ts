// Groups wink tokens into runs of proper nouns: the candidates for named entities.
import { WinkTokens } from '../wink/winkDocument';
import { commonWords, gazetteer } from './gazetteer';
import { fnv1a } from '../../text/fnv1a';
import { Cue } from './nameCues';

export interface NameRun {
  /** Token indexes of the run, in order (capitalised words, connectors, hyphens). */
  tokens: number[];
  /** Positions in `tokens` of the hyphens joining two words without spaces ("Russia-Ukraine"). */
  hyphens: number[];
}

/** Parts of speech that a capitalised word inside a sentence is not a name with ("With"). */
const FUNCTION_POS = new Set(['ADP', 'AUX', 'CCONJ', 'DET', 'PART', 'PRON', 'SCONJ']);
const TEMPORAL = new Set(['DATE', 'TIME', 'DURATION']);
const HYPHENS = new Set(['-', '‐', '–']);

/** Words a headline capitalises that running text does not ("Xi Meets Putin In Moscow"). */
const HEADLINE_FUNCTION_WORDS = new Set([
  'In',
  'On',
  'At',
  'As',
  'To',
  'For',
  'With',
  'After',
  'Over',
  'From',
  'Into',
  'By',
  'Amid',
  'Against',
  'Before',
  'Under',
  'Than',
  'Vs',
]);
/** Cues that keep a capitalised common word in a headline's name ("Ukraine War", "Prime Minister"). */
const NAME_CUES = Cue.OrgHead | Cue.PlaceHead | Cue.MiscHead | Cue.Title | Cue.TitleModifier | Cue.Compass | Cue.OrgPrefix;

/** Heads that may take an "of"/"for" complement inside a name ("Bank of England", "Battle of Hastings"). */
const TAKES_COMPLEMENT = Cue.OrgHead | Cue.PlaceHead | Cue.MiscHead | Cue.Title;

/** `cueAt`: the cues of a token (see tokenCues). */
export function findNameRuns(doc: WinkTokens, cueAt: (index: number) => number): NameRun[] {
  const { tokens, pos, types, starts } = doc;
  const { firstNames, places, norp } = gazetteer();
  const common = commonWords();
  /** A capitalised common word with nothing saying it is (part of) a name: "Meets", "Drags". */
  const isCommonInHeadline = (k: number): boolean => {
    const word = tokens[k];
    if (!common.has(word.toLowerCase()) || cueAt(k) & NAME_CUES) return false;
    const hash = fnv1a(word);
    return !firstNames.has(word, hash) && !places.has(word, hash) && !norp.has(word, hash);
  };
  const n = tokens.length;

  // A capitalised word at the start of a sentence is a name only if wink calls it PROPN.
  const nameWord = new Uint8Array(n);
  const theWord = new Uint8Array(n);
  const temporal = new Uint8Array(n);
  for (const e of doc.entities) {
    if (TEMPORAL.has(e.type)) temporal.fill(1, e.first, e.last + 1);
  }
  let atSentenceStart = true;
  for (let i = 0; i < n; i++) {
    if (doc.sentenceStart[i]) atSentenceStart = true;
    if (types[i] !== 'word') continue;
    const initial = atSentenceStart;
    atSentenceStart = false;
    if (!doc.capitalised[i]) continue;
    // A capitalised "The" inside a sentence belongs to the name that follows ("The Hague").
    if (tokens[i] === 'The' && !initial && i + 1 < n && pos[i + 1] === 'PROPN') theWord[i] = 1;
    if ((pos[i] === 'PROPN' || (!initial && !FUNCTION_POS.has(pos[i]))) && !(cueAt(i) & Cue.NotName)) nameWord[i] = 1;
  }
  for (const [from, to] of headlines(doc)) {
    for (let k = from; k < to; k++) if (nameWord[k] && isCommonInHeadline(k)) nameWord[k] = 0;
  }

  const touching = (a: number, b: number): boolean => starts[a] + tokens[a].length === starts[b];
  const runs: NameRun[] = [];
  let i = 0;
  while (i < n) {
    if (theWord[i] && nameWord[i + 1]) nameWord[i] = 1;
    if (!nameWord[i]) {
      i++;
      continue;
    }
    const run: NameRun = { tokens: [i], hyphens: [] };
    let last = i;
    let j = i + 1;
    let complement = false;
    while (j < n && !doc.sentenceStart[j]) {
      const word = tokens[j];
      if (nameWord[j]) {
        run.tokens.push(j);
        last = j;
        j++;
      } else if (HYPHENS.has(word) && j + 1 < n && nameWord[j + 1] && touching(last, j) && touching(j, j + 1)) {
        run.hyphens.push(run.tokens.length);
        run.tokens.push(j, j + 1);
        last = j + 1;
        j += 2;
      } else if (word === '&' && j + 1 < n && nameWord[j + 1] && !firstNames.has(tokens[j + 1])) {
        // "Procter & Gamble", but not "Karl Langdon & Harvey Deegan".
        run.tokens.push(j, j + 1);
        last = j + 1;
        j += 2;
      } else if (cueAt(j) & Cue.NameParticle && j + 1 < n && nameWord[j + 1]) {
        run.tokens.push(j, j + 1);
        last = j + 1;
        j += 2;
      } else if ((word === 'of' || word === 'for') && cueAt(last) & TAKES_COMPLEMENT) {
        const skip = word === 'of' && tokens[j + 1] === 'the' ? 2 : 1;
        if (j + skip >= n || !nameWord[j + skip]) break;
        for (let k = j; k <= j + skip; k++) run.tokens.push(k);
        last = j + skip;
        j += skip + 1;
        complement = true;
      } else if (word === 'and' && complement && j + 1 < n && nameWord[j + 1]) {
        // "Department of Physics and Astronomy"
        run.tokens.push(j, j + 1);
        last = j + 1;
        j += 2;
      } else {
        break;
      }
    }
    // Months and the like inside wink's DATE/TIME spans are not names on their own.
    if (run.tokens.some(t => nameWord[t] && !temporal[t])) runs.push(run);
    i = j;
  }
  return runs;
}

/**
 * Sentences written as title-case headlines: at least four words, none of them a lower-case word
 * of four letters or more, and a function word capitalised after the first word ("In", "As").
 * Running text always has a lower-case word ("met", "visited"), so it is never one. [from, to) token ranges.
 */
function headlines(doc: WinkTokens): [number, number][] {
  const { tokens, types, capitalised, sentenceStart } = doc;
  const out: [number, number][] = [];
  let from = 0;
  let words = 0;
  let lowerCase = false;
  let functionWord = false;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || (sentenceStart[i] && i > from)) {
      if (words >= 4 && !lowerCase && functionWord) out.push([from, i]);
      from = i;
      words = 0;
      lowerCase = false;
      functionWord = false;
      if (i === tokens.length) break;
    }
    if (types[i] !== 'word') continue;
    words++;
    // The function words are capitalised: an uncapitalised word is not looked up.
    if (!capitalised[i]) {
      if (tokens[i].length >= 4) lowerCase = true;
    } else if (i > from && !lowerCase && HEADLINE_FUNCTION_WORDS.has(tokens[i])) functionWord = true;
  }
  return out;
}
