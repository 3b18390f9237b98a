// corpus-lens: analyse files or folders from the command line.

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import picomatch from 'picomatch';
import { analyzeDocument } from './core/analyzer';
import { CorpusIndex } from './core/corpusIndex';
import { csvRow } from './core/csv';
import { decodeText } from './core/decodeText';
import { ENTITY_TYPES } from './core/types';

const USAGE = `Usage: corpus-lens analyze <file|folder>... [--format table|json|jsonl|csv] [--include GLOB]

Finds the named entities, dates and amounts in .txt and .md files. Folders are walked
recursively in name order, skipping hidden entries and symbolic link loops; files named
on the command line are analysed whatever their extension.

Options:
  --format FORMAT  table (default): counts and top entities per type
                   json: {version, documents, entities}; jsonl: one document per line
                   csv: one row per mention (path,start,end,text,type,entity,value)
  --include GLOB   analyse only folder files whose path relative to the folder matches
                   GLOB (a GLOB without "/" matches the file name); may be repeated
  -h, --help       show this help

Exit status: 0 if at least one file was analysed, 1 if none could be, 2 on a usage error.
Unreadable, binary or undecodable files are reported on stderr and skipped.
`;

const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const TOP_ENTITIES_PER_TYPE = 5;

class UsageError extends Error {}

export function main(argv: string[]): number {
  let options: { format: Format; include: string[]; paths: string[] } | 'help';
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
  const index = new CorpusIndex();
  // One batch: cross-document names are re-resolved once, not after every file.
  index.batch(() => {
    for (const file of collectFiles(options.paths, include, report)) {
      const text = readText(file, report);
      if (text === null) continue;
      try {
        index.setDocument(file, text, analyzeDocument(text, {}));
      } catch (error) {
        report(`${file}: analysis failed: ${(error as Error).message}`);
      }
    }
  });
  if (index.documentIds().length === 0) {
    report('no file could be analysed');
    return 1;
  }
  process.stdout.write(FORMATTERS[options.format](index));
  return 0;
}

function parseOptions(argv: string[]): { format: Format; include: string[]; paths: string[] } | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      include: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'analyze') throw new UsageError(`unknown command '${command}'`);
  if (paths.length === 0) throw new UsageError('no file or folder given');
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}'`);
  return { format, include: values.include, paths };
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
        entities: index.entities().map(e => ({
          id: e.id,
          type: e.type,
          name: e.name,
          aliases: e.aliases,
          mentions: e.mentionCount,
          documents: e.documentCount,
        })),
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
