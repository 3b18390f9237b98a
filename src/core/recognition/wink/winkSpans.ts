// wink's entities as character spans. wink splits emoji sequences (ZWJ families, flags, skin
// tones) into one entity per code point; a sequence is one mention.
import { WINK_TYPES, EntityType } from '../../types';
import { WinkTokens, endOf } from './winkDocument';

export interface TypedSpan {
  start: number;
  end: number;
  type: EntityType;
}

const KNOWN = new Set<string>(WINK_TYPES);
/** Joiners and modifiers that continue an emoji: ZWJ, variation selectors, keycap. */
const EMOJI_GLUE = /^[\u200d\ufe0e\ufe0f\u20e3]*$/;
const TRAILING_GLUE = /^[\u200d\ufe0e\ufe0f\u20e3]+/;

export function winkSpans(doc: WinkTokens): TypedSpan[] {
  const out: TypedSpan[] = [];
  for (const e of doc.entities) {
    if (!KNOWN.has(e.type)) continue;
    const span: TypedSpan = { start: doc.starts[e.first], end: endOf(doc, e.last), type: e.type as EntityType };
    const prev = out.at(-1);
    if (span.type === 'EMOJI') {
      span.end += TRAILING_GLUE.exec(doc.text.slice(span.end, span.end + 8))?.[0].length ?? 0;
      if (prev?.type === 'EMOJI' && EMOJI_GLUE.test(doc.text.slice(prev.end, span.start))) {
        prev.end = span.end;
        continue;
      }
    }
    out.push(span);
  }
  return out;
}
