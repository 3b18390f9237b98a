import * as assert from 'assert';
import { CorpusChange, CorpusIndex } from '../../../src/core/index/corpusIndex';
import { DocumentAnalysis, EntityType, Mention } from '../../../src/core/types';

/** [surface, type, entityKey, name, occurrence (default 0)] */
type Spec = [string, EntityType, string, string, number?];

/**
 * A hand-made analysis: mention offsets found in the text, sentences split after ". ",
 * mentions sorted by start as the analyzer promises.
 */
function analysis(text: string, specs: Spec[], date: string | null = null): DocumentAnalysis {
  const mentions: Mention[] = specs.map(([surface, type, entityKey, name, occurrence = 0]) => {
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = text.indexOf(surface, start + 1);
    assert.ok(start >= 0, `"${surface}" #${occurrence} not in test text`);
    return { start, end: start + surface.length, text: surface, type, entityKey, name, value: null };
  });
  const sentences = [];
  for (let start = 0; start < text.length;) {
    const stop = text.indexOf('. ', start);
    const end = stop < 0 ? text.length : stop + 1;
    sentences.push({ start, end });
    start = stop < 0 ? text.length : stop + 2;
  }
  return {
    analyzer: 'test',
    date,
    tokens: text.split(/\s+/).filter(Boolean).length,
    sentences,
    mentions: mentions.sort((a, b) => a.start - b.start),
  };
}

/** The same mention spec, at the n-th occurrence of its surface text. */
function nth([surface, type, key, name]: Spec, occurrence: number): Spec {
  return [surface, type, key, name, occurrence];
}

const XI: Spec = ['Xi Jinping', 'PERSON', 'PERSON:xi jinping', 'Xi Jinping'];
const PUTIN: Spec = ['Vladimir Putin', 'PERSON', 'PERSON:vladimir putin', 'Vladimir Putin'];

function addDoc(index: CorpusIndex, id: string, text: string, specs: Spec[], date: string | null = null): void {
  index.setDocument(id, text, analysis(text, specs, date));
}

