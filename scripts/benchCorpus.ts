// Deterministic news-sized documents for the benchmarks: the sample article and slices of the
// WikiGold text (a development file beside the project: ../shared/ner-dev/wikigold.conll, or the
// path given). Without it, rotations of the sample's sentences.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

export const DEFAULT_CONLL = join(__dirname, '..', '..', 'shared', 'ner-dev', 'wikigold.conll');

export function benchTexts(conll = DEFAULT_CONLL): string[] {
  const sample = readFileSync(join(__dirname, '..', 'seeds', '000_a4262604377c852d.txt'), 'utf8');
  const texts = [sample];
  if (existsSync(conll)) {
    const words = readFileSync(conll, 'utf8')
      .split('\n')
      .filter(l => !l.startsWith('-DOCSTART-'))
      .map(l => l.split(' ')[0])
      .join(' ');
    for (let i = 0; i < words.length; i += 4000) texts.push(words.slice(i, i + 4000));
  } else {
    const sentences = sample.split(/(?<=\.)\s+/);
    for (let k = 1; k < sentences.length; k++) texts.push([...sentences.slice(k), ...sentences.slice(0, k)].join(' '));
  }
  return texts;
}

/** `count` distinct documents cycling through the texts (a numbered first line keeps hashes apart). */
export function benchCorpus(count: number, conll?: string): string[] {
  const texts = benchTexts(conll);
  return Array.from({ length: count }, (_, i) => `Report ${i}.\n${texts[i % texts.length]}`);
}
