// The panel's filter by document date: an inclusive range whose ends are ISO dates or prefixes of
// one (`2023`, `2023-02`, `2023-02-15`), either end open (''). Prefixes compare as periods, so
// {from: '2023-02', to: '2023-02'} is all of February, and a clicked timeline period is a range.
//
// Self-contained (no imports): the webview bundle pulls it in.

export interface DateRange {
  /** '' for no lower bound. */
  from: string;
  /** '' for no upper bound. */
  to: string;
}

const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A well-formed range: ends '' or ISO prefixes, not both open, `from` not after `to`. */
export function isDateRange(value: unknown): value is DateRange {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { from, to } = value as Record<string, unknown>;
  if (Object.keys(value).some(k => k !== 'from' && k !== 'to')) return false;
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  if ((from !== '' && !ISO_PREFIX.test(from)) || (to !== '' && !ISO_PREFIX.test(to))) return false;
  if (from === '' && to === '') return false;
  return from === '' || to === '' || from.slice(0, to.length) <= to;
}

/** Whether a document dated `date` is in the range; an undated document never is. */
export function inDateRange(date: string | null, range: DateRange): boolean {
  return date !== null && date.slice(0, range.from.length) >= range.from && date.slice(0, range.to.length) <= range.to;
}

export function sameRange(a: DateRange | null | undefined, b: DateRange | null | undefined): boolean {
  return (a ?? null) === (b ?? null) || (!!a && !!b && a.from === b.from && a.to === b.to);
}

/** "dated 2023-01-01 to 2023-02-28", "dated from 2023-01", "dated 2023-02" (a period). */
export function describeRange({ from, to }: DateRange): string {
  if (from === to) return `dated ${from}`;
  if (to === '') return `dated from ${from}`;
  if (from === '') return `dated up to ${to}`;
  return `dated ${from} to ${to}`;
}
