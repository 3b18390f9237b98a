// analyzeDocument: wink's tokens, sentences and entities, plus our named-entity layer and
// date values, with exact UTF-16 offsets into the given text.
import { AnalyzeOptions, DocumentAnalysis, Mention, Sentence } from '../types';
import { WinkTokens, endOf, readWink } from './wink/winkDocument';
import { findNamedEntities } from './names/namedEntities';
import { entityKey, linkEntities } from './names/entityLinking';
import { TypedSpan, winkSpans } from './wink/winkSpans';
import { withDateSpans } from './dates/dateSpans';
import { DateHeader, findDateHeader, resolveDate } from './dates/dates';
import { collapseSpaces } from '../text/textGuard';

import { findLearnedNames } from './learned/learnedNames';
import { ANALYZER_VERSION, analyzerVersion } from './analyzerVersion';

export { ANALYZER_VERSION, analyzerVersion };

const NOT_WORDS = new Set(['unk', 'punctuation', 'symbol', 'tabCRLF', 'emoji', 'emoticon', 'currency']);

export function analyzeDocument(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const doc = readWink(text);
  const header = findDateHeader(text);
  const date = options.documentDate !== undefined ? options.documentDate : (header?.date ?? null);

  const recognizer = options.recognizer ?? 'learned';
  const candidates = recognizer === 'rules' ? findNamedEntities(doc) : findLearnedNames(doc);
  // Arrays pushed, not mapped: Array#map's result is packed or holey depending on whether it ran
  // optimised, and the code reading it deoptimised at each switch ("wrong map").
  const named: Mention[] = [];
  for (const e of linkEntities(candidates, recognizer === 'learned')) {
    const start = doc.starts[e.first];
    const end = endOf(doc, e.last);
    named.push({ start, end, text: text.slice(start, end), type: e.type, entityKey: entityKey(e.type, e.name), name: e.name, value: null });
  }
  const others: Mention[] = [];
  for (const s of withDateSpans(doc, outside(winkSpans(doc), header))) others.push(winkMention(text, s, date));

  let tokens = 0;
  const { types } = doc;
  for (let i = 0; i < types.length; i++) if (!NOT_WORDS.has(types[i])) tokens++;

  return { analyzer: analyzerVersion(recognizer), date, tokens, sentences: sentenceSpans(doc), mentions: merge(named, others) };
}

function winkMention(text: string, span: TypedSpan, date: string | null): Mention {
  const surface = text.slice(span.start, span.end);
  const wording = collapseSpaces(surface);
  const value = span.type === 'DATE' ? resolveDate(wording, date) : null;
  // A resolved date is named by its value, so "last year" and "2022" in a 2023 article are one
  // entity while "last year" in a 2020 one is another; the wordings remain its surface forms.
  const name = value ?? wording;
  return { start: span.start, end: span.end, type: span.type, text: surface, entityKey: entityKey(span.type, name), name, value };
}

/** The spans not overlapping the date header: it dates the document, it is not a mention of a date. */
function outside(spans: TypedSpan[], header: DateHeader | null): TypedSpan[] {
  return header ? spans.filter(s => s.end <= header.start || s.start >= header.end) : spans;
}

/** Named mentions win over the wink spans they overlap ("Morning" in "South China Morning Post"). */
function merge(named: Mention[], others: Mention[]): Mention[] {
  // Two runs already in order: the (stable) sort merges them in one pass.
  const all = [...named, ...others.filter(o => !overlapsAny(o, named))].sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  for (const m of all) if (m.end > m.start && (out.length === 0 || m.start >= out[out.length - 1].end)) out.push(m);
  return out;
}

/** Whether `span` overlaps a mention of `sorted` (sorted by start, non-overlapping). */
function overlapsAny(span: Mention, sorted: readonly Mention[]): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < span.end;
}

const isSpaceAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && /\s/.test(text[i]));
};

/** wink's sentences as character spans, without surrounding whitespace. */
function sentenceSpans(doc: WinkTokens): Sentence[] {
  const out: Sentence[] = [];
  for (const s of doc.sentences) {
    let start = doc.starts[s.first];
    let end = endOf(doc, s.last);
    while (start < end && isSpaceAt(doc.text, start)) start++;
    while (end > start && isSpaceAt(doc.text, end - 1)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
