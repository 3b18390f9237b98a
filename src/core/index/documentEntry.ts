// One indexed document: its text, sentences and mentions (packed into columns, see MentionTable),
// with the entity id each of its keys resolved to when last indexed.

import { ResolvedKey } from './entityResolver';
import type { EntityAggregate } from './entityAggregates';
import { IndexedMention, Snippet } from './indexTypes';
import { MentionTable, StringPool } from './mentionTable';
import { PackedAnalysis } from './packedAnalysis';
import { lineStarts, positionAt } from '../text/textLines';

export interface DocumentEntry {
  id: string;
  text: string;
  date: string | null;
  tokens: number;
  sentenceStarts: Int32Array;
  sentenceEnds: Int32Array;
  /** Made when a mention's line is first asked for: most documents' never are in a session. */
  lineStarts?: Int32Array;
  /** Sorted by start. */
  mentions: MentionTable;
  /** Per key of `mentions` (keyOf): its form, and the entity id it resolved to when last indexed. */
  forms: KeyForm[];
  entityIds: string[];
}

/** An analyzer key as the index knows it, one per distinct key, shared by the documents that hold it. */
export interface KeyForm {
  key: string;
  /** Its folded key's record in the resolver (see foldKey). */
  resolved: ResolvedKey;
  /** The aggregate last found for it (see EntityAggregates.aggregateFor): a loading document seldom looks one up. */
  aggregate?: EntityAggregate;
}

export function createEntry(id: string, text: string, analysis: PackedAnalysis, forms: KeyForm[], strings: StringPool): DocumentEntry {
  const mentions = new MentionTable(analysis, strings);
  const { sentences } = analysis;
  const count = sentences.length / 2;
  const sentenceStarts = new Int32Array(count);
  const sentenceEnds = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    sentenceStarts[i] = sentences[2 * i];
    sentenceEnds[i] = sentences[2 * i + 1];
  }
  return { id, text, date: analysis.date, tokens: analysis.tokens, sentenceStarts, sentenceEnds, mentions, forms, entityIds: [] };
}

/** The resolver's records of the entry's keys (folded, several keys may share one). */
export function resolvedKeys(entry: DocumentEntry): Set<ResolvedKey> {
  return new Set(entry.forms.map(form => form.resolved));
}

/** Mention `i` of the entry as an object. */
export function indexedMention(entry: DocumentEntry, i: number): IndexedMention {
  const { mentions, text } = entry;
  const start = mentions.starts[i];
  const end = mentions.ends[i];
  entry.lineStarts ??= Int32Array.from(lineStarts(text));
  const { line, character } = positionAt(entry.lineStarts, start);
  return {
    start,
    end,
    text: text.slice(start, end),
    type: mentions.type(i),
    entityKey: entry.forms[mentions.keyOf[i]].key,
    name: mentions.name(i),
    value: mentions.values.get(i) ?? null,
    docId: entry.id,
    entityId: entry.entityIds[mentions.keyOf[i]],
    line,
    character,
  };
}

/** Indices of the entry's mentions of `entityId`, in order. */
export function mentionIndices(entry: DocumentEntry, entityId: string): number[] {
  const out: number[] = [];
  const { keyOf } = entry.mentions;
  for (let i = 0; i < keyOf.length; i++) if (entry.entityIds[keyOf[i]] === entityId) out.push(i);
  return out;
}

/** Up to `width` code units of `text` either side of [start, end), as single-line text. */
export function snippet(text: string, start: number, end: number, width: number): Snippet {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  if (from < start && isLowSurrogate(text.charCodeAt(from))) from++; // never cut a surrogate pair
  if (to > end && isLowSurrogate(text.charCodeAt(to))) to--;
  return {
    left: oneLine(text.slice(from, start)),
    text: oneLine(text.slice(start, end)),
    right: oneLine(text.slice(end, to)),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
