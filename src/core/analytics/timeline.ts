// Mentions per entity per period. By document date (`of: 'documents'`), the period is the
// document's own date (a `date YYYY-MM-DD` header or front matter, see findDocumentDate) cut to a
// day, month or year: a report of 2023 on the war of 2022 counts for 2023. By resolved date
// (`of: 'dates'`, DATE entities only), it is the date the mention names, its resolved value: the
// same report's "last year" counts for 2022. Either can be limited to documents dated in a range.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import type { Period, TimelineOf } from '../../shared/analyticsOptions';
import { DateRange, inDateRange } from '../../shared/dateRange';

const PERIOD_LENGTH: Record<Period, number> = { day: 10, month: 7, year: 4 };
/** A resolved value (or an interval's start) precise enough for the period; weeks (`2023-W04`) are years only. */
const PRECISE_ENOUGH: Record<Period, RegExp> = { day: /^\d{4}-\d{2}-\d{2}/, month: /^\d{4}-\d{2}/, year: /^\d{4}/ };

export interface TimelineRow {
  /**
   * `2023-01-15`, `2023-01` or `2023`. Null: by document date, documents without a date; by
   * resolved date, dates not resolved to a period that precise ("year-end", or a year by month).
   */
  period: string | null;
  entity: string;
  mentions: number;
  /** Documents of the period that mention the entity. */
  documents: number;
}

export interface Timeline {
  by: Period;
  of: TimelineOf;
  /** By period (null last), then entity id; only periods in which the entity is mentioned. */
  rows: TimelineRow[];
}

export interface TimelineOptions {
  /** Documents' dates (default) or DATE mentions' resolved values. */
  of?: TimelineOf;
  /** Only documents dated in the range (undated ones are left out). */
  range?: DateRange;
  /** Counts the entities as one, under this id (the Explorer's "every date" series). */
  as?: string;
}

/** The timeline of `entities`, or of every entity (by resolved date, every DATE entity) when none are given. */
export function timeline(index: CorpusIndex, by: Period, entities?: readonly string[], options: TimelineOptions = {}): Timeline {
  const { of = 'documents', range, as } = options;
  const rows = new Map<string, TimelineRow>();
  // Mentions come grouped by document (both loops below), so a row's last document tells a new one.
  const lastDocument = new Map<TimelineRow, string>();
  const count = (period: string | null, entity: string, docId: string) => {
    const key = `${period}\u0000${as ?? entity}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { period, entity: as ?? entity, mentions: 0, documents: 0 }));
    row.mentions++;
    if (lastDocument.get(row) !== docId) row.documents++;
    lastDocument.set(row, docId);
  };
  const dated = (docId: string) => {
    const date = index.document(docId)?.date ?? null;
    return range && !inDateRange(date, range) ? undefined : date;
  };
  if (of === 'documents') {
    const wanted = entities && entities.length > 0 ? new Set(entities) : undefined;
    for (const docId of index.documentIds()) {
      const date = dated(docId);
      if (date === undefined) continue;
      const period = date === null ? null : date.slice(0, PERIOD_LENGTH[by]);
      for (const { entityId } of index.entitySpans(docId)) if (!wanted || wanted.has(entityId)) count(period, entityId, docId);
    }
  } else {
    const ids = entities && entities.length > 0 ? entities : index.entities({ types: ['DATE'] }).map(e => e.id);
    const documentDates = new Map<string, string | null | undefined>();
    const mentions: { docId: string; value: string | null; id: string }[] = [];
    for (const id of ids) {
      if (index.entity(id)?.type !== 'DATE') continue;
      for (const { docId, value } of index.mentionsOf(id)) {
        if (!documentDates.has(docId)) documentDates.set(docId, dated(docId));
        if (documentDates.get(docId) !== undefined) mentions.push({ docId, value, id });
      }
    }
    // By document (stable: each entity's mentions stay in order), so that `count` sees documents in runs.
    mentions.sort((a, b) => compareCodeUnits(a.docId, b.docId));
    for (const { docId, value, id } of mentions) count(resolvedPeriod(value, by), id, docId);
  }
  return { by, of, rows: [...rows.values()].sort(compareRows) };
}

/** The period a resolved DATE value names (an interval by its start), or null when it names none that precise. */
export function resolvedPeriod(value: string | null, by: Period): string | null {
  return value !== null && PRECISE_ENOUGH[by].test(value) ? value.slice(0, PERIOD_LENGTH[by]) : null;
}

function compareRows(a: TimelineRow, b: TimelineRow): number {
  if (a.period !== b.period) {
    if (a.period === null) return 1;
    if (b.period === null) return -1;
    return compareCodeUnits(a.period, b.period);
  }
  return compareCodeUnits(a.entity, b.entity);
}
