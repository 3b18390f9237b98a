// Corpora for the analytics tests: copies of a seed article under other dates, analysed for real,
// and tiny hand-made analyses where exact counts matter.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';
import { DocumentAnalysis, Mention } from '../../../src/core/types';

export const XI = 'PERSON:xi jinping';
export const PUTIN = 'PERSON:vladimir putin';

const SEED = path.resolve(__dirname, '..', '..', '..', 'seeds', '000_a4262604377c852d.txt');

/** The seed article (which opens with its own `date` line) dated `date` instead. */
export function seedDated(date: string): string {
  const text = fs.readFileSync(SEED, 'utf8');
  const dated = text.replace(/^\s*date \d{4}-\d{2}-\d{2}/, `date ${date}`);
  assert.notStrictEqual(dated, text, 'the seed starts with a date line');
  return dated;
}

/** The seed dated 2023-01-15, 2023-02-15 and 2023-03-15, plus an undated note, as files `names` would hold. */
export function seedTexts(): Record<string, string> {
  return {
    'jan.txt': seedDated('2023-01-15'),
    'feb.txt': seedDated('2023-02-15'),
    'mar.txt': seedDated('2023-03-15'),
    'undated.txt': 'Xi Jinping spoke to reporters in Beijing.\n',
  };
}

export function analysedIndex(texts: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex();
  for (const [id, text] of Object.entries(texts)) index.setDocument(id, text, analyzeDocument(text));
  return index;
}

/**
 * A hand-made analysis: sentences split after ". ", and every occurrence of each name a PERSON
 * mention of `PERSON:<name lower-cased>`.
 */
export function handMade(text: string, names: string[], date: string | null = null): DocumentAnalysis {
  const mentions: Mention[] = names.flatMap(name =>
    [...text.matchAll(new RegExp(name, 'g'))].map(match => ({
      start: match.index!,
      end: match.index! + name.length,
      text: name,
      type: 'PERSON' as const,
      entityKey: `PERSON:${name.toLowerCase()}`,
      name,
      value: null,
    })),
  );
  const sentences = [...text.matchAll(/[^.]+\.\s*/g)].map(match => ({
    start: match.index!,
    end: match.index! + match[0].trimEnd().length,
  }));
  return { analyzer: 'test', date, tokens: 0, sentences, mentions: mentions.sort((a, b) => a.start - b.start) };
}

export function handMadeIndex(texts: Record<string, string>, names: string[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const [id, text] of Object.entries(texts)) index.setDocument(id, text, handMade(text, names));
  return index;
}
