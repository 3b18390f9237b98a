// The command line: usage text and parsing into Options.
import { parseArgs } from 'util';
import { CORRECTIONS_FILE } from '../core/corrections/corrections';
import { EXPORTS, EXPORT_WHATS, ExportFormat, ExportWhat, isExportFormat, isExportWhat } from '../core/export/export';
import { MAX_FOLDER_DEPTH } from '../core/node/corpusWalk';
import { ENTITY_TYPES, EntityType, RECOGNIZERS, Recognizer } from '../core/types';
import { DateRange, isDateRange } from '../shared/dateRange';
import { ANALYTICS_COMMANDS, AnalyticsOptions, parseAnalyticsOptions } from './analyticsOptions';
import { UsageError } from './usageError';

export { UsageError } from './usageError';

/** As the extension's `corpusLens.maxFileSizeMB`. */
const DEFAULT_MAX_FILE_SIZE_MB = 5;

export const USAGE = `Usage: corpus-lens analyze <file|folder>... [--format table|json|jsonl|csv] [options]
       corpus-lens export <file|folder>... --what entities|mentions|spans [--format FORMAT]
                          [--type TYPE]... [--search TEXT] [--from DATE] [--to DATE] [options]
       corpus-lens timeline <file|folder>... [--by day|month|year] [--of documents|dates]
                            [--entity ID]... [options]
       corpus-lens dispersion <file|folder>... --entity ID [options]
       corpus-lens cooccurrence <file|folder>... [--min N] [options]
       corpus-lens collocates <file|folder>... --entity ID [--window N] [--keep-stopwords] [options]
       corpus-lens concordance <file|folder>... --entity ID [--width N] [--sort doc|L1|L2|R1|R2] [options]

analyze finds the named entities, dates and amounts in .txt and .md files; export writes
them for other tools; the other commands compute statistics over them (README, "Command
line", describes their fields). Folders are walked recursively in name order, skipping hidden
entries, symbolic link loops and folders nested more than ${MAX_FOLDER_DEPTH} deep; files named on
the command line are analysed whatever their extension. A file reached by several paths
(links) is analysed once; symbolic links leading out of the folder are not followed.

analyze:
  --format FORMAT    table (default): counts and top entities per type
                     json: {version, documents, entities}; jsonl: one document per line
                     csv: one row per mention (path,start,end,text,type,entity,value)
export:
  --what WHAT        entities: --format csv (default; id,type,name,aliases,mentions,
                       documents) or json (an array of entities)
                     mentions: --format csv (path,start,end,line,text,type,entity,value)
                     spans: --format jsonl, one document per line in the spaCy/Prodigy form
                       {"text", "meta": {"path"}, "spans": [{"start", "end", "label"}]}
                       (offsets in Unicode code points)
  --type TYPE        export only entities of TYPE (PERSON, ORG, PLACE, NORP, MISC, DATE,
                     MONEY...: the types analyze prints); may be repeated
  --search TEXT      export only entities whose name or an alias contains TEXT (any case)
                     With --type or --search, mentions and spans are those of the entities
                     kept, and spans only documents holding one.
export and the statistics:
  --from DATE        only documents dated DATE or later (YYYY, YYYY-MM or YYYY-MM-DD: a
                     year or month counts whole); undated documents are left out
  --to DATE          only documents dated DATE or earlier
timeline, dispersion, cooccurrence, collocates, concordance:
  --format FORMAT    json (default; concordance: csv) or csv
  --entity ID        an entity id as export --what entities lists them ('PERSON:xi jinping');
                     timeline takes any number (none: every entity), the others one
  --by PERIOD        timeline: mentions per entity per day, month (default) or year of the
                     documents' dates; undated documents under period null
  --of WHAT          timeline: documents (default) dates mentions by their documents' dates;
                     dates counts DATE mentions by the date they name (their resolved value,
                     an interval by its start: what period the corpus talks about), every DATE
                     entity without --entity; dates not resolved to such a period under null
  --min N            cooccurrence: pairs sharing at least N sentences (default 1)
  --window N         collocates: N words either side of each mention (default 5)
  --keep-stopwords   collocates: list function words (the, of, ...) too
  --width N          concordance: N characters of context either side (default 40)
  --sort KEY         concordance: doc (default), or the first (L1) or second (L2) word to the
                     left, R1 or R2 to the right, ignoring case
all:
  --corrections FILE apply the corrections in FILE (the .corpus-lens/corrections.json format);
                     without it, each document gets the nearest ${CORRECTIONS_FILE}
                     in its folder or a folder above, up to the repository's top folder
                     (the one holding .git) or your home folder, if that file is yours and
                     writable by you alone
  --no-corrections   apply no corrections
  --include GLOB     analyse only folder files whose path relative to the folder matches
                     GLOB (a GLOB without "/" matches the file name); may be repeated
  --recognizer NAME  learned (default): the trained model; rules: the hand-written rules
  --max-file-size-mb N
                     skip files larger than N megabytes (default ${DEFAULT_MAX_FILE_SIZE_MB})
  --follow-symlinks  follow symbolic links leading out of the folder too
  --out FILE         write to FILE instead of standard output
  -h, --help         show this help

Exit status: 0 if at least one file was analysed, 1 if none could be, 2 on a usage error
or an invalid corrections file (reported as FILE:LINE:COLUMN: message) or an unknown --entity.
Unreadable, binary, undecodable or too large files, and anything but regular files (FIFOs,
devices), are reported on stderr and skipped.
`;

