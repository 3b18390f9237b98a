// DATE spans beyond wink's own: adjacent DATE spans form one ("December" + "last year"), and
// seasons with a modifier or a year ("this spring", "spring 2022") are dates wink misses.
import { WinkTokens, endOf } from '../wink/winkDocument';
import { TypedSpan } from '../wink/winkSpans';

const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter', 'Spring', 'Summer', 'Autumn', 'Fall', 'Winter']);
const SEASON_MODIFIERS = new Set(['this', 'last', 'next', 'early', 'late', 'mid', 'previous', 'coming', 'past']);
const YEAR = /^\d{4}$/;

/** Season phrases as DATE spans, in text order. */
function seasonSpans(doc: WinkTokens): TypedSpan[] {
  const { tokens } = doc;
  const out: TypedSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Seasons have 4 to 6 letters: a length test spares hashing most tokens.
    const length = tokens[i].length;
    if (length < 4 || length > 6 || !SEASONS.has(tokens[i])) continue;
    let first = i;
    let last = i;
    if (i > 0 && SEASON_MODIFIERS.has(tokens[i - 1].toLowerCase())) first = i - 1;
    if (YEAR.test(tokens[i + 1] ?? '')) last = i + 1;
    else if (tokens[i + 1] === 'of' && YEAR.test(tokens[i + 2] ?? '')) last = i + 2;
    if (first < i || last > i) out.push({ start: doc.starts[first], end: endOf(doc, last), type: 'DATE' });
  }
  return out;
}

/** White space within one paragraph: dates across a blank line ("Monday\n\nTuesday") stay apart, hard-wrapped ones join. */
const SAME_PARAGRAPH = /^[^\S\r\n]*(?:\r\n|\r|\n)?[^\S\r\n]*$/;

/** The spans (sorted, from winkSpans) with season dates added and adjacent dates merged. */
export function withDateSpans(doc: WinkTokens, spans: readonly TypedSpan[]): TypedSpan[] {
  const seasons = seasonSpans(doc);
  const all = seasons.length === 0 ? spans : [...spans, ...seasons].sort((a, b) => a.start - b.start);
  const out: TypedSpan[] = [];
  for (const span of all) {
    const prev = out.at(-1);
    const overlaps = prev !== undefined && span.start < prev.end;
    if (prev?.type === 'DATE' && span.type === 'DATE' && (overlaps || SAME_PARAGRAPH.test(doc.text.slice(prev.end, span.start)))) {
      prev.end = Math.max(prev.end, span.end);
    } else if (overlaps) {
      // A season phrase over part of another span ("spring 2022" over CARDINAL "2022") is a date.
      if (span.type === 'DATE') out[out.length - 1] = { start: prev.start, end: Math.max(prev.end, span.end), type: 'DATE' };
    } else {
      out.push({ start: span.start, end: span.end, type: span.type });
    }
  }
  return out;
}
