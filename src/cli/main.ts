// corpus-lens: analyse files or folders from the command line, or export what they hold.

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import picomatch from 'picomatch';
import { analyzeDocument } from '../core/recognition/analyzer';
import { CorpusIndex } from '../core/index/corpusIndex';
import { CompiledCorrections, CORRECTIONS_FILE, applyCorrections, compileCorrections, parseCorrections } from '../core/corrections/corrections';
import { csvRow } from '../core/text/csv';
import { decodeText } from '../core/text/decodeText';
import { EXPORTS, ExportFormat, ExportWhat, entityJson, exportCorpus, isExportFormat } from '../core/export/export';
import { ENTITY_TYPES, EntityType } from '../core/types';

const USAGE = `Usage: corpus-lens analyze <file|folder>... [--format table|json|jsonl|csv] [options]
       corpus-lens export <file|folder>... --what entities|mentions|spans [--format FORMAT]
                          [--type TYPE]... [--search TEXT] [options]

analyze finds the named entities, dates and amounts in .txt and .md files; export writes
them for other tools. Folders are walked recursively in name order, skipping hidden
entries and symbolic link loops; files named on the command line are analysed whatever
their extension.

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
                     in its folder or a folder above, if any
  --no-corrections   apply no corrections
  --include GLOB     analyse only folder files whose path relative to the folder matches
                     GLOB (a GLOB without "/" matches the file name); may be repeated
  --out FILE         write to FILE instead of standard output
  -h, --help         show this help

Exit status: 0 if at least one file was analysed, 1 if none could be, 2 on a usage error
or an invalid corrections file (reported as FILE:LINE:COLUMN: message).
Unreadable, binary or undecodable files are reported on stderr and skipped.
`;

const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const TOP_ENTITIES_PER_TYPE = 5;

interface Options {
  command: 'analyze' | 'export';
  format: string;
  what: ExportWhat | null;
  types: EntityType[];
  search: string | undefined;
  include: string[];
  /** A corrections file, null for none, undefined to look for one beside each document. */
  corrections: string | null | undefined;
  out: string | undefined;
  paths: string[];
}

class UsageError extends Error {}

/** A corrections file that cannot be used: reported as `file:line:column: message`, exit 2. */
class CorrectionsError extends Error {}

export function main(argv: string[]): number {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error;
    process.stderr.write(`corpus-lens: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }

  const report = (message: string) => process.stderr.write(`corpus-lens: ${message}\n`);
  const include = options.include.length > 0 ? includeMatcher(options.include) : null;
  const corrections = new CorrectionsFinder(options.corrections, report);
  const index = new CorpusIndex();
  try {
    if (options.corrections) corrections.load(options.corrections); // checked before any analysis
    // One batch: cross-document names are re-resolved once, not after every file.
    index.batch(() => {
      for (const file of collectFiles(options.paths, include, report)) {
        const text = readText(file, report);
        if (text === null) continue;
        const compiled = corrections.forDocument(file);
        try {
          const analysis = analyzeDocument(text, {});
          index.setDocument(file, text, compiled ? applyCorrections(text, analysis, compiled) : analysis);
        } catch (error) {
          report(`${file}: analysis failed: ${(error as Error).message}`);
        }
      }
    });
  } catch (error) {
    if (!(error instanceof CorrectionsError)) throw error;
    report(error.message);
    return 2;
  }
  if (index.documentIds().length === 0) {
    report('no file could be analysed');
    return 1;
  }
  const output =
    options.command === 'export'
      ? exportCorpus(index, options.what!, options.format as ExportFormat, { filter: { types: options.types.length > 0 ? options.types : undefined, search: options.search } })
      : FORMATTERS[options.format as Format](index);
  if (options.out === undefined) {
    process.stdout.write(output);
    return 0;
  }
  try {
    fs.writeFileSync(options.out, output);
  } catch (error) {
    report(`${options.out}: cannot write: ${reason(error)}`);
    return 1;
  }
  return 0;
}

function parseOptions(argv: string[]): Options | 'help' {
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
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'analyze' && command !== 'export') throw new UsageError(`unknown command '${command}'`);
  if (paths.length === 0) throw new UsageError('no file or folder given');
  if (values.corrections !== undefined && values['no-corrections']) throw new UsageError('--corrections and --no-corrections exclude each other');
  if (values.corrections === '') throw new UsageError('--corrections needs a file');
  const corrections = values['no-corrections'] ? null : values.corrections;
  const common = { include: values.include, corrections, out: values.out, paths };

  if (command === 'analyze') {
    for (const option of ['what', 'search'] as const) if (values[option] !== undefined) throw new UsageError(`--${option} is for export`);
    if (values.type.length > 0) throw new UsageError('--type is for export');
    const format = values.format ?? 'table';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}'`);
    return { command, format, what: null, types: [], search: undefined, ...common };
  }
  const what = values.what;
  if (what === undefined) throw new UsageError('export needs --what entities|mentions|spans');
  if (!Object.keys(EXPORTS).includes(what)) throw new UsageError(`unknown --what '${what}' (entities, mentions or spans)`);
  const format = values.format ?? EXPORTS[what as ExportWhat][0];
  if (!isExportFormat(what as ExportWhat, format)) throw new UsageError(`${what} cannot be exported as '${format}' (only ${EXPORTS[what as ExportWhat].join(', ')})`);
  for (const type of values.type) if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new UsageError(`unknown type '${type}'`);
  return { command, format, what: what as ExportWhat, types: values.type as EntityType[], search: values.search, ...common };
}

