import * as assert from 'assert';
import { CompactEntity } from '../../../src/shared/panelMessages';
import { DEFAULT_STATE } from '../../../src/shared/panelState';
import { Entity, RowFilter, comparator, toEntity, visibleRows } from '../../../src/webview/entityRows';

const TYPES = ['PERSON', 'ORG', 'PLACE'];
const ROWS: CompactEntity[] = [
  ['PERSON:xi jinping', 'Xi Jinping', 0, 12, 3, ['Jinping', 'Xi']],
  ['PERSON:vladimir putin', 'Vladimir Putin', 0, 20, 4, ['Putin']],
  ['ORG:tass', 'TASS', 1, 5, 5, []],
  ['PLACE:beijing', 'Beijing', 2, 12, 2, []],
  ['PLACE:élancourt', 'Élancourt', 2, 1, 1, []],
];
const ALL = ROWS.map(row => toEntity(row, TYPES));
const filter = (changes: Partial<RowFilter>): RowFilter => ({ ...DEFAULT_STATE, ...changes });
const names = (rows: Entity[]) => rows.map(e => e.name);

describe('Entity Explorer rows', () => {
  it('reads a compact row, an unknown type index as "?"', () => {
    assert.deepStrictEqual(ALL[0], {
      id: 'PERSON:xi jinping',
      name: 'Xi Jinping',
      type: 'PERSON',
      mentions: 12,
      documents: 3,
      aliases: ['Jinping', 'Xi'],
    });
    assert.strictEqual(toEntity(['X:y', 'Y', 7, 1, 1, []], TYPES).type, '?');
  });

  it('searches names and aliases by word prefix, ignoring case and surrounding space', () => {
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ search: ' JIN ' }), TYPES)), ['Xi Jinping']);
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ search: 'putin' }), TYPES)), ['Vladimir Putin']);
    // Inside a word is not a match: "ing" is in Jinping and Beijing.
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ search: 'ing' }), TYPES)), []);
    assert.strictEqual(visibleRows(ALL, filter({ search: '' }), TYPES).length, ALL.length);
  });

  it('hides the types switched off', () => {
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ hiddenTypes: ['PERSON', 'PLACE'] }), TYPES)), ['TASS']);
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ hiddenTypes: ['ORG'], search: 'tass' }), TYPES)), []);
  });

  it('sorts by each column, both ways, ties broken by name', () => {
    // Equal mentions: the one in fewer documents first.
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ sort: 'mentions', descending: true }), TYPES)), [
      'Vladimir Putin',
      'Beijing',
      'Xi Jinping',
      'TASS',
      'Élancourt',
    ]);
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ sort: 'name', descending: false }), TYPES)), [
      'Beijing',
      'Élancourt',
      'TASS',
      'Vladimir Putin',
      'Xi Jinping',
    ]);
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ sort: 'type', descending: false }), TYPES)), [
      'Vladimir Putin',
      'Xi Jinping',
      'TASS',
      'Beijing',
      'Élancourt',
    ]);
    assert.deepStrictEqual(names(visibleRows(ALL, filter({ sort: 'documents', descending: true }), TYPES)), [
      'TASS',
      'Vladimir Putin',
      'Xi Jinping',
      'Beijing',
      'Élancourt',
    ]);
    const byAliases = names(visibleRows(ALL, filter({ sort: 'aliases', descending: true }), TYPES));
    assert.deepStrictEqual(byAliases.slice(0, 2), ['Xi Jinping', 'Vladimir Putin']);
  });

  it('orders types as the host lists them', () => {
    const compare = comparator('type', ['PLACE', 'ORG', 'PERSON']);
    assert.ok(compare(ALL[3], ALL[2]) < 0 && compare(ALL[2], ALL[0]) < 0);
  });
});
