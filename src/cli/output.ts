// What `analyze` prints, in each of its formats.
import type { CorpusIndex } from '../core/index/corpusIndex';
import { entityJson } from '../core/export/export';
import { csvRow } from '../core/text/csv';
import { ENTITY_TYPES } from '../core/types';
import { plural } from '../shared/plural';
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
  jsonl: index => index.documentIds().map(id => JSON.stringify(documentReport(index, id)) + '\n').join(''),
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
    `${plural(stats.documents, 'document')}, ${plural(stats.tokens, 'token')}, ` +
      `${plural(stats.mentions, 'mention')} of ${plural(stats.entities, 'entity', 'entities')}`,
  ];
  for (const type of ENTITY_TYPES) {
    if (stats.byType[type] === 0) continue;
    lines.push('', `${type}: ${plural(stats.byType[type], 'entity', 'entities')}, ${plural(stats.mentionsByType[type], 'mention')}`);
    for (const entity of index.entities({ types: [type], limit: TOP_ENTITIES_PER_TYPE })) {
      const aliases = entity.aliases.length > 0 ? ` (also ${entity.aliases.slice(0, 3).join(', ')})` : '';
      const counts = `${entity.mentionCount} in ${plural(entity.documentCount, 'doc')}`;
      lines.push(`  ${counts.padEnd(16)} ${entity.name}${aliases}`);
    }
  }
  return lines.join('\n') + '\n';
}
