import * as assert from 'assert';
import { compareEdges, cooccurrenceNetwork } from '../../../src/core/analytics/cooccurrence';
import { runSteps } from '../../../src/core/analytics/steps';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';
import { NetworkAnswers, sharedSentencesAnswer } from '../../../src/extension/views/explorerNetwork';
import { MAX_SENTENCE_TEXT } from '../../../src/shared/panelMessages';
import { PUTIN, XI, analysedIndex, handMadeIndex, seedTexts } from '../analytics/corpus';

describe("Entity Explorer's network answers", () => {
  it('keeps the edges between the requested nodes, strongest first, from a network computed once per index change', () => {
    const texts = seedTexts();
    const index = analysedIndex(texts);
    const answers = new NetworkAnswers(index);
    const edges = runSteps(answers.corpusEdges());
    assert.strictEqual(runSteps(answers.corpusEdges()), edges, 'the same network while the index does not change');
    const whole = cooccurrenceNetwork(index);
    assert.deepStrictEqual([...edges].sort(compareEdges), whole.edges);

    const [top] = index.entities({ limit: 8 });
    const ids = index.entities({ limit: 8 }).map(e => e.id);
    const answer = runSteps(answers.networkAnswer({ type: 'network', requestId: 4, entityIds: [...ids, 'PERSON:nobody'] }));
    assert.strictEqual(answer.requestId, 4);
    assert.strictEqual(answer.measure, 'log-likelihood');
    assert.ok(answer.edges.length > 0, `edges between ${ids.join(', ')}`);
    assert.deepStrictEqual(
      answer.edges,
      whole.edges.filter(e => ids.includes(e.a) && ids.includes(e.b)),
    );
    assert.strictEqual(answer.total, answer.edges.length);
    assert.ok(answer.edges.some(e => e.a === top.id || e.b === top.id));
    assert.deepStrictEqual(runSteps(answers.networkAnswer({ type: 'network', requestId: 5, entityIds: [top.id] })).edges, []);

    // A new document: the next answer comes from a new network.
    const extra = 'Vladimir Putin met Xi Jinping again in Moscow.\n';
    index.setDocument('apr.txt', extra, analyzeDocument(extra));
    const again = runSteps(answers.corpusEdges());
    assert.notStrictEqual(again, edges);
    const edge = (list: typeof edges) => list.find(e => e.a === PUTIN && e.b === XI)!;
    assert.strictEqual(edge(again).sentences, edge(whole.edges).sentences + 1);
    answers.dispose();
    index.removeDocument('apr.txt');
    assert.strictEqual(runSteps(answers.corpusEdges()), again, 'disposed: no longer follows the index');
  });

  it('answers shared sentences by document, with text from `from` in which each mention slices back', () => {
    const texts = seedTexts();
    const index = analysedIndex(texts);
    const answer = runSteps(sharedSentencesAnswer(index, { type: 'sharedSentences', requestId: 9, a: XI, b: PUTIN }, id => `./${id}`));
    const edge = cooccurrenceNetwork(index).edges.find(e => e.a === PUTIN && e.b === XI)!;
    assert.strictEqual(answer.total, edge.sentences);
    assert.deepStrictEqual(
      answer.groups.map(g => g.label),
      ['./feb.txt', './jan.txt', './mar.txt'],
    );
    for (const group of answer.groups) {
      for (const s of group.sentences) {
        assert.strictEqual(s.text, texts[group.docId].slice(s.from, s.end));
        assert.ok(s.mentions.length >= 2);
        const names = s.mentions.map(m => s.text.slice(m.start - s.from, m.end - s.from));
        assert.ok(names.some(n => /Putin/.test(n)) && names.some(n => /Xi|Jinping/.test(n)), names.join(' | '));
        const lines = texts[group.docId].slice(0, s.mentions[0].start).split('\n');
        assert.deepStrictEqual([s.line, s.character], [lines.length - 1, lines[lines.length - 1].length]);
      }
    }
  });

  it('cuts a long sentence to MAX_SENTENCE_TEXT from a little before its first mention', () => {
    const text = `${'word '.repeat(200)}Alice met Bob ${'and so on '.repeat(100)}.`;
    const index = handMadeIndex({ 'a.txt': text }, ['Alice', 'Bob']);
    const [line] = runSteps(
      sharedSentencesAnswer(index, { type: 'sharedSentences', requestId: 1, a: 'PERSON:alice', b: 'PERSON:bob' }, String),
    ).groups[0].sentences;
    assert.strictEqual(line.from, text.indexOf('Alice') - 100);
    assert.strictEqual(line.text.length, MAX_SENTENCE_TEXT);
    assert.strictEqual(line.text, text.slice(line.from, line.from + MAX_SENTENCE_TEXT));
    assert.deepStrictEqual([line.start, line.end], [0, text.length]);
  });
});
