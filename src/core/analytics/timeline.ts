// Mentions per entity per period. By document date (`of: 'documents'`), the period is the
// document's own date (a `date YYYY-MM-DD` header or front matter, see findDocumentDate) cut to a
// day, month or year: a report of 2023 on the war of 2022 counts for 2023. By resolved date
// (`of: 'dates'`, DATE entities only), it is the date the mention names, its resolved value: the
// same report's "last year" counts for 2022. Either can be limited to documents dated in a range.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import type { Period, TimelineOf } from '../../shared/analyticsOptions';
import { DateRange, inDateRange } from '../../shared/dateRange';
import { Steps, runSteps } from './steps';

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
  return runSteps(timelineSteps(index, by, entities, options));
}

/** timeline, yielding after each document. */
export function* timelineSteps(
  index: CorpusIndex,
  by: Period,
  entities?: readonly string[],
  options: TimelineOptions = {},
): Steps<Timeline> {
  const { of = 'documents', range, as } = options;
  const rows = new Map<string, TimelineRow>();
  // Mentions come by document, so a row's last document tells a new one.
  const lastDocument = new Map<TimelineRow, string>();
  const count = (period: string | null, entity: string, docId: string) => {
    const key = `${period}\u0000${as ?? entity}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { period, entity: as ?? entity, mentions: 0, documents: 0 }));
    row.mentions++;
    if (lastDocument.get(row) !== docId) row.documents++;
    lastDocument.set(row, docId);
  };
  const asked = entities && entities.length > 0 ? entities : undefined;
  let wanted: Set<string> | undefined;
  if (of === 'dates') {
    const dates = asked ? asked.filter(id => index.entity(id)?.type === 'DATE') : index.entities({ types: ['DATE'] }).map(e => e.id);
    wanted = new Set(dates);
  } else if (asked) {
    wanted = new Set(asked);
  }
  for (const docId of index.documentIds()) {
    const date = index.document(docId)?.date ?? null;
    if (range && !inDateRange(date, range)) continue;
    const period = date === null ? null : date.slice(0, PERIOD_LENGTH[by]);
    for (const { entityId, value } of index.entitySpans(docId)) {
      if (wanted && !wanted.has(entityId)) continue;
      count(of === 'dates' ? resolvedPeriod(value, by) : period, entityId, docId);
    }
    yield;
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
