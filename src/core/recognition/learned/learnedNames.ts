// The learned layer: the tagger's spans over wink's tokens, then the rule layer's general
// knowledge as post-rules (datelines, a title or a nationality before a name, hyphenated pairs
// of known places, whole words only), and one type per name across the document.
import { NamedType } from '../../types';
import { WinkTokens, endOf } from '../wink/winkDocument';
import { Evidence, NamedCandidate, findNamedEntities } from '../names/namedEntities';
import { gazetteer } from '../names/gazetteer';
import { fnv1a } from '../../text/fnv1a';
import { Cue, cuesOf } from '../names/nameCues';
import { collapseSpaces } from '../../text/textGuard';
import { docFeatures } from './docFeatures';
import { LEARNED_TYPES, O, TAG_COUNT, isInside, typeOfTag } from './tagset';
import { ModelData, Tagger } from './tagger';
import modelData from './nerModel.json';

interface Span {
  first: number;
  last: number;
  type: NamedType;
  /** How much the tagger preferred this type over the others (Infinity: a post-rule's type). */
  margin: number;
}

/** Below this mean score margin a span's type is weak evidence: the document's strongest reading wins. */
const WEAK_MARGIN = 5;

let tagger: Tagger | undefined;

/** The shipped model, loaded on first use, once per process (or worker). */
export function learnedTagger(): Tagger {
  tagger ??= new Tagger(modelData as ModelData);
  return tagger;
}

/** Makes `data` the model every later analysis uses (eval-ner scores a trained file this way). */
export function useLearnedModel(data: ModelData): void {
  tagger = new Tagger(data);
}

export function findLearnedNames(doc: WinkTokens, model = learnedTagger()): NamedCandidate[] {
  const rules = findNamedEntities(doc);
  const { tags, scores } = model.tag(doc, docFeatures(doc, rules));
  const spans: Span[] = [];
  for (const s of withDatelines(doc, tagSpans(tags, scores))) refine(doc, wholeWords(doc, s), spans);
  return consistentTypes(doc, withRuleNames(spans, rules));
}

/**
 * Names of several words that the rule layer types from a head word or a gazetteer ("Foreign
 * Ministry") where the tagger found nothing at all: weak evidence, added.
 */
function withRuleNames(spans: Span[], rules: readonly NamedCandidate[]): Span[] {
  const added = rules.filter(
    r => r.evidence === Evidence.Cue && r.last > r.first && !r.headOnly && !spans.some(s => s.first <= r.last && r.first <= s.last),
  );
  if (added.length === 0) return spans;
  // Pushed, not mapped (one elements kind, see consistentTypes).
  const all = [...spans];
  for (const r of added) all.push({ first: r.first, last: r.last, type: r.type, margin: 0 });
  return all.sort((a, b) => a.first - b.first);
}

/** Module-local copies: an imported binding is a property read on every use under CommonJS. */
const T = TAG_COUNT;
const OUTSIDE = O;
const typeOf = typeOfTag;
const inside = isInside;

function tagSpans(tags: Uint8Array, scores: Float64Array): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === OUTSIDE) continue;
    const type = typeOf(tags[i]);
    let last = i;
    while (last + 1 < tags.length && inside(tags[last + 1]) && typeOf(tags[last + 1]) === type) last++;
    let margin = 0;
    for (let k = i; k <= last; k++) {
      let other = -Infinity;
      for (let t = 1; t < T; t++) if (typeOf(t) !== type) other = Math.max(other, scores[k * T + t]);
      margin += scores[k * T + tags[k]] - other;
    }
    out.push({ first: i, last, type: LEARNED_TYPES[type], margin: margin / (last - i + 1) });
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
  return { ...span, first, last };
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
    const dated = doc.entities.some(e => e.first === next && e.type === 'DATE') || (tokens[next] === '(' && tokens[next + 1] === 'Reuters');
    if (dated) lines.push({ first: i, last, type: 'PLACE', margin: Infinity });
  }
  if (lines.length === 0) return spans;
  return [...lines, ...spans.filter(s => !lines.some(l => s.first <= l.last && l.first <= s.last))].sort((a, b) => a.first - b.first);
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const HYPHENS = new Set(['-', '‐', '–']);

