import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CORRECTIONS_FILE,
  CORRECTION_FIELDS,
  Correction,
  MAX_ADD_TEXT,
  MAX_CORRECTIONS,
  addCorrection,
  emptyCorrections,
  parseCorrections,
  serializeCorrections,
} from '../../../src/core/corrections/corrections';
import { ENTITY_TYPES, NAMED_TYPES } from '../../../src/core/types';
import { schemaErrors } from './jsonSchema';

const ROOT = path.join(__dirname, '..', '..', '..');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'corrections.schema.json'), 'utf8'));

type Node = { properties: Record<string, { const?: string; enum?: string[]; pattern?: string }>; required: string[] };
const branches: Node[] = SCHEMA.properties.corrections.items.oneOf;

function valid(json: string): boolean {
  return schemaErrors(SCHEMA, JSON.parse(json)).length === 0;
}

describe('corrections schema', () => {
  it('is contributed for the file the extension reads', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg.contributes.jsonValidation, [
      { fileMatch: `**/${CORRECTIONS_FILE}`, url: './schemas/corrections.schema.json' },
    ]);
  });

  it('has the fields the parser accepts, no more, with the same required ones', () => {
    assert.deepStrictEqual(Object.keys(SCHEMA.properties).sort(), ['corrections', 'version']);
    assert.deepStrictEqual(SCHEMA.required.sort(), ['corrections', 'version']);
    assert.deepStrictEqual(branches.map(b => b.properties.op.const).sort(), Object.keys(CORRECTION_FIELDS).sort());
    for (const branch of branches) {
      const { required, optional } = CORRECTION_FIELDS[branch.properties.op.const as Correction['op']];
      assert.deepStrictEqual(Object.keys(branch.properties).sort(), ['op', ...required, ...optional].sort(), branch.properties.op.const);
      assert.deepStrictEqual(branch.required.sort(), ['op', ...required].sort(), branch.properties.op.const);
    }
  });

  it('has the limits the parser has', () => {
    assert.strictEqual(SCHEMA.properties.corrections.maxItems, MAX_CORRECTIONS);
    const add = branches.find(b => b.properties.op.const === 'addEntity');
    assert.strictEqual((add?.properties.text as { maxLength?: number }).maxLength, MAX_ADD_TEXT);
  });

  it('lists the types the parser accepts', () => {
    for (const branch of branches) {
      if (branch.properties.type) assert.deepStrictEqual(branch.properties.type.enum, [...NAMED_TYPES]);
      for (const key of ['entity', 'into']) {
        if (branch.properties[key]) assert.strictEqual(branch.properties[key].pattern, `^(${ENTITY_TYPES.join('|')}):[\\s\\S]*\\S`);
      }
    }
  });

  it('accepts the files the code writes and the test fixture', () => {
    const all: Correction[] = [
      { op: 'retype', entity: 'ORG:tass', type: 'MISC' },
      { op: 'notEntity', text: 'Jinping’s' },
      { op: 'addEntity', text: '#MeToo', type: 'MISC' },
      { op: 'merge', entity: 'PERSON:putin', into: 'PERSON:vladimir putin', name: 'Vladimir Putin' },
      { op: 'merge', entity: 'ORG:tass', into: 'MISC:tass' },
      { op: 'split', entity: 'PERSON:xi jinping', alias: 'Jinping' },
    ];
    const written = [serializeCorrections(emptyCorrections()), serializeCorrections(all.reduce(addCorrection, emptyCorrections()))];
    const fixture = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corrections.json'), 'utf8');
    for (const json of [...written, fixture]) {
      assert.ok('corrections' in parseCorrections(json), json);
      assert.deepStrictEqual(schemaErrors(SCHEMA, JSON.parse(json)), [], json);
    }
  });

  it('refuses what the parser refuses', () => {
    const file = (...corrections: object[]) => JSON.stringify({ version: 1, corrections });
    const refused = [
      '{"corrections": []}',
      '{"version": 2, "corrections": []}',
      '{"version": 1}',
      '{"version": 1, "corrections": {}}',
      '{"version": 1, "corrections": [], "comment": "x"}',
      file({ op: 'rename', entity: 'ORG:tass' }),
      file({ op: 'retype', entity: 'ORG:tass' }),
      file({ op: 'retype', entity: 'ORG:tass', type: 'DATE' }),
      file({ op: 'retype', entity: 'tass', type: 'MISC' }),
      file({ op: 'retype', entity: 'FOO:tass', type: 'MISC' }),
      file({ op: 'retype', entity: 'ORG:  ', type: 'MISC' }),
      file({ op: 'retype', entity: 'ORG:tass', type: 'MISC', note: 'x' }),
      file({ op: 'notEntity', text: ' -- ' }),
      file({ op: 'notEntity', text: 3 }),
      file({ op: 'addEntity', text: 'Nornickel' }),
      file({ op: 'merge', entity: 'PERSON:putin', into: 'PERSON:vladimir putin', name: ' ' }),
      file({ op: 'split', entity: 'PERSON:xi jinping', alias: '' }),
      file({ op: 'addEntity', text: 'N'.repeat(MAX_ADD_TEXT + 1), type: 'ORG' }),
      file(...Array.from({ length: MAX_CORRECTIONS + 1 }, () => ({ op: 'notEntity', text: 'x' }))),
    ];
    for (const json of refused) {
      assert.ok('error' in parseCorrections(json), `the parser accepts ${json}`);
      assert.ok(!valid(json), `the schema accepts ${json}`);
    }
  });
});
