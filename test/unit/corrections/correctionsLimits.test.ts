// Hostile or damaged corrections files: limits, bytes that are not UTF-8, repeated keys, and a
// list of additions large enough to stall a matcher that tries each one.
import * as assert from 'assert';
import {
  Correction,
  MAX_ADD_TEXT,
  MAX_CORRECTIONS,
  MAX_CORRECTIONS_BYTES,
  applyCorrections,
  compileCorrections,
  compileCorrectionsInSlices,
  parseCorrectionsFile,
  serializeCorrections,
} from '../../../src/core/corrections/corrections';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';
import { DocumentAnalysis } from '../../../src/core/types';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function fileError(bytes: Uint8Array): { error: string; line: number; column: number } {
  const result = parseCorrectionsFile(bytes);
  assert.ok('error' in result, 'expected an error');
  return result;
}

function adds(texts: string[]): Correction[] {
  return texts.map(text => ({ op: 'addEntity', text, type: 'ORG' }));
}

/** The added spans as "start-end text". */
function added(text: string, corrections: Correction[]): string[] {
  const bare: DocumentAnalysis = { ...analyzeDocument(text), mentions: [] };
  return applyCorrections(text, bare, { version: 1, corrections }).mentions.map(m => `${m.start}-${m.end} ${m.text}`);
}