const surfaceOf = (doc: WinkTokens, a: number, b: number): string => collapseSpaces(doc.text.slice(doc.starts[a], endOf(doc, b)));

/** The type of tokens a..b if they are a known place or nationality. */
function knownType(doc: WinkTokens, a: number, b: number): NamedType | null {
  const { norp, places } = gazetteer();
  const s = surfaceOf(doc, a, b);
  const hash = fnv1a(s);
  return places.has(s, hash) ? 'PLACE' : norp.has(s, hash) ? 'NORP' : null;
}

/** Whether tokens a..b, more than one, are all generic words of a body ("Foreign Ministry"). */
function isGenericBody(tokens: readonly string[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (!(cuesOf(tokens[k]) & (Cue.OrgHead | Cue.TitleModifier))) return false;
  return b > a;
}

/** The general post-rules, which may split a span in two or drop part of it: appends the result to `out`. */
function refine(doc: WinkTokens, span: Span, out: Span[]): void {
  const { tokens } = doc;
  const { norp } = gazetteer();
  let { first, last } = span;
  // A name does not run across a full stop ("Berlin. Petersburg"): each side is a name of its own.
  for (let k = first + 1; k < last; k++) {
    if (tokens[k] === '.') {
      refine(doc, { ...span, last: k - 1 }, out);
      refine(doc, { ...span, first: k + 1 }, out);
      return;
    }
  }
  while (last > first && POSSESSIVE.has(tokens[last])) last--;
  // "President Putin": the title is not part of the name.
  if (span.type === 'PERSON') while (first < last && cuesOf(tokens[first]) & (Cue.Title | Cue.TitleModifier)) first++;
  // "Russia-Ukraine": known places or groups joined by hyphens are each a name.
  if (first < last && !knownType(doc, first, last)) {
    const parts: Span[] = [];
    let from = first;
    for (let k = first; k <= last + 1; k++) {
      if (k <= last && !HYPHENS.has(tokens[k])) continue;
      const type = k > from ? knownType(doc, from, k - 1) : null;
      if (!type) break;
      parts.push({ first: from, last: k - 1, type, margin: Infinity });
      from = k + 1;
    }
    if (from > last + 1 && parts.length > 1) {
      out.push(...parts);
      return;
    }
  }
  // "Russian Sergey Lavrov", "Russian Foreign Ministry": a leading nationality is a name of its own.
  if (
    first < last &&
    norp.has(tokens[first]) &&
    (span.type === 'PERSON' || (span.type === 'ORG' && isGenericBody(tokens, first + 1, last)))
  ) {
    out.push({ first, last: first, type: 'NORP', margin: Infinity });
    refine(doc, { ...span, first: first + 1, last }, out);
    return;
  }
  const type = span.type === 'MISC' && norp.has(surfaceOf(doc, first, last)) ? 'NORP' : span.type;
  out.push({ first, last, type, margin: type === span.type ? span.margin : Infinity });
}

/**
 * One type per name in a document: a name typed with little margin takes the type of the same
 * name's most confident occurrence; confident readings that differ stay apart.
 */
function consistentTypes(doc: WinkTokens, spans: Span[]): NamedCandidate[] {
  // Arrays pushed, not mapped: Array#map's result is packed or holey depending on whether it ran
  // optimised, and the code reading it deoptimised at each switch ("wrong map").
  const surfaces: string[] = [];
  for (const s of spans) surfaces.push(collapseSpaces(doc.text.slice(doc.starts[s.first], endOf(doc, s.last))));
  const strongest = new Map<string, Span>();
  spans.forEach((s, k) => {
    const best = strongest.get(surfaces[k]);
    if (!best || s.margin > best.margin) strongest.set(surfaces[k], s);
  });
  const out: NamedCandidate[] = [];
  spans.forEach((s, k) => {
    const best = strongest.get(surfaces[k]) ?? s;
    const weak = s.margin < WEAK_MARGIN;
    const type = weak && best.margin >= WEAK_MARGIN ? best.type : s.type;
    const evidence = weak ? Evidence.Context : Evidence.Cue;
    out.push({ first: s.first, last: s.last, type, evidence, surface: surfaces[k], headOnly: false, unsupported: false });
  });
  return out;
}
