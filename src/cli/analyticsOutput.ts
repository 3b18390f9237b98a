// What the analytics subcommands print: the core's result as JSON ({"version": 1, ...result}) or
// as an RFC 4180 table.
import { COLLOCATES_CSV_HEADER, collocateCsvFields, collocates } from '../core/analytics/collocates';
import { concordance, concordanceCsvFields } from '../core/analytics/concordance';
import { CONCORDANCE_CSV_HEADER } from '../shared/analyticsOptions';
import { cooccurrenceNetwork } from '../core/analytics/cooccurrence';
import { dispersion } from '../core/analytics/dispersion';
import { timeline } from '../core/analytics/timeline';
import type { CorpusIndex } from '../core/index/corpusIndex';
import { CsvField, csvRow } from '../core/text/csv';
import type { AnalyticsOptions } from './analyticsOptions';

interface Tabled {
  result: object;
  header: string[];
  rows: CsvField[][];
}

export function analyticsOutput(index: CorpusIndex, options: AnalyticsOptions): string {
  const { result, header, rows } = compute(index, options);
  if (options.format === 'json') return JSON.stringify({ version: 1, ...result }, null, 2) + '\n';
  return [header, ...rows].map(csvRow).join('');
}

/** The entity ids the options name that the index does not know, in the order given. */
export function unknownEntities(index: CorpusIndex, options: AnalyticsOptions): string[] {
  const named = options.command === 'timeline' ? options.entities : 'entity' in options ? [options.entity] : [];
  return named.filter(id => index.entity(id) === undefined);
}

function compute(index: CorpusIndex, options: AnalyticsOptions): Tabled {
  switch (options.command) {
    case 'timeline': {
      const result = timeline(index, options.by, options.entities, { of: options.of, range: options.range });
      return {
        result,
        header: ['period', 'entity', 'mentions', 'documents'],
        rows: result.rows.map(r => [r.period, r.entity, r.mentions, r.documents]),
      };
    }
    case 'dispersion': {
      // One row per document, the entity and its DP repeated, positions space-separated.
      const result = dispersion(index, options.entity, options.range);
      const rows = result.documents.map(d => [result.entity, result.dp, d.path, d.length, d.positions.join(' ')]);
      return { result, header: ['entity', 'dp', 'path', 'length', 'positions'], rows };
    }
    case 'cooccurrence': {
      const result = cooccurrenceNetwork(index, options.min, options.range);
      return {
        result,
        header: ['a', 'b', 'sentences', 'documents', 'score'],
        rows: result.edges.map(e => [e.a, e.b, e.sentences, e.documents, e.score]),
      };
    }
    case 'collocates': {
      const result = collocates(index, options.entity, {
        window: options.window,
        keepStopwords: options.keepStopwords,
        range: options.range,
      });
      return { result, header: [...COLLOCATES_CSV_HEADER], rows: result.rows.map(collocateCsvFields) };
    }
    case 'concordance': {
      const result = concordance(index, options.entity, { width: options.width, sort: options.sort, range: options.range });
      return { result, header: [...CONCORDANCE_CSV_HEADER], rows: result.rows.map(concordanceCsvFields) };
    }
  }
}
