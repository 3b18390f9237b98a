// The place and nationality names of the gazetteers over a document's tokens, a feature of the
// tagger's (see docFeatures) and the cue of a place after a comma (see capitalisedRuns).
import { WinkTokens } from '../wink/winkDocument';
import { gazetteer } from '../names/gazetteer';
import { fnv1a } from '../../text/fnv1a';
import { collapseSpaces, hasOddSpace } from '../../text/textGuard';
import { scratchUint8 } from './scratch';

const MAX_GAZETTEER_WORDS = 4;

/**
 * Names of the place and nationality gazetteers over up to four tokens ("New York", "Hong Kong"):
 * per token, the list (1 place, 2 nationality) times 4 plus 1 at a name's first token, 2 inside.
 * A scratch array: valid until the next document's features.
 */
export function gazetteerSpans(doc: WinkTokens): Uint8Array {
  const { places, norp } = gazetteer();
  const { tokens, starts, capitalised, text } = doc;
  const n = tokens.length;
  const out = scratchUint8(n);
  for (let i = 0; i < n; i++) {
    if (!capitalised[i]) continue;
    for (let len = Math.min(MAX_GAZETTEER_WORDS, n - i); len >= 1; len--) {
      const last = i + len - 1;
      if (len > 1 && !capitalised[last]) continue;
      const start = starts[i];
      const end = starts[last] + tokens[last].length;
      // Hashed in the text where the surface is the text as it stands; made only if a set may have it.
      const collapsed = len > 1 && hasOddSpace(text, start, end) ? collapseSpaces(text.slice(start, end)) : null;
      const hash = collapsed === null ? fnv1a(text, start, end) : fnv1a(collapsed);
      if (!places.mayHave(hash) && !norp.mayHave(hash)) continue;
      const surface = collapsed ?? text.slice(start, end);
      const list = places.has(surface, hash) ? 1 : norp.has(surface, hash) ? 2 : 0;
      if (!list) continue;
      for (let k = i; k <= last; k++) out[k] = list * 4 + (k === i ? 1 : 2);
      i = last;
      break;
    }
  }
  return out;
}
