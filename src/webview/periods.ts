// Timeline periods (`2023`, `2023-02`, `2023-02-15`) on the chart's axis: every period from the
// first to the last, so that a gap shows as zero, and a period as the days it spans (the date
// filter's From and To). No DOM here, so that plain Node can test it.

import type { Period } from '../shared/analyticsOptions';
import type { DateRange } from '../shared/dateRange';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function next(period: string, by: Period): string {
  if (by === 'year') return pad(Number(period) + 1, 4);
  if (by === 'month') {
    const [y, m] = period.split('-').map(Number);
    return m === 12 ? `${pad(y + 1, 4)}-01` : `${pad(y, 4)}-${pad(m + 1)}`;
  }
  const day = new Date(`${period}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The periods from `first` to `last` inclusive, at most `limit` of them. */
export function periodsBetween(first: string, last: string, by: Period, limit: number): string[] {
  const periods: string[] = [];
  for (let p = first; p <= last && periods.length < limit; p = next(p, by)) periods.push(p);
  return periods;
}

function lastDay(period: string): string {
  if (period.length === 10) return period;
  if (period.length === 4) return `${period}-12-31`;
  const [y, m] = period.split('-').map(Number);
  return `${period}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The days from the start of `first` to the end of `last` (periods of one length). */
export function daysOf(first: string, last: string): DateRange {
  return { from: first.length === 10 ? first : `${first}${first.length === 4 ? '-01-01' : '-01'}`, to: lastDay(last) };
}