/** Line and character of an offset, computed independently by splitting the prefix. */
function position(text: string, offset: number): { line: number; character: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('CorpusIndex', () => {
  describe('documents', () => {
    it('adds, updates, removes and renames documents, keeping counts exact', () => {
      const index = new CorpusIndex();
      addDoc(index, 'a.txt', 'Xi Jinping met Vladimir Putin.', [XI, PUTIN], '2023-01-31');
      addDoc(index, 'b.txt', 'Vladimir Putin spoke.', [PUTIN]);
      assert.deepStrictEqual(index.documentIds(), ['a.txt', 'b.txt']);
      assert.deepStrictEqual(index.document('a.txt'), { id: 'a.txt', date: '2023-01-31', tokens: 5, mentionCount: 2 });
      assert.strictEqual(index.entity('PERSON:vladimir putin')?.mentionCount, 2);
      assert.strictEqual(index.entity('PERSON:vladimir putin')?.documentCount, 2);

      addDoc(index, 'a.txt', 'Xi Jinping spoke. Xi Jinping left.', [XI, nth(XI, 1)]);
      assert.strictEqual(index.entity('PERSON:xi jinping')?.mentionCount, 2);
      assert.strictEqual(index.entity('PERSON:vladimir putin')?.documentCount, 1);
      assert.strictEqual(index.stats().mentions, 3);

      index.renameDocument('b.txt', 'c.txt');
      assert.ok(!index.hasDocument('b.txt') && index.hasDocument('c.txt'));
      assert.deepStrictEqual(
        index.mentionsOf('PERSON:vladimir putin').map(m => m.docId),
        ['c.txt'],
      );

      index.removeDocument('c.txt');
      assert.strictEqual(index.entity('PERSON:vladimir putin'), undefined);
      assert.deepStrictEqual(index.documentIds(), ['a.txt']);
      assert.deepStrictEqual(index.stats().byType.PERSON, 1);
      index.removeDocument('missing.txt');
      index.renameDocument('missing.txt', 'x.txt');
      assert.deepStrictEqual(index.documentIds(), ['a.txt']);
    });

    it('renaming onto an existing document replaces it', () => {
      const index = new CorpusIndex();
      addDoc(index, 'a.txt', 'Xi Jinping.', [XI]);
      addDoc(index, 'b.txt', 'Vladimir Putin.', [PUTIN]);
      index.renameDocument('a.txt', 'b.txt');
      assert.deepStrictEqual(index.documentIds(), ['b.txt']);
      assert.strictEqual(index.entity('PERSON:vladimir putin'), undefined);
      assert.strictEqual(index.mentionsIn('b.txt')[0].entityId, 'PERSON:xi jinping');
      assert.strictEqual(index.stats().mentions, 1);
    });

    it('keeps entity ids stable when a document is re-analysed', () => {
      const index = new CorpusIndex();
      addDoc(index, 'a.txt', 'Xi Jinping met Vladimir Putin.', [XI, PUTIN]);
      const before = index
        .entities()
        .map(e => e.id)
        .sort();
      addDoc(index, 'a.txt', 'Yesterday, Xi Jinping met Vladimir Putin again.', [XI, PUTIN]);
      assert.deepStrictEqual(
        index
          .entities()
          .map(e => e.id)
          .sort(),
        before,
      );
      assert.strictEqual(index.mentionsIn('a.txt')[0].start, 'Yesterday, '.length);
    });

    it('answers like an index built afresh after any sequence of changes, queries in between', () => {
      const JINPING: Spec = ['Jinping', 'PERSON', 'PERSON:jinping', 'Jinping'];
      const BOB: Spec = ['Bob Jinping', 'PERSON', 'PERSON:bob jinping', 'Bob Jinping'];
      const texts: [string, Spec[]][] = [
        ['Xi Jinping met Vladimir Putin.', [XI, PUTIN]],
        ['Jinping spoke.', [JINPING]],
        ['Bob Jinping spoke. Vladimir Putin left.', [BOB, PUTIN]],
        ['Vladimir Putin spoke. Jinping left.', [PUTIN, JINPING]],
      ];
      const current = new Map<string, number>();
      const index = new CorpusIndex();
      let seed = 7;
      const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
      for (let step = 0; step < 300; step++) {
        const id = `${random(5)}.txt`;
        const op = random(4);
        if (op === 0) {
          index.removeDocument(id);
          current.delete(id);
        } else if (op === 1 && current.has(id)) {
          const to = `${random(5)}.txt`;
          index.renameDocument(id, to);
          const which = current.get(id)!;
          current.delete(id);
          current.set(to, which);
        } else {
          const which = random(texts.length);
          addDoc(index, id, ...texts[which]);
          current.set(id, which);
        }
        const fresh = new CorpusIndex();
        for (const [docId, which] of current) addDoc(fresh, docId, ...texts[which]);
        assert.deepStrictEqual(index.entities(), fresh.entities(), `step ${step}`);
        for (const { id: entityId } of fresh.entities()) {
          assert.deepStrictEqual(index.mentionsOf(entityId), fresh.mentionsOf(entityId), `step ${step}: ${entityId}`);
          assert.deepStrictEqual(index.cooccurrences(entityId, 9), fresh.cooccurrences(entityId, 9), `step ${step}: ${entityId}`);
        }
      }
    });

    it('rebuilds identically from analyses that went through JSON', () => {
      const docs: [string, string, Spec[]][] = [
        ['a.txt', 'Xi Jinping met Vladimir Putin.', [XI, PUTIN]],
        ['b.txt', 'Jinping spoke.', [['Jinping', 'PERSON', 'PERSON:jinping', 'Jinping']]],
      ];
      const original = new CorpusIndex();
      const rebuilt = new CorpusIndex();
      for (const [id, text, specs] of docs) {
        const result = analysis(text, specs);
        original.setDocument(id, text, result);
        rebuilt.batch(() => rebuilt.setDocument(id, text, JSON.parse(JSON.stringify(result))));
      }
      assert.deepStrictEqual(rebuilt.entities(), original.entities());
      assert.deepStrictEqual(rebuilt.mentionsOf('PERSON:xi jinping'), original.mentionsOf('PERSON:xi jinping'));
      assert.deepStrictEqual(rebuilt.stats(), original.stats());
    });
  });

  describe('mentions', () => {
    const text = 'Xi Jinping arrived.\r\nThen Vladimir Putin\rspoke with\n  Xi Jinping.';
    const specs: Spec[] = [XI, PUTIN, nth(XI, 1)];

    it('sorts mentionsOf by document then start, with VS Code line/character', () => {
      const index = new CorpusIndex();
      addDoc(index, 'z.txt', text, specs);
      addDoc(index, 'm.txt', text, specs);
      const mentions = index.mentionsOf('PERSON:xi jinping');
      assert.deepStrictEqual(
        mentions.map(m => [m.docId, m.start]),
        [
          ['m.txt', 0],
          ['m.txt', text.lastIndexOf('Xi')],
          ['z.txt', 0],
          ['z.txt', text.lastIndexOf('Xi')],
        ],
      );
      for (const m of [...mentions, ...index.mentionsIn('z.txt')]) {
        assert.deepStrictEqual({ line: m.line, character: m.character }, position(text, m.start));
        assert.strictEqual(m.text, text.slice(m.start, m.end));
      }
      assert.deepStrictEqual([mentions[1].line, mentions[1].character], [3, 2]);
      assert.strictEqual(index.mentionsIn('z.txt')[1].line, 1);
    });

    it('lists the mentions starting in a range, and counts mentions by type without listing them', () => {
      const index = new CorpusIndex();
      addDoc(index, 'z.txt', text, specs);
      const second = text.indexOf('Vladimir');
      assert.deepStrictEqual(
        index.mentionsIn('z.txt', { start: 1, end: text.length }).map(m => m.start),
        [second, text.lastIndexOf('Xi')],
      );
      assert.deepStrictEqual(
        index.mentionsIn('z.txt', { start: 0, end: second + 1 }).map(m => m.text),
        ['Xi Jinping', 'Vladimir Putin'],
      );
      assert.deepStrictEqual(index.mentionsIn('z.txt', { start: second + 1, end: second + 2 }), []);
      assert.strictEqual(index.countMentions('z.txt', new Set(['PERSON'])), 3);
      assert.strictEqual(index.countMentions('z.txt', new Set(['ORG'])), 0);
      assert.strictEqual(index.countMentions('missing', new Set(['PERSON'])), 0);
    });

    it('gives sentences and entity spans as mentionsIn has them, without lines', () => {
      const index = new CorpusIndex();
      addDoc(index, 'z.txt', text, specs);
      assert.deepStrictEqual(
        index.entitySpans('z.txt'),
        index.mentionsIn('z.txt').map(({ start, end, value, entityId }) => ({ start, end, value, entityId })),
      );
      const xi = index.mentionsOf('PERSON:xi jinping');
      assert.deepStrictEqual(index.documentsMentioning('PERSON:xi jinping'), ['z.txt']);
      assert.deepStrictEqual(
        index.spansIn('z.txt', 'PERSON:xi jinping'),
        xi.map(({ start, end, value }) => ({ start, end, value })),
      );
      assert.deepStrictEqual([index.documentsMentioning('PERSON:nobody'), index.spansIn('missing', 'PERSON:xi jinping')], [[], []]);
      assert.deepStrictEqual(index.sentences('z.txt'), analysis(text, specs).sentences);
      assert.deepStrictEqual([index.entitySpans('missing'), index.sentences('missing')], [[], []]);
    });

    it('finds the mention at an offset, its end included, the next one winning at a boundary', () => {
      const index = new CorpusIndex();
      const adjacent = 'Xi JinpingVladimir Putin';
      addDoc(index, 'a.txt', adjacent, [XI, PUTIN]);
      assert.strictEqual(index.mentionAt('a.txt', 0)?.entityId, 'PERSON:xi jinping');
      assert.strictEqual(index.mentionAt('a.txt', 9)?.entityId, 'PERSON:xi jinping');
      assert.strictEqual(index.mentionAt('a.txt', 10)?.entityId, 'PERSON:vladimir putin');
      assert.strictEqual(index.mentionAt('a.txt', adjacent.length)?.entityId, 'PERSON:vladimir putin');
      addDoc(index, 'b.txt', text, specs);
      assert.strictEqual(index.mentionAt('b.txt', 10)?.start, 0);
      assert.strictEqual(index.mentionAt('b.txt', 11), undefined);
      assert.strictEqual(index.mentionAt('missing', 0), undefined);
    });

    it('gives single-line context snippets', () => {
      const index = new CorpusIndex();
      addDoc(index, 'a.txt', text, specs);
      const putin = index.mentionsOf('PERSON:vladimir putin')[0];
      assert.deepStrictEqual(index.context('a.txt', putin.start, putin.end, 10), {
        left: 'ed. Then ', // "ed.\r\nThen ": the line break folded into one space
        text: 'Vladimir Putin',
        right: ' spoke wit',
      });
      assert.deepStrictEqual(index.context('a.txt', 0, 2, 100)?.left, '');
      addDoc(index, 'e.txt', 'ab😀 Xi Jinping😀', [XI]);
      assert.deepStrictEqual(index.context('e.txt', 5, 15, 1), { left: ' ', text: 'Xi Jinping', right: '' }); // pairs not split
      assert.deepStrictEqual(index.context('e.txt', 5, 15, 2), { left: ' ', text: 'Xi Jinping', right: '😀' });
      assert.deepStrictEqual(index.context('e.txt', 5, 15, 3), { left: '😀 ', text: 'Xi Jinping', right: '😀' });
      assert.strictEqual(index.context('missing', 0, 1, 5), undefined);
    });
  });

  describe('cross-document resolution', () => {
    const JINPING: Spec = ['Jinping', 'PERSON', 'PERSON:jinping', 'Jinping'];

    it('maps a lone surname to the only person with that surname, and back when ambiguous', () => {
      const index = new CorpusIndex();
      const events: CorpusChange[] = [];
      addDoc(index, 'a.txt', 'Xi Jinping met Vladimir Putin.', [XI, PUTIN]);
      addDoc(index, 'b.txt', 'Jinping’s visit.', [['Jinping’s', 'PERSON', 'PERSON:jinping', 'Jinping']]);
      assert.strictEqual(index.mentionsIn('b.txt')[0].entityId, 'PERSON:xi jinping');
      assert.deepStrictEqual(index.entity('PERSON:xi jinping')?.aliases, ['Jinping']);
      assert.strictEqual(index.entity('PERSON:xi jinping')?.name, 'Xi Jinping');
      assert.strictEqual(index.entity('PERSON:jinping'), undefined);

      index.onDidChange(e => events.push(e));
      addDoc(index, 'c.txt', 'Bob Jinping laughed.', [['Bob Jinping', 'PERSON', 'PERSON:bob jinping', 'Bob Jinping']]);
      assert.strictEqual(index.mentionsIn('b.txt')[0].entityId, 'PERSON:jinping');
      assert.deepStrictEqual(events, [{ documents: ['b.txt', 'c.txt'] }]);
      assert.deepStrictEqual(index.entity('PERSON:xi jinping')?.aliases, []);

      index.removeDocument('c.txt');
      assert.strictEqual(index.mentionsIn('b.txt')[0].entityId, 'PERSON:xi jinping');
      index.removeDocument('a.txt');
      assert.strictEqual(index.mentionsIn('b.txt')[0].entityId, 'PERSON:jinping');
      assert.strictEqual(index.entity('PERSON:jinping')?.name, 'Jinping');
    });

    it('re-resolves inside a batch lazily, yet answers every query consistently', () => {
      const index = new CorpusIndex();
      const BOB: Spec = ['Bob Jinping', 'PERSON', 'PERSON:bob jinping', 'Bob Jinping'];
      index.batch(() => {
        addDoc(index, 'a.txt', 'Xi Jinping spoke.', [XI]);
        addDoc(index, 'b.txt', 'Jinping spoke.', [JINPING]);
        assert.strictEqual(index.mentionsIn('b.txt')[0].entityId, 'PERSON:xi jinping');
        addDoc(index, 'c.txt', 'Bob Jinping spoke.', [BOB]);
        assert.strictEqual(index.entity('PERSON:jinping')?.mentionCount, 1);
        index.removeDocument('c.txt');
        addDoc(index, 'd.txt', 'Jinping again.', [JINPING]);
        addDoc(index, 'c.txt', 'Bob Jinping spoke.', [BOB]); // b.txt and d.txt now wait for re-resolution
        index.removeDocument('b.txt');
        index.renameDocument('d.txt', 'e.txt');
      });
      assert.deepStrictEqual(
        index.mentionsIn('e.txt').map(m => m.entityId),
        ['PERSON:jinping'],
      );
      assert.deepStrictEqual(index.stats().byType.PERSON, 3);
      index.removeDocument('c.txt');
      assert.deepStrictEqual(
        index.mentionsOf('PERSON:xi jinping').map(m => m.docId),
        ['a.txt', 'e.txt'],
      );
    });

    it('resolves a surname seen before its full name, and only within the type', () => {
      const index = new CorpusIndex();
      addDoc(index, 'b.txt', 'Jinping spoke.', [JINPING]);
      addDoc(index, 'p.txt', 'Jinping is a place.', [['Jinping', 'PLACE', 'PLACE:jinping', 'Jinping']]);
      addDoc(index, 'a.txt', 'Xi Jinping spoke.', [XI]);
      assert.strictEqual(index.mentionsIn('b.txt')[0].entityId, 'PERSON:xi jinping');
      assert.strictEqual(index.mentionsIn('p.txt')[0].entityId, 'PLACE:jinping');
      assert.strictEqual(index.entity('PERSON:xi jinping')?.mentionCount, 2);
    });

    it('maps an acronym to the only organisation with those initials', () => {
      const index = new CorpusIndex();
      addDoc(index, 'a.txt', 'The South China Morning Post reported.', [
        ['South China Morning Post', 'ORG', 'ORG:south china morning post', 'South China Morning Post'],
      ]);
      addDoc(index, 'b.txt', 'According to SCMP, it rained.', [['SCMP', 'ORG', 'ORG:scmp', 'SCMP']]);
      assert.strictEqual(index.mentionsIn('b.txt')[0].entityId, 'ORG:south china morning post');
      assert.deepStrictEqual(index.entity('ORG:south china morning post')?.aliases, ['SCMP']);
    });

    it('folds case, possessive and apostrophe variants of keys together', () => {
      const index = new CorpusIndex();
      addDoc(index, 'a.txt', 'Putin’s plan.', [['Putin’s', 'PERSON', 'PERSON:Putin’s', 'Putin']]);
      addDoc(index, 'b.txt', 'PUTIN said.', [['PUTIN', 'PERSON', 'PERSON:PUTIN', 'Putin']]);
      addDoc(index, 'c.txt', 'putin said.', [['putin', 'PERSON', 'PERSON:putin', 'Putin']]);
      assert.deepStrictEqual(
        index.entities().map(e => [e.id, e.mentionCount, e.documentCount]),
        [['PERSON:putin', 3, 3]],
      );
      assert.strictEqual(index.entity('PERSON:putin')?.name, 'Putin');
      assert.deepStrictEqual(index.entity('PERSON:putin')?.aliases, []); // case variants are not aliases
    });

    it('takes the most frequent analyzer name across documents', () => {
      const index = new CorpusIndex();
      addDoc(index, 'a.txt', 'Xi Jinping.', [['Xi Jinping', 'PERSON', 'PERSON:xi jinping', 'Xi Jinping']]);
      addDoc(index, 'b.txt', 'XI JINPING. XI JINPING.', [
        ['XI JINPING', 'PERSON', 'PERSON:xi jinping', 'XI JINPING'],
        ['XI JINPING', 'PERSON', 'PERSON:xi jinping', 'XI JINPING', 1],
      ]);
      assert.strictEqual(index.entity('PERSON:xi jinping')?.name, 'XI JINPING');
      index.removeDocument('b.txt');
      assert.strictEqual(index.entity('PERSON:xi jinping')?.name, 'Xi Jinping');
    });
  });

  describe('queries', () => {
    function corpus(): CorpusIndex {
      const index = new CorpusIndex();
      addDoc(index, 'a.txt', 'Xi Jinping met Vladimir Putin in Moscow. Vladimir Putin smiled. Beijing waited.', [
        XI,
        PUTIN,
        ['Moscow', 'PLACE', 'PLACE:moscow', 'Moscow'],
        nth(PUTIN, 1),
        ['Beijing', 'PLACE', 'PLACE:beijing', 'Beijing'],
      ]);
      addDoc(index, 'b.txt', 'Vladimir Putin and Xi Jinping met. Jinping left Moscow.', [
        PUTIN,
        XI,
        ['Jinping', 'PERSON', 'PERSON:xi jinping', 'Xi Jinping', 1],
        ['Moscow', 'PLACE', 'PLACE:moscow', 'Moscow'],
      ]);
      return index;
    }

    it('finds entities by prefix of the name, an alias or a word in them', () => {
      const index = corpus();
      const ids = (prefix: string) => index.entities({ prefix }).map(e => e.id);
      assert.deepStrictEqual(ids('putin'), ['PERSON:vladimir putin']);
      assert.deepStrictEqual(ids('VLAD'), ['PERSON:vladimir putin']);
      assert.deepStrictEqual(ids('jin'), ['PERSON:xi jinping']);
      assert.deepStrictEqual(ids('utin'), []);
      assert.deepStrictEqual(ids('j'), ['PERSON:xi jinping']);
      assert.deepStrictEqual(
        ids(''),
        index.entities().map(e => e.id),
      );
    });

    it('filters by type, sorts by count or name, and limits', () => {
      const index = corpus();
      assert.deepStrictEqual(
        index.entities().map(e => [e.id, e.mentionCount]),
        [
          ['PERSON:vladimir putin', 3],
          ['PERSON:xi jinping', 3],
          ['PLACE:moscow', 2],
          ['PLACE:beijing', 1],
        ],
      );
      assert.deepStrictEqual(
        index.entities({ sort: 'name' }).map(e => e.name),
        ['Beijing', 'Moscow', 'Vladimir Putin', 'Xi Jinping'],
      );
      assert.deepStrictEqual(
        index.entities({ types: ['PLACE'], limit: 1 }).map(e => e.id),
        ['PLACE:moscow'],
      );
      assert.deepStrictEqual(
        index.entitiesIn('b.txt').map(e => e.id),
        ['PERSON:vladimir putin', 'PERSON:xi jinping', 'PLACE:moscow'],
      );
      assert.deepStrictEqual(index.entitiesIn('missing'), []);
    });

    it('counts co-occurrences per sentence', () => {
      const index = corpus();
      const rows = (id: string) => index.cooccurrences(id, 10).map(c => [c.entity.id, c.count]);
      assert.deepStrictEqual(rows('PERSON:vladimir putin'), [
        ['PERSON:xi jinping', 2],
        ['PLACE:moscow', 1],
      ]);
      assert.deepStrictEqual(rows('PLACE:moscow'), [
        ['PERSON:xi jinping', 2],
        ['PERSON:vladimir putin', 1],
      ]);
      assert.deepStrictEqual(rows('PLACE:beijing'), []);
      assert.strictEqual(index.cooccurrences('PERSON:xi jinping', 1).length, 1);
      assert.deepStrictEqual(
        index.cooccurrences('PERSON:xi jinping', 10, ['PLACE']).map(c => c.entity.id),
        ['PLACE:moscow'],
      );
    });

    it('reports statistics', () => {
      const index = corpus();
      const stats = index.stats();
      assert.strictEqual(stats.documents, 2);
      assert.strictEqual(stats.mentions, 9);
      assert.strictEqual(stats.entities, 4);
      assert.strictEqual(stats.tokens, 12 + 9);
      assert.strictEqual(stats.byType.PERSON, 2);
      assert.strictEqual(stats.byType.PLACE, 2);
      assert.strictEqual(stats.mentionsByType.PERSON, 6);
      assert.strictEqual(stats.byType.DATE, 0);
    });
  });

  describe('change events', () => {
    it('fires once per update, once per batch (nested too), and stops after dispose', () => {
      const index = new CorpusIndex();
      const events: CorpusChange[] = [];
      const subscription = index.onDidChange(e => events.push(e));
      addDoc(index, 'b.txt', 'Xi Jinping.', [XI]);
      assert.deepStrictEqual(events, [{ documents: ['b.txt'] }]);

      const result = index.batch(() => {
        addDoc(index, 'c.txt', 'Xi Jinping.', [XI]);
        index.batch(() => index.renameDocument('b.txt', 'a.txt'));
        addDoc(index, 'c.txt', 'Vladimir Putin.', [PUTIN]);
        assert.strictEqual(events.length, 1);
        return 42;
      });
      assert.strictEqual(result, 42);
      assert.deepStrictEqual(events[1], { documents: ['a.txt', 'b.txt', 'c.txt'] });

      index.batch(() => undefined);
      assert.strictEqual(events.length, 2);
      subscription.dispose();
      index.removeDocument('a.txt');
      assert.strictEqual(events.length, 2);
    });

    it('still fires after a batch that throws, and a failing listener does not starve the others', () => {
      const index = new CorpusIndex();
      const events: CorpusChange[] = [];
      index.onDidChange(() => {
        throw new Error('view failed');
      });
      index.onDidChange(e => events.push(e));
      assert.throws(() => addDoc(index, 'a.txt', 'Xi Jinping.', [XI]), /view failed/);
      assert.strictEqual(events.length, 1);
      assert.throws(() =>
        index.batch(() => {
          index.removeDocument('a.txt');
          throw new Error('oops');
        }),
      );
      assert.deepStrictEqual(events[1], { documents: ['a.txt'] });
      assert.strictEqual(index.hasDocument('a.txt'), false);
    });
  });
});
