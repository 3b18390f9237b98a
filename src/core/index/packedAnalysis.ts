// A DocumentAnalysis as two arrays of integers plus the distinct strings: cheap to send from a
// worker, to store (see AnalysisCache) and to read back, which is most of a warm reopen. Mention
// texts are not stored: they are slices of the document's text.
import { surfaceForm } from '../text/nameForms';
import { ENTITY_TYPES, DocumentAnalysis, Mention } from '../types';

export interface PackedAnalysis {
  analyzer: string;
  date: string | null;
  tokens: number;
  /** start, end of each sentence. */
  sentences: Int32Array;
  /**
   * Per mention: start, end, type (index in ENTITY_TYPES), key (index in keys), name and surface
   * form (indices in strings; see surfaceForm, computed here once rather than by the index).
   */
  mentions: Int32Array;
  keys: string[];
  strings: string[];
  /** [mention index, value] of the mentions that have a value. */
  values: [number, string][];
}

/** Numbers per mention in PackedAnalysis.mentions. */
export const MENTION_FIELDS = 6;
const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((type, i) => [type, i]));

export function packAnalysis(analysis: DocumentAnalysis): PackedAnalysis {
  const keys = new Map<string, number>();
  const strings = new Map<string, number>();
  const indexOf = (map: Map<string, number>, s: string): number => {
    let i = map.get(s);
    if (i === undefined) map.set(s, (i = map.size));
    return i;
  };
  const mentions: number[] = [];
  const values: [number, string][] = [];
  analysis.mentions.forEach((m, i) => {
    const type = TYPE_INDEX.get(m.type)!;
    mentions.push(m.start, m.end, type, indexOf(keys, m.entityKey), indexOf(strings, m.name), indexOf(strings, surfaceForm(m.text)));
    if (m.value !== null) values.push([i, m.value]);
  });
  return {
    analyzer: analysis.analyzer,
    date: analysis.date,
    tokens: analysis.tokens,
    sentences: Int32Array.from(analysis.sentences.flatMap(s => [s.start, s.end])),
    mentions: Int32Array.from(mentions),
    keys: [...keys.keys()],
    strings: [...strings.keys()],
    values,
  };
}

/** Why `packed` cannot be an analysis of `text` (wrong shape, offsets outside the text), or undefined. */
export function packedProblem(packed: PackedAnalysis, text: string): string | undefined {
  const { sentences, mentions, keys, strings, values } = packed;
  if (!isOffsets(sentences, 2) || !isOffsets(mentions, MENTION_FIELDS)) return 'malformed analysis';
  if (!isStrings(keys) || !isStrings(strings) || !Array.isArray(values)) return 'malformed analysis';
  const dated = packed.date === null || typeof packed.date === 'string';
  if (typeof packed.analyzer !== 'string' || typeof packed.tokens !== 'number' || !dated) return 'malformed analysis';
  if (!values.every(v => Array.isArray(v) && Number.isInteger(v[0]) && typeof v[1] === 'string')) return 'malformed analysis';
  let previousEnd = 0;
  for (let at = 0; at < mentions.length; at += MENTION_FIELDS) {
    const start = mentions[at];
    const end = mentions[at + 1];
    const badIndex =
      mentions[at + 2] >= ENTITY_TYPES.length ||
      mentions[at + 3] >= keys.length ||
      Math.max(mentions[at + 4], mentions[at + 5]) >= strings.length;
    if (start < previousEnd || end <= start || end > text.length || badIndex) return 'mention out of range';
    previousEnd = end;
  }
  return undefined;
}

/** The analysis as objects again (see packedProblem for checking untrusted input first). */
export function unpackAnalysis(packed: PackedAnalysis, text: string): DocumentAnalysis {
  const { sentences, mentions, keys, strings } = packed;
  const valueOf = new Map(packed.values);
  const out: Mention[] = [];
  for (let at = 0; at < mentions.length; at += MENTION_FIELDS) {
    const start = mentions[at];
    const end = mentions[at + 1];
    const value = valueOf.get(at / MENTION_FIELDS) ?? null;
    const type = ENTITY_TYPES[mentions[at + 2]];
    out.push({ start, end, text: text.slice(start, end), type, entityKey: keys[mentions[at + 3]], name: strings[mentions[at + 4]], value });
  }
  const spans = [];
  for (let at = 0; at < sentences.length; at += 2) spans.push({ start: sentences[at], end: sentences[at + 1] });
  return { analyzer: packed.analyzer, date: packed.date, tokens: packed.tokens, sentences: spans, mentions: out };
}

function isOffsets(a: unknown, stride: number): a is Int32Array {
  if (!(a instanceof Int32Array) || a.length % stride !== 0) return false;
  for (let i = 0; i < a.length; i++) if (a[i] < 0) return false; // a loop: every() is slow on typed arrays
  return true;
}

function isStrings(a: unknown): a is string[] {
  return Array.isArray(a) && a.every(s => typeof s === 'string');
}
