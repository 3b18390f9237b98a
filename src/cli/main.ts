// corpus-lens: analyse files or folders from the command line, or export what they hold.
import * as fs from 'fs';
import picomatch from 'picomatch';
import { exportCorpus } from '../core/export/export';
import { reason } from '../core/node/boundedRead';
import { corpusFiles } from '../core/node/corpusWalk';
import { CorrectionsError, CorrectionsFinder } from './correctionsFinder';
import { indexFiles } from './indexFiles';
import { Options, USAGE, UsageError, isParseArgsError, parseOptions } from './options';
import { FORMATTERS } from './output';
import type { CorpusIndex } from '../core/index/corpusIndex';
import { analyticsOutput, unknownEntities } from './analyticsOutput';

async function main(argv: string[]): Promise<number> {
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
  const include = options.include.length > 0 ? includeMatcher(options.include) : () => true;
  const finder = new CorrectionsFinder(options.corrections, report);
  let corrections;
  let files;
  try {
    if (options.corrections) finder.load(options.corrections); // checked before the corpus is walked
    files = corpusFiles(options.paths, { include, followSymlinks: options.followSymlinks, report });
    corrections = files.map(file => finder.forDocument(file)); // all checked before any analysis
  } catch (error) {
    if (!(error instanceof CorrectionsError)) throw error;
    report(error.message);
    return 2;
  }
  const { recognizer, maxFileSizeMB } = options;
  const index = await indexFiles(files, corrections, { analyze: { recognizer }, maxFileSizeMB, report });
  if (index.documentIds().length === 0) {
    report('no file could be analysed');
    return 1;
  }
  // Entity ids can only be checked against the analysed corpus.
  const unknown = options.command === 'analyze' || options.command === 'export' ? [] : unknownEntities(index, options);
  if (unknown.length > 0) {
    report(`unknown entity ${unknown.map(id => `'${id}'`).join(', ')} (ids are TYPE:name, as export --what entities lists them)`);
    return 2;
  }
  const output = render(index, options);
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

function render(index: CorpusIndex, options: Options): string {
  if (options.command === 'analyze') return FORMATTERS[options.format](index);
  if (options.command !== 'export') return analyticsOutput(index, options);
  const filter = { types: options.types.length > 0 ? options.types : undefined, search: options.search, range: options.range };
  return exportCorpus(index, options.what, options.format, { filter });
}

/** Any glob matches; one without "/" matches the file name (picomatch's `basename` would apply to all). */
function includeMatcher(globs: string[]): (relative: string) => boolean {
  const matchers = globs.map(glob => picomatch(glob, { basename: !glob.includes('/') }));
  return relative => matchers.some(matches => matches(relative));
}

void main(process.argv.slice(2)).then(code => (process.exitCode = code));
