// The analytics subcommands' own options (timeline, dispersion, cooccurrence, collocates,
// concordance); options.ts parses the command line and the options all commands share.
import {
  CONCORDANCE_SORTS,
  ConcordanceSort,
  DEFAULT_COLLOCATE_WINDOW,
  DEFAULT_WIDTH,
  PERIODS,
  Period,
  TIMELINE_OFS,
  TimelineOf,
} from '../shared/analyticsOptions';
import type { DateRange } from '../shared/dateRange';
import { UsageError } from './usageError';

export const ANALYTICS_COMMANDS = ['timeline', 'dispersion', 'cooccurrence', 'collocates', 'concordance'] as const;
export type AnalyticsCommand = (typeof ANALYTICS_COMMANDS)[number];

export const ANALYTICS_FORMATS = ['json', 'csv'] as const;
export type AnalyticsFormat = (typeof ANALYTICS_FORMATS)[number];

/** `range`: --from/--to, the panel's filter by document date (options.ts parses it for export too). */
export type AnalyticsOptions = { format: AnalyticsFormat; range?: DateRange } & (
  | { command: 'timeline'; by: Period; of: TimelineOf; entities: string[] }
  | { command: 'dispersion'; entity: string }
  | { command: 'cooccurrence'; min: number }
  | { command: 'collocates'; entity: string; window: number; keepStopwords: boolean }
  | { command: 'concordance'; entity: string; width: number; sort: ConcordanceSort }
);

/** What parseArgs gives for the analytics options (undefined when absent). */
export interface AnalyticsValues {
  format?: string;
  by?: string;
  of?: string;
  entity?: string[];
  min?: string;
  window?: string;
  'keep-stopwords'?: boolean;
  width?: string;
  sort?: string;
}

/** Throws UsageError on a wrong value; options foreign to the command are options.ts's to refuse. */
export function parseAnalyticsOptions(command: AnalyticsCommand, values: AnalyticsValues): AnalyticsOptions {
  const pick = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UsageError(`unknown ${name} '${value}' (${allowed.join(', ')})`);
  };
  const whole = (name: string, value: string | undefined, fallback: number, least: number): number => {
    if (value === undefined) return fallback;
    if (/^\d+$/.test(value) && Number(value) >= least) return Number(value);
    throw new UsageError(`${name} needs a whole number of at least ${least}, not '${value}'`);
  };
  const one = (): string => {
    if (values.entity?.length === 1) return values.entity[0];
    throw new UsageError(`${command} needs one --entity ID (an id as export --what entities lists them, e.g. 'PERSON:xi jinping')`);
  };
  // As listed, a concordance is a table first; the others are data for charts first.
  const format = pick('--format', values.format ?? (command === 'concordance' ? 'csv' : 'json'), ANALYTICS_FORMATS);
  switch (command) {
    case 'timeline':
      return {
        command,
        format,
        by: pick('--by', values.by ?? 'month', PERIODS),
        of: pick('--of', values.of ?? 'documents', TIMELINE_OFS),
        entities: values.entity ?? [],
      };
    case 'dispersion':
      return { command, format, entity: one() };
    case 'cooccurrence':
      return { command, format, min: whole('--min', values.min, 1, 1) };
    case 'collocates':
      return {
        command,
        format,
        entity: one(),
        window: whole('--window', values.window, DEFAULT_COLLOCATE_WINDOW, 1),
        keepStopwords: !!values['keep-stopwords'],
      };
    case 'concordance':
      return {
        command,
        format,
        entity: one(),
        width: whole('--width', values.width, DEFAULT_WIDTH, 0),
        sort: pick('--sort', values.sort ?? 'doc', CONCORDANCE_SORTS),
      };
  }
}
