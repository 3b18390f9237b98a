import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../../src/extension/commands/ids';

interface Contributes {
  commands: Array<{ command: string }>;
  menus: Record<string, Array<{ command: string }>>;
  keybindings: Array<{ command: string }>;
}

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { contributes: Contributes };
const table: string[] = Object.values(COMMANDS);

describe('the command table (src/extension/commands/ids.ts)', () => {
  it('holds every command package.json contributes, and only those', () => {
    const contributed = pkg.contributes.commands.map(c => c.command);
    assert.deepStrictEqual(contributed.filter(id => !table.includes(id)), [], 'contributed but not in the table');
    assert.deepStrictEqual(table.filter(id => !contributed.includes(id)), [], 'in the table but not contributed');
  });

  it('names each id once', () => {
    assert.strictEqual(new Set(table).size, table.length);
  });

  it('has every command that a menu or keybinding names', () => {
    const used = [...Object.values(pkg.contributes.menus).flat(), ...pkg.contributes.keybindings].map(m => m.command);
    assert.deepStrictEqual(used.filter(id => id.startsWith('corpusLens.') && !table.includes(id)), []);
  });
});
