import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';
import {
  Correction,
  Corrections,
  addCorrection,
  applyCorrections,
  compileCorrections,
  emptyCorrections,
  parseCorrections,
  serializeCorrections,
  undoLastCorrection,
} from '../../../src/core/corrections/corrections';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { DocumentAnalysis, Mention } from '../../../src/core/types';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corrections.json'), 'utf8');

function parsed(json: string): Corrections {
  const result = parseCorrections(json);
  assert.ok('corrections' in result, JSON.stringify(result));
  return result.corrections;
}

function parseError(json: string): { error: string; line: number; column: number } {
  const result = parseCorrections(json);
  assert.ok('error' in result, `expected an error for ${JSON.stringify(json)}`);
  return result;
}

function list(...corrections: Correction[]): Corrections {
  return { version: 1, corrections };
}

describe('corrections file', () => {
  it('parses the documented example and writes it back byte for byte', () => {
    const c = parsed(EXAMPLE);
    assert.strictEqual(c.corrections.length, 5);
    assert.deepStrictEqual(c.corrections[3], {
      op: 'merge',
      entity: 'PERSON:comrade vova',
      into: 'PERSON:vladimir putin',
      name: 'Vladimir Putin',
    });
    assert.strictEqual(serializeCorrections(c), EXAMPLE);
  });

  it('writes a stable form whatever the key order or spacing it was read with', () => {
    const messy =
      '{"corrections":[{"type":"MISC","op":"retype","entity":"ORG:tass"},\r\n{"alias":"Jinping","entity":"PERSON:xi jinping","op":"split"}],"version":1}';
    const text = serializeCorrections(parsed(messy));
    assert.strictEqual(
      text,
      '{\n  "version": 1,\n  "corrections": [\n' +
        '    { "op": "retype", "entity": "ORG:tass", "type": "MISC" },\n' +
        '    { "op": "split", "entity": "PERSON:xi jinping", "alias": "Jinping" }\n' +
        '  ]\n}\n',
    );
    assert.strictEqual(serializeCorrections(parsed(text)), text);
    assert.strictEqual(serializeCorrections(emptyCorrections()), '{\n  "version": 1,\n  "corrections": []\n}\n');
    assert.deepStrictEqual(parsed(serializeCorrections(emptyCorrections())), emptyCorrections());
    // Quotes and non-ASCII survive.
    const odd = list({ op: 'addEntity', text: 'Procter "P&G" Gamble — Zürich', type: 'ORG' });
    assert.deepStrictEqual(parsed(serializeCorrections(odd)), odd);
  });

  it('adds and undoes corrections without touching the original list', () => {
    const base = parsed(EXAMPLE);
    const more = addCorrection(base, { op: 'notEntity', text: 'Moscow' });
    assert.strictEqual(base.corrections.length, 5);
    assert.strictEqual(more.corrections.length, 6);
    assert.deepStrictEqual(undoLastCorrection(more), base);
    assert.deepStrictEqual(undoLastCorrection(emptyCorrections()), emptyCorrections());
  });

  it('reports JSON syntax errors with their line and column', () => {
    // Trailing comma: Node reports a position.
    assert.deepStrictEqual(pick(parseError('{\n  "version": 1,\n  "corrections": [\n    { "op": "notEntity", "text": "x" },\n  ]\n}\n')), {
      line: 5,
      column: 3,
    });
    // Unquoted value: Node 20 gives no position ("Unexpected token 'M', ... is not valid JSON").
    const unquoted = parseError(
      '{\n  "version": 1,\n  "corrections": [\n    { "op": "retype", "entity": "ORG:tass", "type": MISC }\n  ]\n}\n',
    );
    assert.deepStrictEqual(pick(unquoted), { line: 4, column: 53 });
    assert.match(unquoted.error, /^invalid JSON: Unexpected token 'M'$/);
    // Missing comma between two corrections, CRLF line ends.
    const crlf =
      '{\r\n  "version": 1,\r\n  "corrections": [\r\n    { "op": "notEntity", "text": "a" }\r\n    { "op": "notEntity", "text": "b" }\r\n  ]\r\n}\r\n';
    assert.deepStrictEqual(pick(parseError(crlf)), { line: 5, column: 5 });
    // Cut short: the end of the text.
    assert.deepStrictEqual(pick(parseError('{\n  "version": 1,\n  "corrections": [\n')), { line: 4, column: 1 });
    assert.deepStrictEqual(pick(parseError('')), { line: 1, column: 1 });
    assert.deepStrictEqual(pick(parseError('\n\n  nope')), { line: 3, column: 4 }); // at the 'o' the message names
    // A byte order mark is not an error.
    assert.strictEqual(parsed('\uFEFF' + EXAMPLE).corrections.length, 5);
  });

  it('reports schema errors at the line of the offending correction', () => {
    const withLine = (line: string) => EXAMPLE.replace('    { "op": "notEntity", "text": "Officials" },', line);
    const cases: [string, RegExp][] = [
      ['    { "op": "rename", "entity": "ORG:tass" },', /correction 2: "op" must be one of/],
      ['    { "op": "retype", "entity": "ORG:tass", "type": "COMPANY" },', /correction 2: "type" must be one of PERSON, ORG/],
      ['    { "op": "retype", "entity": "ORG:tass", "type": "DATE" },', /"type" must be one of/],
      ['    { "op": "retype", "entity": "tass", "type": "MISC" },', /"entity" must be an entity id TYPE:name/],
      ['    { "op": "retype", "entity": "COMPANY:tass", "type": "MISC" },', /"entity" must be an entity id/],
      ['    { "op": "notEntity" },', /"text" must be a non-empty string/],
      ['    { "op": "notEntity", "text": "  " },', /"text" must be a non-empty string/],
      ['    { "op": "notEntity", "text": "--" },', /"text" must hold a letter or digit/],
      ['    { "op": "notEntity", "text": "x", "txt": "y" },', /unknown field "txt" for notEntity/],
      ['    { "op": "merge", "entity": "ORG:TASS", "into": "ORG:tass" },', /cannot merge an entity into itself/],
      ['    { "op": "merge", "entity": "ORG:a", "into": "ORG:b", "name": 3 },', /"name" must be a non-empty string/],
      ['    "retype ORG:tass",', /correction 2: must be an object/],
    ];
    for (const [line, message] of cases) {
      const error = parseError(withLine(line));
      assert.match(error.error, message, line);
      assert.deepStrictEqual(pick(error), { line: 5, column: 5 }, line);
    }
    const newer = parseError('{\n  "corrections": [],\n  "version": 2\n}\n');
    assert.match(newer.error, /unsupported version 2/);
    assert.deepStrictEqual(pick(newer), { line: 3, column: 3 });
    assert.match(parseError('{\n  "version": 1\n}').error, /missing "corrections"/);
    assert.match(parseError('{ "corrections": [] }').error, /missing "version"/);
    assert.deepStrictEqual(pick(parseError('{\n  "version": 1,\n  "corrections": {}\n}')), { line: 3, column: 3 });
    assert.deepStrictEqual(pick(parseError('{\n  "version": 1,\n  "corrections": [],\n  "comment": "x"\n}')), { line: 4, column: 3 });
    assert.match(parseError('[]').error, /must hold a JSON object/);
  });
});