/**
 * The corrections for each document: the --corrections file, or the nearest
 * .corpus-lens/corrections.json in the document's folder or a folder above (as git finds
 * .gitignore files), so a corpus carries its corrections wherever it is analysed from.
 */
class CorrectionsFinder {
  private readonly loaded = new Map<string, CompiledCorrections>();
  private readonly nearest = new Map<string, string | null>();

  constructor(
    private readonly given: string | null | undefined,
    private readonly report: (m: string) => void,
  ) {}

  forDocument(file: string): CompiledCorrections | null {
    if (this.given === null) return null;
    if (this.given !== undefined) return this.load(this.given);
    const found = this.find(path.dirname(path.resolve(file)));
    return found === null ? null : this.load(found);
  }

  /** The compiled corrections of `file`; throws CorrectionsError when it cannot be read or is invalid. */
  load(file: string): CompiledCorrections {
    const known = this.loaded.get(file);
    if (known) return known;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new CorrectionsError(`${file}: cannot read corrections: ${reason(error)}`);
    }
    const parsed = parseCorrections(text);
    if ('error' in parsed) throw new CorrectionsError(`${file}:${parsed.line}:${parsed.column}: invalid corrections: ${parsed.error}`);
    const compiled = compileCorrections(parsed.corrections);
    this.loaded.set(file, compiled);
    const n = parsed.corrections.corrections.length;
    this.report(`applying ${n} correction${n === 1 ? '' : 's'} from ${file}`);
    return compiled;
  }

  private find(dir: string): string | null {
    const known = this.nearest.get(dir);
    if (known !== undefined) return known;
    const candidate = path.join(dir, CORRECTIONS_FILE);
    const parent = path.dirname(dir);
    const found = isFile(candidate) ? candidate : parent === dir ? null : this.find(parent);
    this.nearest.set(dir, found);
    return found;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Any glob matches; one without "/" matches the file name (picomatch's `basename` would apply to all). */
function includeMatcher(globs: string[]): (relative: string) => boolean {
  const matchers = globs.map(glob => picomatch(glob, { basename: !glob.includes('/') }));
  return relative => matchers.some(matches => matches(relative));
}

function isParseArgsError(error: unknown): boolean {
  return String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS');
}

// ---- files

/** The files to analyse, deduplicated, in command-line order then name order within folders. */
function collectFiles(args: string[], include: ((relative: string) => boolean) | null, report: (m: string) => void): string[] {
  const files = new Set<string>();
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      report(`${arg}: cannot read: ${reason(error)}`);
      continue;
    }
    if (stat.isDirectory()) walk(arg, '', new Set([fs.realpathSync(arg)]), include, files, report);
    else files.add(arg);
  }
  return [...files];
}

/** Walks `root/relative`; `ancestors` are the real paths of the folders above, to skip link loops. */
function walk(
  root: string,
  relative: string,
  ancestors: Set<string>,
  include: ((relative: string) => boolean) | null,
  files: Set<string>,
  report: (m: string) => void,
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch (error) {
    report(`${path.join(root, relative)}: cannot read: ${reason(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
    const full = path.join(root, childRelative);
    let stat: fs.Stats | fs.Dirent = entry;
    if (entry.isSymbolicLink()) {
      try {
        stat = fs.statSync(full);
      } catch (error) {
        report(`${full}: cannot read: ${reason(error)}`);
        continue;
      }
    }
    if (stat.isDirectory()) {
      const real = fs.realpathSync(full);
      if (ancestors.has(real)) {
        report(`${full}: skipped: symbolic link loop`);
        continue;
      }
      ancestors.add(real);
      walk(root, childRelative, ancestors, include, files, report);
      ancestors.delete(real);
    } else if (stat.isFile() && /\.(txt|md)$/i.test(entry.name) && (!include || include(childRelative))) {
      files.add(full);
    }
  }
}

/** The decoded text of a file, or null after reporting why it cannot be analysed. */
function readText(file: string, report: (m: string) => void): string | null {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    report(`${file}: cannot read: ${reason(error)}`);
    return null;
  }
  const decoded = decodeText(bytes);
  if ('skipped' in decoded) {
    report(`${file}: skipped: ${decoded.skipped}`);
    return null;
  }
  for (const warning of decoded.warnings) report(`${file}: warning: ${warning}`);
  return decoded.text;
}

function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ?? message;
}

// ---- output

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

const FORMATTERS: Record<Format, (index: CorpusIndex) => string> = {
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

function formatTable(index: CorpusIndex): string {
  const stats = index.stats();
  const lines = [
    `${count(stats.documents, 'document')}, ${count(stats.tokens, 'token')}, ` +
      `${count(stats.mentions, 'mention')} of ${count(stats.entities, 'entity', 'entities')}`,
  ];
  for (const type of ENTITY_TYPES) {
    if (stats.byType[type] === 0) continue;
    lines.push('', `${type}: ${count(stats.byType[type], 'entity', 'entities')}, ${count(stats.mentionsByType[type], 'mention')}`);
    for (const entity of index.entities({ types: [type], limit: TOP_ENTITIES_PER_TYPE })) {
      const aliases = entity.aliases.length > 0 ? ` (also ${entity.aliases.slice(0, 3).join(', ')})` : '';
      const counts = `${entity.mentionCount} in ${count(entity.documentCount, 'doc')}`;
      lines.push(`  ${counts.padEnd(16)} ${entity.name}${aliases}`);
    }
  }
  return lines.join('\n') + '\n';
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
