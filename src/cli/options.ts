// The command line: usage text and parsing into Options.
import { parseArgs } from 'util';
import { CORRECTIONS_FILE } from '../core/corrections/corrections';
import { EXPORTS, EXPORT_WHATS, ExportFormat, ExportWhat, isExportFormat, isExportWhat } from '../core/export/export';
import { MAX_FOLDER_DEPTH } from '../core/node/corpusWalk';
import { ENTITY_TYPES, EntityType, RECOGNIZERS, Recognizer } from '../core/types';

/** As the extension's `corpusLens.maxFileSizeMB`. */
const DEFAULT_MAX_FILE_SIZE_MB = 5;

export const USAGE = `Usage: corpus-lens analyze <file|folder>... [--format table|json|jsonl|csv] [options]
       corpus-lens export <file|folder>... --what entities|mentions|spans [--format FORMAT]
                          [--type TYPE]... [--search TEXT] [options]

analyze finds the named entities, dates and amounts in .txt and .md files; export writes
them for other tools. Folders are walked recursively in name order, skipping hidden
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
both:
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
or an invalid corrections file (reported as FILE:LINE:COLUMN: message).
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
  | (Common & { command: 'export'; what: ExportWhat; format: ExportFormat; types: EntityType[]; search: string | undefined });

export class UsageError extends Error {}

/** The options, or 'help'; throws UsageError (or parseArgs' own errors, see isParseArgsError). */
export function parseOptions(argv: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      what: { type: 'string' },
      type: { type: 'string', multiple: true, default: [] },
      search: { type: 'string' },
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
  if (command !== 'analyze' && command !== 'export') throw new UsageError(`unknown command '${command}'`);
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

  if (command === 'analyze') {
    for (const option of ['what', 'search'] as const) if (values[option] !== undefined) throw new UsageError(`--${option} is for export`);
    if (values.type.length > 0) throw new UsageError('--type is for export');
    const format = values.format ?? 'table';
    if (!isFormat(format)) throw new UsageError(`unknown format '${format}'`);
    return { ...common, command, format };
  }
  const what = values.what;
  if (what === undefined) throw new UsageError(`export needs --what ${EXPORT_WHATS.join('|')}`);
  if (!isExportWhat(what)) throw new UsageError(`unknown --what '${what}' (${EXPORT_WHATS.join(', ')})`);
  const format = values.format ?? EXPORTS[what][0];
  if (!isExportFormat(what, format)) throw new UsageError(`${what} cannot be exported as '${format}' (only ${EXPORTS[what].join(', ')})`);
  for (const type of values.type) if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new UsageError(`unknown type '${type}'`);
  return { ...common, command, what, format, types: values.type as EntityType[], search: values.search };
}

export function isParseArgsError(error: unknown): boolean {
  return String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS');
}

function isFormat(format: string): format is Format {
  return (FORMATS as readonly string[]).includes(format);
}
