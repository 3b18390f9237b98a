import * as assert from 'assert';
import { foldKey, foldText, surfaceForm } from '../../../src/core/text/nameForms';

describe('name forms', () => {
  it('surfaceForm keeps case, folds spacing and drops a possessive', () => {
    assert.strictEqual(surfaceForm(' Xi \n Jinping’s '), 'Xi Jinping');
    assert.strictEqual(surfaceForm("Reuters'"), 'Reuters');
    assert.strictEqual(surfaceForm('The Times'), 'The Times');
  });

  it('foldText also lower-cases and folds curly apostrophes', () => {
    assert.strictEqual(foldText('  JINPING\u02bcS  '), 'jinping');
    assert.strictEqual(foldText('O\u2019Brien'), "o'brien");
    assert.strictEqual(foldText('The  Times'), 'the times');
  });

  it('foldKey folds the name of a key as foldText does, and drops a leading "the"', () => {
    assert.strictEqual(foldKey('ORG:The  New York Times’s'), 'ORG:new york times');
    assert.strictEqual(foldKey('PERSON:Xi Jinping'), 'PERSON:xi jinping');
    // Only the name is folded: the type stays as it is.
    assert.strictEqual(foldKey('ORG:TASS'), 'ORG:tass');
    assert.strictEqual(foldKey('PLACE:Other:Name'), 'PLACE:other:name');
  });
});
