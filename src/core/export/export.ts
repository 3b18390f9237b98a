// Export: the corpus index's entities, mentions and annotated documents, as files for other tools.
//
// - entities: CSV (id,type,name,aliases,mentions,documents; aliases joined with "; ") or JSON (an
//   array of {id, type, name, aliases, mentions, documents}), most mentioned first;
// - mentions: CSV (path,start,end,line,text,type,entity,value), by document then offset; start
//   and end are UTF-16 offsets (as in editors and the CLI's analyze output), line is 1-based;
// - spans: JSONL, one document per line in the spaCy/Prodigy form
//   {"text", "meta": {"path"}, "spans": [{"start", "end", "label"}]}. Offsets there are Unicode
//   code points, which is what Python (spaCy's char_span, Prodigy) indexes strings by; they equal
//   UTF-16 offsets unless the text has characters beyond the BMP (emoji, rare CJK).
// CSV is RFC 4180 (see csv.ts). Documents come in path order (code units), so that exporting
// the same corpus twice gives the same file, whatever order the files were analysed in.
//
// A filter (the panel's: entity types and a search over names and aliases) narrows all three:
// entities to those matching, mentions and spans to those of matching entities, and documents
// (spans) to those with at least one such span. Without a filter (or with one that keeps
// everything, as the panel's when nothing is filtered), every document is exported, those
// without a span too (a document with no entity is an annotation as well).

import { EXPORTS, ExportFormat, ExportWhat, isExportFormat } from '../../shared/exportFormats';
import { CorpusIndex, EntityRecord, IndexedMention } from '../index/corpusIndex';
import { compareCodeUnits, nameSortKey } from '../index/entityAggregates';
import { csvRow } from '../text/csv';
import { ENTITY_TYPES, EntityType } from '../types';
import type { DateRange } from '../../shared/dateRange';
import { countsInRange, documentsIn } from '../analytics/dateFilter';

export interface ExportFilter {
  /** Entity types to keep; all when absent. */
  types?: readonly EntityType[];
  /** Searched in names and aliases as the panel's search box does (the index's `prefix` query, src/shared/search.ts). */
  search?: string;
  /** Only documents dated in the range: entities mentioned there, counted there (most first). */
  range?: DateRange;
}

export interface ExportOptions {
  filter?: ExportFilter;
  /** The path written for a document (e.g. workspace-relative); its id when absent. */
  path?: (docId: string) => string;
}

// The table lives in src/shared so that the webview can use it too.
export {
  EXPORTS,
  EXPORT_WHATS,
  type ExportFormat,
  type ExportWhat,
  exportDescription,
  isExportFormat,
  isExportWhat,
} from '../../shared/exportFormats';

/** The file content; throws on a format `what` cannot be exported as (see EXPORTS). */
export function exportCorpus(index: CorpusIndex, what: ExportWhat, format: ExportFormat, options: ExportOptions = {}): string {
  if (!isExportFormat(what, format)) throw new Error(`${what} cannot be exported as ${format} (only ${EXPORTS[what].join(', ')})`);
  if (what === 'entities') return format === 'json' ? entitiesJson(index, options) : entitiesCsv(index, options);
  if (what === 'mentions') return mentionsCsv(index, options);
  return spansJsonl(index, options);
}

/** Entities passing the filter, most mentioned first (the index's default order). */
export function selectEntities(index: CorpusIndex, filter: ExportFilter = {}): EntityRecord[] {
  const entities = index.entities({ types: filter.types, prefix: filter.search });
  if (!filter.range) return entities;
  const counts = countsInRange(index, filter.range);
  // Most mentioned in the range first, ties by name as the index orders them.
  return entities
    .filter(e => counts.has(e.id))
    .map(e => ({ ...e, mentionCount: counts.get(e.id)!.mentions, documentCount: counts.get(e.id)!.documents }))
    .map(e => ({ e, key: nameSortKey(e.name) }))
    .sort((x, y) => y.e.mentionCount - x.e.mentionCount || compareCodeUnits(x.key, y.key) || compareCodeUnits(x.e.id, y.e.id))
    .map(({ e }) => e);
}

/** Whether the filter leaves some entity out (a range leaves documents out, see documents()). */
function narrows(filter: ExportFilter | undefined): boolean {
  return !!filter && (!!filter.search?.trim() || (!!filter.types && ENTITY_TYPES.some(t => !filter.types!.includes(t))));
}

export function entitiesCsv(index: CorpusIndex, options: ExportOptions = {}): string {
  return (
    csvRow(['id', 'type', 'name', 'aliases', 'mentions', 'documents']) +
    selectEntities(index, options.filter)
      .map(e => csvRow([e.id, e.type, e.name, e.aliases.join('; '), e.mentionCount, e.documentCount]))
      .join('')
  );
}

/** An entity as the JSON exports and the CLI write it. */
export function entityJson(e: EntityRecord): {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  mentions: number;
  documents: number;
} {
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentionCount, documents: e.documentCount };
}

export function entitiesJson(index: CorpusIndex, options: ExportOptions = {}): string {
  return JSON.stringify(selectEntities(index, options.filter).map(entityJson), null, 2) + '\n';
}

export function mentionsCsv(index: CorpusIndex, options: ExportOptions = {}): string {
  const rows = [csvRow(['path', 'start', 'end', 'line', 'text', 'type', 'entity', 'value'])];
  for (const { path, mentions } of documents(index, options)) {
    for (const m of mentions) rows.push(csvRow([path, m.start, m.end, m.line + 1, m.text, m.type, m.entityId, m.value]));
  }
  return rows.join('');
}

export function spansJsonl(index: CorpusIndex, options: ExportOptions = {}): string {
  const lines: string[] = [];
  for (const { docId, path, mentions } of documents(index, options)) {
    if (narrows(options.filter) && mentions.length === 0) continue;
    const text = index.text(docId) ?? '';
    const toCodePoints = codePointOffsets(text);
    const spans = mentions.map(m => ({ start: toCodePoints(m.start), end: toCodePoints(m.end), label: m.type }));
    lines.push(JSON.stringify({ text, meta: { path }, spans }) + '\n');
  }
  return lines.join('');
}

interface ExportedDocument {
  docId: string;
  path: string;
  mentions: readonly IndexedMention[];
}

/** Documents (dated in the filter's range, if any) in path order, with the mentions of the filter's entities. */
function documents(index: CorpusIndex, options: ExportOptions): ExportedDocument[] {
  const wanted = options.filter && new Set(selectEntities(index, options.filter).map(e => e.id));
  const pathOf = options.path ?? ((docId: string) => docId);
  return index
    .documentIds()
    .filter(documentsIn(index, options.filter?.range))
    .map(docId => {
      const all = index.mentionsIn(docId);
      return { docId, path: pathOf(docId), mentions: wanted ? all.filter(m => wanted.has(m.entityId)) : all };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * UTF-16 offset → code point offset, for offsets asked in ascending order (a document's sorted
 * mentions: each start, then its end). Identity for text without surrogate pairs.
 */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return offset => offset;
  let unit = 0;
  let point = 0;
  return offset => {
    if (offset < unit) {
      unit = 0;
      point = 0;
    }
    while (unit < offset) {
      const code = text.charCodeAt(unit);
      unit += code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(unit + 1)) ? 2 : 1;
      point++;
    }
    return point;
  };
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
