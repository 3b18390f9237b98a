// What `analyze` prints, in each of its formats.
import type { CorpusIndex } from '../core/index/corpusIndex';
import { entityJson } from '../core/export/export';
import { csvRow } from '../core/text/csv';
import { ENTITY_TYPES } from '../core/types';
import type { Format } from './options';

const TOP_ENTITIES_PER_TYPE = 5;

export const FORMATTERS: Record<Format, (index: CorpusIndex) => string> = {
  json: index =>
    JSON.stringify(
      {
        version: 1,
        documents: index.documentIds().map(id => documentReport(index, id)),
        entities: index.entities().map(entityJson),
      },
      null,
      2,
    ) + '\n',
  jsonl: index =>
    index
      .documentIds()
      .map(id => JSON.stringify(documentReport(index, id)) + '\n')
      .join(''),
  csv: index =>
    csvRow(['path', 'start', 'end', 'text', 'type', 'entity', 'value']) +
    index
      .documentIds()
      .flatMap(id => index.mentionsIn(id).map(m => csvRow([id, m.start, m.end, m.text, m.type, m.entityId, m.value])))
      .join(''),
  table: formatTable,
};

function documentReport(index: CorpusIndex, docId: string) {
  return {
    path: docId,
    date: index.document(docId)!.date,
    mentions: index.mentionsIn(docId).map(m => ({
      start: m.start,
      end: m.end,
      text: m.text,
      type: m.type,
      entity: m.entityId,
      value: m.value,
    })),
  };
}

function formatTable(index: CorpusIndex): string {
  const stats = index.stats();
  const lines = [
    `${count(stats.documents, 'document')}, ${count(stats.tokens, 'token')}, ` +
      `${count(stats.mentions, 'mention')} of ${count(stats.entities, 'entity', 'entities')}`,
  ];
  for (const type of ENTITY_TYPES) {
    if (stats.byType[type] === 0) continue;
    lines.push('', `${type}: ${count(stats.byType[type], 'entity', 'entities')}, ${count(stats.mentionsByType[type], 'mention')}`);
    for (const entity of index.entities({ types: [type], limit: TOP_ENTITIES_PER_TYPE })) {
      const aliases = entity.aliases.length > 0 ? ` (also ${entity.aliases.slice(0, 3).join(', ')})` : '';
      const counts = `${entity.mentionCount} in ${count(entity.documentCount, 'doc')}`;
      lines.push(`  ${counts.padEnd(16)} ${entity.name}${aliases}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** As shared/plural's, without digit grouping: the table's figures stay as before, and a run pays no locale data loading for it. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
