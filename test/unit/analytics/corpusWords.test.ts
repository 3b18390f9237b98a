import * as assert from 'assert';
import { CorpusWords, corpusWordsSteps } from '../../../src/core/analytics/corpusWords';
import { runSliced, runSteps } from '../../../src/core/analytics/steps';
import { words } from '../../../src/core/analytics/words';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { handMade, handMadeIndex } from './corpus';

/** Every word of the index counted afresh, the date header's left out (as b.txt's is `date 2023-01-05`). */
function recount(index: CorpusIndex): { counts: Map<string, number>; size: number } {
  const counts = new Map<string, number>();
  let size = 0;
  for (const docId of index.documentIds()) {
    for (const { form } of words(index.text(docId)!.replace(/^date \d{4}-\d{2}-\d{2}/, ''))) {
      counts.set(form, (counts.get(form) ?? 0) + 1);
      size++;
    }
  }
  return { counts, size };
}

function plain({ counts, size }: CorpusWords): { counts: Map<string, number>; size: number } {
  return { counts: new Map([...counts].sort()), size };
}

describe('analytics: corpus word counts', () => {
  const TEXTS = { 'a.txt': 'The cat saw Alice.', 'b.txt': 'date 2023-01-05\nThe dog saw the cat.' };
  const set = (index: CorpusIndex, id: string, text: string) => index.setDocument(id, text, handMade(text, ['Alice']));

  it('stay equal to a recount as documents come, change, are renamed and go', () => {
    const index = handMadeIndex(TEXTS, ['Alice']);
    const check = (what: string) => assert.deepStrictEqual(plain(runSteps(corpusWordsSteps(index))), plain(recount(index)), what);
    check('first count');
    set(index, 'c.txt', 'A bird, a cat.');
    check('a document added');
    set(index, 'a.txt', 'Alice has no cat now.');
    check('a document replaced');
    index.renameDocument('b.txt', 'd.txt');
    check('a document renamed');
    index.removeDocument('c.txt');
    check('a document removed');
    assert.strictEqual(runSteps(corpusWordsSteps(index)).counts.get('bird'), undefined, 'a word no longer there is gone');
    assert.strictEqual(runSteps(corpusWordsSteps(index)).counts.get('date'), undefined, 'the date header is no word of the text');
  });

  it('count only the documents that changed', () => {
    const index = handMadeIndex(TEXTS, ['Alice']);
    runSteps(corpusWordsSteps(index));
    set(index, 'c.txt', 'A bird.');
    let steps = 0;
    const update = corpusWordsSteps(index);
    while (!update.next().done) steps++;
    assert.strictEqual(steps, 1);
  });

  it('resume an update stopped midway, and two updates at once share the work', async () => {
    const index = handMadeIndex(TEXTS, ['Alice']);
    set(index, 'c.txt', 'A bird, a cat.');
    let slices = 0;
    assert.strictEqual(await runSliced(corpusWordsSteps(index), 0, () => ++slices > 1), undefined);
    const [a, b] = await Promise.all([runSliced(corpusWordsSteps(index), 0), runSliced(corpusWordsSteps(index), 0)]);
    assert.deepStrictEqual(plain(a!), plain(recount(index)));
    assert.strictEqual(a, b);
  });
});
