// Runs of capitalised words, the tagger's view of a name's extent: per token, its place in its
// run, the run's first and last word, and what the document's other runs sharing a word with it
// say of their type (see docFeatures' run features).
import { WinkTokens } from '../wink/winkDocument';
import { Cue, tokenCues } from '../names/nameCues';
import { hashString } from './hashing';
import { scratchUint32, scratchUint8 } from './scratch';

/** Scratch arrays: valid until the next document's features. */
export interface Runs {
  /** Per token, its place in a run of capitalised words: 0 none, 1 first, 2 inside, 3 last, 4 alone. */
  at: Uint8Array;
  /** Per token in a run, the hash of the run's first and last word in lower case. */
  first: Uint32Array;
  last: Uint32Array;
  /** Per token in a run, what the document's runs sharing a word with it end in or follow (runCue bits). */
  cues: Uint8Array;
  /** Per token in a run, the run's length (at most 5). */
  length: Uint8Array;
  /**
   * Per token in a run, where its word stands in the document's longest run with it if that run is
   * longer ("Falcons" after "Bowling Green Falcons"): that run's length (at most 4) times 4 plus
   * the word's place in it (1 first, 2 inside, 3 last); 0 if none is longer. `longerLast`: the
   * hash of that run's last word.
   */
  longer: Uint8Array;
  longerLast: Uint32Array;
}

/**
 * What a run of capitalised words says of its type, from the cues of its last word and of the
 * token before it: a head word's list, a title before it, or a known place after a comma ("Paxton, Illinois").
 */
function runCue(last: number, before: number, placeAfterComma: boolean): number {
  return (
    (last & Cue.OrgHead ? 1 : 0) |
    (last & (Cue.PlaceHead | Cue.WeakPlaceHead) ? 2 : 0) |
    (last & Cue.MiscHead ? 4 : 0) |
    (before & Cue.Title ? 8 : 0) |
    (placeAfterComma ? 16 : 0)
  );
}

/**
 * Runs of capitalised words ("Manchester United Football Club"): a name's last word often tells
 * its type (Club, Inc, River) and its first word where it starts, whichever token is tagged. A run
 * also takes the cues of the document's other runs sharing a word with it: "Manchester United"
 * after "Manchester United Football Club", "Obama" after "President Obama".
 */
export function capitalisedRuns(doc: WinkTokens, wordOf: Int32Array, words: readonly string[], gaz: Uint8Array): Runs {
  const { capitalised, types, tokens } = doc;
  const n = capitalised.length;
  const at = scratchUint8(n);
  const first = scratchUint32(n);
  const last = scratchUint32(n);
  const lowerHashes = scratchUint32(words.length);
  const lowerHash = (i: number): number => {
    const w = wordOf[i];
    if (!lowerHashes[w]) lowerHashes[w] = hashString(0, words[w].toLowerCase()) || 1;
    return lowerHashes[w];
  };
  const cueAt = tokenCues(tokens);
  const inRun = (i: number): boolean => i < n && capitalised[i] === 1 && types[i] === 'word';
  const wordCues = scratchUint8(words.length);
  const longest = scratchUint8(words.length);
  const placeInLongest = scratchUint8(words.length);
  const lastOfLongest = scratchUint32(words.length);
  const spans: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (!inRun(i)) continue;
    let end = i;
    while (inRun(end + 1)) end++;
    // A name starts after its title: "Chinese President Xi Jinping" is the run "Xi Jinping" after a title.
    for (let k = end - 1; k >= i; k--) {
      if (cueAt(k) & Cue.Title) {
        i = k + 1;
        break;
      }
    }
    const a = lowerHash(i);
    const b = lowerHash(end);
    // gaz 5: the first word of a place in the gazetteer (see gazetteerSpans).
    const placeAfterComma = tokens[end + 1] === ',' && gaz[end + 2] === 5;
    const cue = runCue(cueAt(end), cueAt(i - 1), placeAfterComma);
    for (let k = i; k <= end; k++) {
      at[k] = i === end ? 4 : k === i ? 1 : k === end ? 3 : 2;
      first[k] = a;
      last[k] = b;
      const w = wordOf[k];
      wordCues[w] |= cue;
      if (end - i + 1 > longest[w]) {
        longest[w] = Math.min(end - i + 1, 255);
        placeInLongest[w] = k === i ? 1 : k === end ? 3 : 2;
        lastOfLongest[w] = b;
      }
    }
    spans.push([i, end]);
    i = end;
  }
  const cues = scratchUint8(n);
  const length = scratchUint8(n);
  const longer = scratchUint8(n);
  const longerLast = scratchUint32(n);
  for (const [a, b] of spans) {
    let cue = 0;
    for (let k = a; k <= b; k++) cue |= wordCues[wordOf[k]];
    cues.fill(cue, a, b + 1);
    length.fill(Math.min(b - a + 1, 5), a, b + 1);
    for (let k = a; k <= b; k++) {
      const w = wordOf[k];
      if (longest[w] <= b - a + 1) continue;
      longer[k] = Math.min(longest[w], 4) * 4 + placeInLongest[w];
      longerLast[k] = lastOfLongest[w];
    }
  }
  return { at, first, last, cues, length, longer, longerLast };
}