export const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

interface Common {
  include: string[];
  /** A corrections file, null for none, undefined to look for one beside each document. */
  corrections: string | null | undefined;
  recognizer: Recognizer;
  maxFileSizeMB: number;
  followSymlinks: boolean;
  out: string | undefined;
  paths: string[];
}

export type Options =
  | (Common & { command: 'analyze'; format: Format })
  | (Common & {
      command: 'export';
      what: ExportWhat;
      format: ExportFormat;
      types: EntityType[];
      search: string | undefined;
      range: DateRange | undefined;
    })
  | (Common & AnalyticsOptions);

const COMMANDS = ['analyze', 'export', ...ANALYTICS_COMMANDS] as const;
type Command = (typeof COMMANDS)[number];

/** The options only some commands take (all others take them all). */
const SPECIFIC_OPTIONS: Record<string, readonly Command[]> = {
  what: ['export'],
  type: ['export'],
  search: ['export'],
  by: ['timeline'],
  of: ['timeline'],
  entity: ['timeline', 'dispersion', 'collocates', 'concordance'],
  min: ['cooccurrence'],
  window: ['collocates'],
  'keep-stopwords': ['collocates'],
  width: ['concordance'],
  sort: ['concordance'],
  from: ['export', ...ANALYTICS_COMMANDS],
  to: ['export', ...ANALYTICS_COMMANDS],
};

/** The options, or 'help'; throws UsageError (or parseArgs' own errors, see isParseArgsError). */
export function parseOptions(argv: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      what: { type: 'string' },
      type: { type: 'string', multiple: true },
      search: { type: 'string' },
      by: { type: 'string' },
      of: { type: 'string' },
      entity: { type: 'string', multiple: true },
      min: { type: 'string' },
      window: { type: 'string' },
      'keep-stopwords': { type: 'boolean' },
      width: { type: 'string' },
      sort: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      include: { type: 'string', multiple: true, default: [] },
      corrections: { type: 'string' },
      'no-corrections': { type: 'boolean', default: false },
      recognizer: { type: 'string', default: 'learned' },
      'max-file-size-mb': { type: 'string', default: String(DEFAULT_MAX_FILE_SIZE_MB) },
      'follow-symlinks': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
  if (paths.length === 0) throw new UsageError('no file or folder given');
  if (values.corrections !== undefined && values['no-corrections']) {
    throw new UsageError('--corrections and --no-corrections exclude each other');
  }
  if (values.corrections === '') throw new UsageError('--corrections needs a file');
  if (!(RECOGNIZERS as readonly string[]).includes(values.recognizer)) {
    throw new UsageError(`unknown --recognizer '${values.recognizer}' (${RECOGNIZERS.join(' or ')})`);
  }
  // Number('') is 0 and Number('1e3') 1000: only plain decimals are sizes.
  const megabytes = /^\d+(\.\d+)?$/.test(values['max-file-size-mb']) ? Number(values['max-file-size-mb']) : NaN;
  if (!(megabytes > 0)) throw new UsageError(`--max-file-size-mb needs a number of megabytes above 0, not '${values['max-file-size-mb']}'`);
  const common: Common = {
    include: values.include,
    corrections: values['no-corrections'] ? null : values.corrections,
    recognizer: values.recognizer as Recognizer,
    maxFileSizeMB: megabytes,
    followSymlinks: values['follow-symlinks'],
    out: values.out,
    paths,
  };

  for (const [option, commands] of Object.entries(SPECIFIC_OPTIONS)) {
    if (values[option as keyof typeof values] !== undefined && !commands.includes(command)) {
      throw new UsageError(`--${option} is for ${commands.join(', ')}`);
    }
  }

  if (command === 'analyze') {
    const format = values.format ?? 'table';
    if (!isFormat(format)) throw new UsageError(`unknown format '${format}'`);
    return { ...common, command, format };
  }
  const range = dateRange(values.from, values.to);
  if (command !== 'export') return { ...common, ...parseAnalyticsOptions(command, values), ...(range && { range }) };
  const what = values.what;
  if (what === undefined) throw new UsageError(`export needs --what ${EXPORT_WHATS.join('|')}`);
  if (!isExportWhat(what)) throw new UsageError(`unknown --what '${what}' (${EXPORT_WHATS.join(', ')})`);
  const format = values.format ?? EXPORTS[what][0];
  if (!isExportFormat(what, format)) throw new UsageError(`${what} cannot be exported as '${format}' (only ${EXPORTS[what].join(', ')})`);
  const types = values.type ?? [];
  for (const type of types) if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new UsageError(`unknown type '${type}'`);
  return { ...common, command, what, format, types: types as EntityType[], search: values.search, range };
}

/** --from and --to as the panel's date filter; undefined when neither is given. */
function dateRange(from = '', to = ''): DateRange | undefined {
  if (from === '' && to === '') return undefined;
  const range = { from, to };
  if (isDateRange(range)) return range;
  const bad = [from, to].find(end => end !== '' && !isDateRange({ from: end, to: '' }));
  throw new UsageError(bad !== undefined ? `'${bad}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` : `--from ${from} is after --to ${to}`);
}

function isCommand(command: string): command is Command {
  return (COMMANDS as readonly string[]).includes(command);
}

export function isParseArgsError(error: unknown): boolean {
  return String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS');
}

function isFormat(format: string): format is Format {
  return (FORMATS as readonly string[]).includes(format);
}
