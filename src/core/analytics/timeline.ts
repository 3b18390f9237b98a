// Mentions per entity per period, the period being the document's own date (a `date YYYY-MM-DD`
// header or front matter, see findDocumentDate) cut to a day, month or year. Mentions are not
// dated by the dates they mention: a report of 2023 on the war of 2022 counts for 2023.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import type { Period } from '../../shared/analyticsOptions';

const PERIOD_LENGTH: Record<Period, number> = { day: 10, month: 7, year: 4 };

export interface TimelineRow {
  /** `2023-01-15`, `2023-01` or `2023`; null for documents without a date. */
  period: string | null;
  entity: string;
  mentions: number;
  /** Documents of the period that mention the entity. */
  documents: number;
}

export interface Timeline {
  by: Period;
  /** By period (undated last), then entity id; only periods in which the entity is mentioned. */
  rows: TimelineRow[];
}

/** The timeline of `entities`, or of every entity when none are given. */
export function timeline(index: CorpusIndex, by: Period, entities?: readonly string[]): Timeline {
  const wanted = entities && entities.length > 0 ? new Set(entities) : undefined;
  const rows = new Map<string, TimelineRow>();
  for (const docId of index.documentIds()) {
    const date = index.document(docId)!.date;
    const period = date === null ? null : date.slice(0, PERIOD_LENGTH[by]);
    const seen = new Set<string>();
    for (const { entityId } of index.entitySpans(docId)) {
      if (wanted && !wanted.has(entityId)) continue;
      const key = `${period}\u0000${entityId}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { period, entity: entityId, mentions: 0, documents: 0 }));
      row.mentions++;
      if (!seen.has(entityId)) row.documents++;
      seen.add(entityId);
    }
  }
  return { by, rows: [...rows.values()].sort(compareRows) };
}

function compareRows(a: TimelineRow, b: TimelineRow): number {
  if (a.period !== b.period) {
    if (a.period === null) return 1;
    if (b.period === null) return -1;
    return compareCodeUnits(a.period, b.period);
  }
  return compareCodeUnits(a.entity, b.entity);
}