function pick(error: { line: number; column: number }): { line: number; column: number } {
  return { line: error.line, column: error.column };
}

// ---- applying

const DOC_A =
  'TASS reported that Xi Jinping met Vladimir Putin in Moscow. Jinping smiled. Officials said ' +
  'Nornickel and Roscosmos would sign. Students study Xi Jinping Thought daily. Comrade Vova shrugged.';
const DOC_B =
  "On Monday, President Jinping waved at Nornickel's staff, not at NornickelGroup staff. Later Jinping left. " +
  'TASS and Vladimir Putin agreed.';
const DOCS: Record<string, string> = { 'a.txt': DOC_A, 'b.txt': DOC_B };
// These documents pin the rule layer's readings ("Officials" a person, "Nornickel" a place) that the corrections act on.
const RAW: Record<string, DocumentAnalysis> = Object.fromEntries(
  Object.entries(DOCS).map(([id, text]) => [id, analyzeDocument(text, { recognizer: 'rules' })]),
);

/** The invariants every consumer relies on. */
function checkAnalysis(text: string, analysis: DocumentAnalysis): void {
  let previousEnd = 0;
  for (const m of analysis.mentions) {
    assert.ok(m.start >= previousEnd, `sorted and non-overlapping at ${m.start}`);
    assert.ok(m.end > m.start);
    assert.strictEqual(text.slice(m.start, m.end), m.text);
    assert.ok(m.entityKey.startsWith(`${m.type}:`), `${m.entityKey} is a ${m.type}`);
    assert.deepStrictEqual(Object.keys(m).sort(), ['end', 'entityKey', 'name', 'start', 'text', 'type', 'value']);
    previousEnd = m.end;
  }
}

