// The learned layer: the tagger's spans over wink's tokens, then the rule layer's general
// knowledge as post-rules (datelines, a title or a nationality before a name, hyphenated pairs
// of known places, whole words only), and one type per name across the document.
import { NamedType } from '../../types';
import { WinkTokens, endOf } from '../wink/winkDocument';
import { Evidence, NamedCandidate, findNamedEntities } from '../names/namedEntities';
import { gazetteer } from '../names/gazetteer';
import { Cue, cuesOf } from '../names/nameCues';
import { collapseSpaces } from '../../text/textGuard';
import { docFeatures } from './docFeatures';
import { LEARNED_TYPES, O, isInside, typeOfTag } from './tagset';
import { ModelData, Tagger } from './tagger';
import modelData from './nerModel.json';

interface Span {
  first: number;
  last: number;
  type: NamedType;
}

let tagger: Tagger | undefined;

/** The shipped model, loaded on first use, once per process (or worker). */
export function learnedTagger(): Tagger {
  tagger ??= new Tagger(modelData as ModelData);
  return tagger;
}

export function findLearnedNames(doc: WinkTokens, model = learnedTagger()): NamedCandidate[] {
  const tags = model.tag(doc, docFeatures(doc, findNamedEntities(doc)));
  const spans = withDatelines(doc, tagSpans(tags)).flatMap((s) => refine(doc, wholeWords(doc, s)));
  return consistentTypes(doc, spans);
}

function tagSpans(tags: Uint8Array): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === O) continue;
    const type = typeOfTag(tags[i]);
    let last = i;
    while (last + 1 < tags.length && isInside(tags[last + 1]) && typeOfTag(tags[last + 1]) === type) last++;
    out.push({ first: i, last, type: LEARNED_TYPES[type] });
    i = last;
  }
  return out;
}

const isAlnum = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));

/** Whether tokens a and a + 1 are one word to a reader ("6" "PR" in "6PR"). */
function glued(doc: WinkTokens, a: number): boolean {
  if (a < 0 || a + 1 >= doc.tokens.length) return false;
  const end = endOf(doc, a);
  return end === doc.starts[a + 1] && isAlnum(doc.text.charCodeAt(end - 1)) && isAlnum(doc.text.charCodeAt(end));
}

/** A mention never starts or ends inside a word: it grows to the whole word. */
function wholeWords(doc: WinkTokens, span: Span): Span {
  let { first, last } = span;
  while (glued(doc, first - 1)) first--;
  while (glued(doc, last)) last++;
  return { first, last, type: span.type };
}

const isUpperWord = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();

/**
 * A dateline: a line opening with a place in capitals, then a date or "(Reuters)" ("PARIS 1996-12-06",
 * "NEW YORK (Reuters) -"). The capitals are the place, whatever the tagger said.
 */
function withDatelines(doc: WinkTokens, spans: Span[]): Span[] {
  const { tokens, types } = doc;
  const lines: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && !(types[i - 1] === 'tabCRLF' && tokens[i - 1].includes('\n'))) continue;
    let last = i - 1;
    while (last + 1 < tokens.length && types[last + 1] === 'word' && isUpperWord(tokens[last + 1]) && last - i < 3) last++;
    if (last < i) continue;
    const next = last + 1;
    const dated = doc.entities.some((e) => e.first === next && e.type === 'DATE') || (tokens[next] === '(' && tokens[next + 1] === 'Reuters');
    if (dated) lines.push({ first: i, last, type: 'PLACE' });
  }
  if (lines.length === 0) return spans;
  return [...lines, ...spans.filter((s) => !lines.some((l) => s.first <= l.last && l.first <= s.last))].sort((a, b) => a.first - b.first);
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const HYPHENS = new Set(['-', '‐', '–']);

/** The general post-rules, which may split a span in two or drop part of it. */
function refine(doc: WinkTokens, span: Span): Span[] {
  const { tokens } = doc;
  const { norp, places } = gazetteer();
  let { first, last } = span;
  while (last > first && POSSESSIVE.has(tokens[last])) last--;
  // "President Putin": the title is not part of the name.
  if (span.type === 'PERSON') while (first < last && (cuesOf(tokens[first]) & (Cue.Title | Cue.TitleModifier))) first++;
  const surfaceOf = (a: number, b: number): string => collapseSpaces(doc.text.slice(doc.starts[a], endOf(doc, b)));
  const known = (a: number, b: number): NamedType | null => {
    const s = surfaceOf(a, b);
    return places.has(s) ? 'PLACE' : norp.has(s) ? 'NORP' : null;
  };
  const isGenericBody = (a: number, b: number): boolean => {
    for (let k = a; k <= b; k++) if (!(cuesOf(tokens[k]) & (Cue.OrgHead | Cue.TitleModifier))) return false;
    return b > a;
  };
  // "Russia-Ukraine": known places or groups joined by hyphens are each a name.
  if (first < last && !known(first, last)) {
    const parts: Span[] = [];
    let from = first;
    for (let k = first; k <= last + 1; k++) {
      if (k <= last && !HYPHENS.has(tokens[k])) continue;
      const type = k > from ? known(from, k - 1) : null;
      if (!type) break;
      parts.push({ first: from, last: k - 1, type });
      from = k + 1;
    }
    if (from > last + 1 && parts.length > 1) return parts;
  }
  // "Russian Sergey Lavrov", "Russian Foreign Ministry": a leading nationality is a name of its own.
  if (first < last && norp.has(tokens[first]) && (span.type === 'PERSON' || (span.type === 'ORG' && isGenericBody(first + 1, last)))) {
    return [{ first, last: first, type: 'NORP' }, ...refine(doc, { first: first + 1, last, type: span.type })];
  }
  const type = span.type === 'MISC' && norp.has(surfaceOf(first, last)) ? 'NORP' : span.type;
  return [{ first, last, type }];
}

/**
 * One type per name in a document: the type the name has most often (the first on a tie). The
 * others are weaker evidence, so entity linking types the name as the majority does.
 */
function consistentTypes(doc: WinkTokens, spans: Span[]): NamedCandidate[] {
  const votes = new Map<string, Map<NamedType, number>>();
  const surfaces = spans.map((s) => collapseSpaces(doc.text.slice(doc.starts[s.first], endOf(doc, s.last))));
  spans.forEach((s, k) => {
    const byType = votes.get(surfaces[k]) ?? new Map<NamedType, number>();
    byType.set(s.type, (byType.get(s.type) ?? 0) + 1);
    votes.set(surfaces[k], byType);
  });
  return spans.map((s, k) => {
    let best: NamedType = s.type;
    let most = 0;
    for (const [type, count] of votes.get(surfaces[k]) ?? []) {
      if (count > most) {
        best = type;
        most = count;
      }
    }
    const evidence = s.type === best ? Evidence.Cue : Evidence.Context;
    return { first: s.first, last: s.last, type: s.type, evidence, surface: surfaces[k], headOnly: false, unsupported: false };
  });
}