describe('corrections file limits and damage', () => {
  it('reports bytes that are not UTF-8 at their line and column, never replacing them', () => {
    const latin1 = Uint8Array.from([
      ...utf8('{\n  "version": 1,\n  "corrections": [\n    { "op": "addEntity", "text": "Zo'),
      0xeb,
      ...utf8('", "type": "PERSON" }\n  ]\n}\n'),
    ]);
    const e = fileError(latin1);
    assert.match(e.error, /not UTF-8: byte 0xeb/);
    assert.deepStrictEqual([e.line, e.column], [4, 37]);
    // After a BOM and a valid multi-byte character, the column still counts characters.
    const afterBom = fileError(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('{"é": '), 0xc3, 0x28]));
    assert.deepStrictEqual([afterBom.line, afterBom.column], [1, 7]);
    const good = parseCorrectionsFile(
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(serializeCorrections({ version: 1, corrections: adds(['Zoë']) }))]),
    );
    assert.ok('corrections' in good && good.corrections.corrections[0].op === 'addEntity');
  });

  it('refuses a repeated key anywhere, at the repetition', () => {
    const top = fileError(
      utf8('{\n  "version": 1,\n  "corrections": [{ "op": "notEntity", "text": "Moscow" }],\n  "corrections": []\n}\n'),
    );
    assert.deepStrictEqual([top.error, top.line, top.column], ['duplicate key "corrections"', 4, 3]);
    const inner = fileError(utf8('{"version": 1, "corrections": [{ "op": "notEntity", "text": "a", "text": "b" }]}'));
    assert.deepStrictEqual([inner.error, inner.line, inner.column], ['duplicate key "text"', 1, 66]);
  });

  it('refuses files over the size and count limits, and over-long additions, with a clear message', () => {
    const big = new Uint8Array(MAX_CORRECTIONS_BYTES + 1).fill(0x20);
    assert.match(fileError(big).error, /^the file is 5\.0 MB: Corpus Lens reads corrections files of at most 5\.0 MB$/);
    const many = Array.from({ length: MAX_CORRECTIONS + 1 }, (): Correction => ({ op: 'notEntity', text: 'a' }));
    const tooMany = fileError(utf8(serializeCorrections({ version: 1, corrections: many })));
    assert.match(tooMany.error, /^more than 50,000 corrections/);
    assert.strictEqual(tooMany.line, MAX_CORRECTIONS + 4, 'at the first correction over the limit');
    const atLimit = parseCorrectionsFile(utf8(serializeCorrections({ version: 1, corrections: many.slice(1) })));
    assert.ok('corrections' in atLimit);
    const long = fileError(utf8(serializeCorrections({ version: 1, corrections: adds(['a'.repeat(MAX_ADD_TEXT + 1)]) })));
    assert.match(long.error, /^correction 1: "text" must be at most 200 characters/);
    assert.ok(
      'corrections' in parseCorrectionsFile(utf8(serializeCorrections({ version: 1, corrections: adds(['a'.repeat(MAX_ADD_TEXT)]) }))),
    );
  });

  it('matches additions on whole words, any white space, either apostrophe and leading symbols', () => {
    const text = "#MeToo and O'Brien met O’Brien at the New\n  York Times; U.S.A. and U.S. rules; Timesx New York Times";
    const found = added(text, adds(['#MeToo', 'O’Brien', 'New York Times', 'U.S.', 'Times', 'Zo']));
    assert.deepStrictEqual(found, [
      '0-6 #MeToo',
      "11-18 O'Brien",
      '23-30 O’Brien',
      '38-54 New\n  York Times',
      '56-60 U.S.',
      '67-71 U.S.',
      '86-100 New York Times',
    ]);
    // Overlapping additions: the later one wins.
    assert.deepStrictEqual(added('The Times; York Times; more', adds(['Times', 'York Times;'])), ['4-9 Times', '11-22 York Times;']);
  });

  it('a text added again is the later addition: its type, and no correction made in between', () => {
    const text = 'The Acme Board met. The Acme Board left.';
    const bare: DocumentAnalysis = { ...analyzeDocument(text), mentions: [] };
    const typed = (corrections: Correction[]) =>
      applyCorrections(text, bare, { version: 1, corrections }).mentions.map(m => `${m.start} ${m.type} ${m.entityKey}`);
    const org: Correction = { op: 'addEntity', text: 'Acme Board', type: 'ORG' };
    const person: Correction = { op: 'addEntity', text: 'Acme  Board', type: 'PERSON' };
    const retype: Correction = { op: 'retype', entity: 'ORG:acme board', type: 'MISC' };
    assert.deepStrictEqual(typed([org, person]), ['4 PERSON PERSON:acme board', '24 PERSON PERSON:acme board']);
    assert.deepStrictEqual(typed([org, person, org]), ['4 ORG ORG:acme board', '24 ORG ORG:acme board']);
    assert.deepStrictEqual(typed([org, retype]), ['4 MISC MISC:acme board', '24 MISC MISC:acme board']);
    // The retype reaches the mentions that existed before it: the second addition's are newer.
    assert.deepStrictEqual(typed([org, retype, org]), ['4 ORG ORG:acme board', '24 ORG ORG:acme board']);
  });

  it('costs little more than the analysis with 20,000 additions sharing their first word', () => {
    const sentence = 'The minister said the talks in the capital would resume on Monday, the agency reported. ';
    const text = sentence.repeat(150);
    const started = performance.now();
    const analysis = analyzeDocument(text);
    const analysing = performance.now() - started;
    const list = adds(Array.from({ length: 20000 }, (_, i) => `the talks ${i}`));
    list.push(...adds(['the agency']));
    const compiled = compileCorrections({ version: 1, corrections: list });
    const applyStarted = performance.now();
    const result = applyCorrections(text, analysis, compiled);
    const applying = performance.now() - applyStarted;
    assert.strictEqual(result.mentions.filter(m => m.entityKey === 'ORG:agency').length, 150);
    // Trying each addition at each "the" took 20 times the analysis; one walk per word takes a fraction.
    assert.ok(applying < analysing, `applying ${applying.toFixed(0)} ms, analysing ${analysing.toFixed(0)} ms`);
  });

  it('compiles a long list in time slices, leaving the event loop its turns, to the same result', async () => {
    const list = { version: 1 as const, corrections: adds(Array.from({ length: 20000 }, (_, i) => `Name ${i} Corp`)) };
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const sliced = await compileCorrectionsInSlices(list, 2);
    clearInterval(ticker);
    assert.ok(turns > 0, 'the event loop ran while compiling');
    assert.strictEqual(compileCorrections(list), sliced, 'compileCorrections finds the result');
    assert.deepStrictEqual(sliced, compileCorrections({ ...list }));
  });
});