function corrected(corrections: Corrections): Record<string, DocumentAnalysis> {
  const compiled = compileCorrections(corrections);
  return Object.fromEntries(
    Object.entries(DOCS).map(([id, text]) => {
      const analysis = applyCorrections(text, RAW[id], compiled);
      checkAnalysis(text, analysis);
      return [id, analysis];
    }),
  );
}

function indexOf(corrections: Corrections): CorpusIndex {
  const index = new CorpusIndex();
  const analyses = corrected(corrections);
  index.batch(() => {
    for (const [id, text] of Object.entries(DOCS)) index.setDocument(id, text, analyses[id]);
  });
  return index;
}

function find(analysis: DocumentAnalysis, text: string): Mention[] {
  return analysis.mentions.filter(m => m.text === text);
}

/** Mentions of an entity as `doc@start-end`. */
function spansOf(index: CorpusIndex, id: string): string[] {
  return index.mentionsOf(id).map(m => `${m.docId}@${m.start}-${m.end}`);
}

describe('applyCorrections', () => {
  it('starts from what the recogniser finds (the fixtures below rely on it)', () => {
    assert.deepStrictEqual(
      find(RAW['a.txt'], 'TASS').map(m => m.entityKey),
      ['ORG:tass'],
    );
    assert.deepStrictEqual(
      find(RAW['a.txt'], 'Officials').map(m => m.type),
      ['PERSON'],
    );
    assert.deepStrictEqual(find(RAW['a.txt'], 'Nornickel'), []);
    assert.deepStrictEqual(
      find(RAW['a.txt'], 'Jinping').map(m => m.entityKey),
      ['PERSON:xi jinping'],
    );
    assert.deepStrictEqual(
      find(RAW['b.txt'], 'Jinping').map(m => m.entityKey),
      ['PERSON:jinping', 'PERSON:jinping'],
    );
    assert.deepStrictEqual(
      find(RAW['b.txt'], 'Nornickel').map(m => m.type),
      ['PLACE'],
    );
    const index = indexOf(emptyCorrections());
    // Across documents, B's lone "Jinping" is Xi Jinping.
    assert.strictEqual(index.entity('PERSON:xi jinping')?.mentionCount, 4);
    assert.strictEqual(index.entity('PERSON:xi jinping')?.documentCount, 2);
  });

  it('returns the analysis itself when nothing applies', () => {
    assert.strictEqual(applyCorrections(DOC_A, RAW['a.txt'], emptyCorrections()), RAW['a.txt']);
    assert.strictEqual(applyCorrections(DOC_A, RAW['a.txt'], list({ op: 'retype', entity: 'ORG:nobody', type: 'MISC' })), RAW['a.txt']);
  });

  it('retype changes the type and id everywhere, and the index groups it so', () => {
    const c = list({ op: 'retype', entity: 'ORG:TASS', type: 'MISC' }); // hand-written ids are folded
    const docs = corrected(c);
    for (const id of Object.keys(DOCS)) {
      assert.deepStrictEqual(
        find(docs[id], 'TASS').map(m => [m.type, m.entityKey, m.name]),
        [['MISC', 'MISC:tass', 'TASS']],
      );
      assert.strictEqual(docs[id].mentions.length, RAW[id].mentions.length);
    }
    const index = indexOf(c);
    assert.strictEqual(index.entity('ORG:tass'), undefined);
    assert.deepStrictEqual(index.entity('MISC:tass'), {
      id: 'MISC:tass',
      type: 'MISC',
      name: 'TASS',
      aliases: [],
      mentionCount: 2,
      documentCount: 2,
    });
    assert.ok(index.entities({ types: ['MISC'] }).some(e => e.id === 'MISC:tass'));
  });

  it('retype of a full name takes the lone surnames the index maps to it in other documents', () => {
    const index = indexOf(list({ op: 'retype', entity: 'PERSON:xi jinping', type: 'MISC' }));
    assert.strictEqual(index.entity('PERSON:xi jinping'), undefined);
    assert.strictEqual(index.entity('PERSON:jinping'), undefined);
    const misc = index.entity('MISC:xi jinping');
    assert.strictEqual(misc?.name, 'Xi Jinping');
    assert.strictEqual(misc?.mentionCount, 4);
    assert.deepStrictEqual(
      index.mentionsOf('MISC:xi jinping').map(m => m.text),
      ['Xi Jinping', 'Jinping', 'Jinping', 'Jinping'],
    );
  });

  it('notEntity drops the text everywhere, case-insensitively, and nothing else', () => {
    const docs = corrected(list({ op: 'notEntity', text: 'officials' }, { op: 'notEntity', text: 'JINPING' }));
    assert.deepStrictEqual(find(docs['a.txt'], 'Officials'), []);
    assert.deepStrictEqual(find(docs['a.txt'], 'Jinping'), []);
    assert.deepStrictEqual(find(docs['b.txt'], 'Jinping'), []);
    const expectedA = RAW['a.txt'].mentions.filter(m => m.text !== 'Officials' && m.text !== 'Jinping');
    assert.deepStrictEqual(docs['a.txt'].mentions, expectedA);
    assert.ok(find(docs['a.txt'], 'Xi Jinping').length > 0);
    // Dates too: "never an entity".
    assert.deepStrictEqual(find(corrected(list({ op: 'notEntity', text: 'monday' }))['b.txt'], 'Monday'), []);
  });

  it('addEntity marks every identical whole-word span in every document, replacing what it overlaps', () => {
    const docs = corrected(list({ op: 'addEntity', text: 'Nornickel', type: 'ORG' }));
    const spans = (id: string) => find(docs[id], 'Nornickel').map(m => [m.start, m.type, m.entityKey, m.name]);
    assert.deepStrictEqual(spans('a.txt'), [[DOC_A.indexOf('Nornickel'), 'ORG', 'ORG:nornickel', 'Nornickel']]);
    // The PLACE "Nornickel" (before a possessive) is replaced; "NornickelGroup" is another word.
    assert.deepStrictEqual(spans('b.txt'), [[DOC_B.indexOf('Nornickel'), 'ORG', 'ORG:nornickel', 'Nornickel']]);
    assert.deepStrictEqual(
      find(docs['b.txt'], 'NornickelGroup').map(m => m.type),
      ['PLACE'],
    );
    assert.strictEqual(indexOf(list({ op: 'addEntity', text: 'Nornickel', type: 'ORG' })).entity('ORG:nornickel')?.documentCount, 2);

    // Case-sensitive ("identical"), and white space runs match any run.
    const text = 'Novaya  Gazeta said novaya gazeta, Novaya Gazetas and Novaya\nGazeta agree.';
    const added = applyCorrections(text, analyzeDocument(text), list({ op: 'addEntity', text: 'Novaya Gazeta', type: 'ORG' }));
    checkAnalysis(text, added);
    assert.deepStrictEqual(
      added.mentions.filter(m => m.entityKey === 'ORG:novaya gazeta').map(m => [m.text, m.name]),
      [
        ['Novaya  Gazeta', 'Novaya Gazeta'],
        ['Novaya\nGazeta', 'Novaya Gazeta'],
      ],
    );

    // Not inside a longer word, at either end (here with no recogniser mention around).
    const bare = 'Novaya Gazetas, xNovaya Gazeta, Novaya Gazeta.';
    const alone = applyCorrections(
      bare,
      { ...analyzeDocument(bare), mentions: [] },
      list({ op: 'addEntity', text: 'Novaya Gazeta', type: 'ORG' }),
    );
    assert.deepStrictEqual(
      alone.mentions.map(m => m.start),
      [bare.lastIndexOf('Novaya Gazeta')],
    );

    // A longer span replaces the recogniser's mention inside it.
    const thought = corrected(list({ op: 'addEntity', text: 'Xi Jinping Thought', type: 'MISC' }))['a.txt'];
    assert.deepStrictEqual(
      find(thought, 'Xi Jinping Thought').map(m => m.entityKey),
      ['MISC:xi jinping thought'],
    );
    const overlapping = corrected(list({ op: 'addEntity', text: 'Putin in Moscow', type: 'MISC' }))['a.txt'];
    assert.deepStrictEqual(
      find(overlapping, 'Putin in Moscow').map(m => m.type),
      ['MISC'],
    );
    assert.deepStrictEqual(find(overlapping, 'Vladimir Putin'), []);
    assert.deepStrictEqual(find(overlapping, 'Moscow'), []);
  });

  it('addEntity of a span the recogniser already has with that type keeps its identity', () => {
    const text = 'Vladimir Putin spoke. Later Putin left.';
    const raw = analyzeDocument(text);
    assert.deepStrictEqual(
      find(raw, 'Putin').map(m => m.entityKey),
      ['PERSON:vladimir putin'],
    );
    const added = applyCorrections(text, raw, list({ op: 'addEntity', text: 'Putin', type: 'PERSON' }));
    assert.deepStrictEqual(
      find(added, 'Putin').map(m => m.entityKey),
      ['PERSON:vladimir putin'],
    );
  });

  it('merge makes one entity whose mentions are the union', () => {
    const before = indexOf(emptyCorrections());
    const vova = spansOf(before, 'PERSON:comrade vova');
    const putin = spansOf(before, 'PERSON:vladimir putin');
    assert.ok(vova.length === 1 && putin.length === 2, `${vova} ${putin}`);

    const index = indexOf(list({ op: 'merge', entity: 'PERSON:comrade vova', into: 'PERSON:vladimir putin', name: 'Vladimir Putin' }));
    assert.strictEqual(index.entity('PERSON:comrade vova'), undefined);
    assert.deepStrictEqual(spansOf(index, 'PERSON:vladimir putin').sort(), [...vova, ...putin].sort());
    const merged = index.entity('PERSON:vladimir putin')!;
    assert.strictEqual(merged.name, 'Vladimir Putin');
    assert.deepStrictEqual(merged.aliases, ['Comrade Vova']);
    assert.strictEqual(index.stats().mentions, before.stats().mentions);
    assert.strictEqual(index.stats().entities, before.stats().entities - 1);

    // Into an entity absent from the document: the name written with the merge.
    const elsewhere = applyCorrections(
      DOC_A,
      RAW['a.txt'],
      list({ op: 'merge', entity: 'ORG:tass', into: 'ORG:itar-tass', name: 'ITAR-TASS' }),
    );
    assert.deepStrictEqual(
      find(elsewhere, 'TASS').map(m => [m.type, m.entityKey, m.name]),
      [['ORG', 'ORG:itar-tass', 'ITAR-TASS']],
    );
    // Across types: the target's type.
    const typed = applyCorrections(DOC_A, RAW['a.txt'], list({ op: 'merge', entity: 'ORG:tass', into: 'MISC:tass agency' }));
    assert.deepStrictEqual(
      find(typed, 'TASS').map(m => [m.type, m.entityKey]),
      [['MISC', 'MISC:tass agency']],
    );
  });

  it('split turns an alias into its own entity, which the index does not fold back', () => {
    const index = indexOf(list({ op: 'split', entity: 'PERSON:xi jinping', alias: 'jinping' }));
    assert.deepStrictEqual(
      index.mentionsOf('PERSON:xi jinping').map(m => m.text),
      ['Xi Jinping'],
    );
    const split = index.entity('PERSON:jinping (split)');
    assert.deepStrictEqual(split && { name: split.name, mentions: split.mentionCount, documents: split.documentCount }, {
      name: 'Jinping',
      mentions: 3,
      documents: 2,
    });
    assert.deepStrictEqual(
      index.mentionsOf('PERSON:jinping (split)').map(m => m.text),
      ['Jinping', 'Jinping', 'Jinping'],
    );

    // Undoing a merge with a split: the merged name is its own entity again.
    const roundTrip = indexOf(
      list(
        { op: 'merge', entity: 'PERSON:comrade vova', into: 'PERSON:vladimir putin' },
        { op: 'split', entity: 'PERSON:vladimir putin', alias: 'Comrade Vova' },
      ),
    );
    assert.deepStrictEqual(spansOf(roundTrip, 'PERSON:comrade vova (split)'), spansOf(indexOf(emptyCorrections()), 'PERSON:comrade vova'));
    assert.strictEqual(roundTrip.entity('PERSON:vladimir putin')?.mentionCount, 2);
  });

  it('applies corrections in order, so undoing the last restores the previous output', () => {
    const steps: Correction[] = [
      { op: 'retype', entity: 'ORG:tass', type: 'MISC' },
      { op: 'notEntity', text: 'Officials' },
      { op: 'addEntity', text: 'Nornickel', type: 'ORG' },
      { op: 'merge', entity: 'PERSON:comrade vova', into: 'PERSON:vladimir putin' },
      { op: 'split', entity: 'PERSON:xi jinping', alias: 'Jinping' },
      { op: 'retype', entity: 'ORG:nornickel', type: 'MISC' },
      { op: 'notEntity', text: 'Nornickel' },
    ];
    let c = emptyCorrections();
    const outputs = [corrected(c)];
    for (const step of steps) {
      c = addCorrection(c, step);
      outputs.push(corrected(c));
      assert.notDeepStrictEqual(outputs[outputs.length - 1], outputs[outputs.length - 2], `${step.op} changes something`);
    }
    for (let i = steps.length; i > 0; i--) {
      c = undoLastCorrection(c);
      assert.deepStrictEqual(corrected(c), outputs[i - 1], `undo ${i}`);
    }
    assert.deepStrictEqual(outputs[0], RAW);
  });

  it('lets a later correction override an earlier one', () => {
    const a = (...cs: Correction[]) => corrected(list(...cs))['a.txt'];
    // Added after "not an entity": there.
    assert.deepStrictEqual(
      find(a({ op: 'notEntity', text: 'Moscow' }, { op: 'addEntity', text: 'Moscow', type: 'ORG' }), 'Moscow').map(m => m.type),
      ['ORG'],
    );
    // "Not an entity" after an addition: gone.
    assert.deepStrictEqual(find(a({ op: 'addEntity', text: 'Moscow', type: 'ORG' }, { op: 'notEntity', text: 'Moscow' }), 'Moscow'), []);
    // A retype acts on additions made before it, not after.
    assert.deepStrictEqual(
      find(
        a({ op: 'addEntity', text: 'Roscosmos', type: 'ORG' }, { op: 'retype', entity: 'ORG:roscosmos', type: 'MISC' }),
        'Roscosmos',
      ).map(m => m.type),
      ['MISC'],
    );
    assert.deepStrictEqual(
      find(
        a({ op: 'retype', entity: 'ORG:roscosmos', type: 'MISC' }, { op: 'addEntity', text: 'Roscosmos', type: 'ORG' }),
        'Roscosmos',
      ).map(m => m.type),
      ['ORG'],
    );
    // Two additions overlapping: the later wins.
    const both = a({ op: 'addEntity', text: 'Xi Jinping Thought', type: 'MISC' }, { op: 'addEntity', text: 'Thought daily', type: 'MISC' });
    assert.deepStrictEqual(find(both, 'Thought daily').length, 1);
    assert.deepStrictEqual(find(both, 'Xi Jinping Thought'), []);
  });

  it('is fast on a large document with many corrections', () => {
    const text = Array.from({ length: 300 }, () => DOC_A + ' ' + DOC_B).join('\n');
    const analysis = analyzeDocument(text);
    const many: Correction[] = [];
    for (let i = 0; i < 2000; i++) {
      many.push({ op: 'addEntity', text: `Name${i} Corp`, type: 'ORG' }, { op: 'notEntity', text: `word${i}` });
    }
    many.push({ op: 'addEntity', text: 'Nornickel', type: 'ORG' }, { op: 'retype', entity: 'ORG:tass', type: 'MISC' });
    const compiled = compileCorrections(list(...many));
    const started = performance.now();
    const result = applyCorrections(text, analysis, compiled);
    const elapsed = performance.now() - started;
    checkAnalysis(text, result);
    assert.strictEqual(result.mentions.filter(m => m.entityKey === 'ORG:nornickel').length, 600);
    // A guard against per-correction scans of the text (seconds), not a benchmark: analysis itself takes ~400 ms here.
    assert.ok(elapsed < 1500, `${elapsed.toFixed(0)} ms`);
  });
});
