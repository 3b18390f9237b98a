import * as assert from 'assert';
import { EntityResolver, ResolvedKey, shortNames } from '../../../src/core/index/entityResolver';

describe('entity resolver', () => {
  it("knows the short names of a multi-word key: a PERSON's surname, another named type's acronym", () => {
    assert.deepStrictEqual(shortNames('PERSON:xi jinping'), ['jinping']);
    assert.deepStrictEqual(shortNames('PERSON:jean-luc picard'), ['picard']);
    assert.deepStrictEqual(shortNames('ORG:south china morning post'), ['scmp']);
    assert.deepStrictEqual(shortNames('ORG:bank of england'), ['be']);
    assert.deepStrictEqual(shortNames('ORG:a b c d e f'), [], 'initials longer than an acronym');
    assert.deepStrictEqual(shortNames('PERSON:jinping'), [], 'one word');
    assert.deepStrictEqual(shortNames('DATE:next friday'), [], 'not a named type');
  });

  it('maps a short key to the one long key it can stand for, and back when that is ambiguous', () => {
    const resolver = new EntityResolver();
    const keys = (...names: string[]): Set<ResolvedKey> => new Set(names.map(name => resolver.resolved(name)));
    const short = resolver.resolved('PERSON:jinping');
    resolver.update('a.txt', keys(), keys('PERSON:jinping'));
    assert.strictEqual(short.id, 'PERSON:jinping');
    assert.deepStrictEqual(resolver.update('b.txt', keys(), keys('PERSON:xi jinping')), new Set(['PERSON:jinping']));
    assert.strictEqual(short.id, 'PERSON:xi jinping');
    assert.deepStrictEqual([...resolver.documentsWith('PERSON:jinping')], ['a.txt']);
    resolver.update('c.txt', keys(), keys('PERSON:li jinping'));
    assert.strictEqual(short.id, 'PERSON:jinping', 'two people with that surname');
  });
});
