import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../../src/extension/commands/ids';

interface Contributes {
  commands: Array<{ command: string }>;
  submenus: Array<{ id: string }>;
  menus: Record<string, Array<{ command?: string; submenu?: string }>>;
  keybindings: Array<{ command: string }>;
}

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { contributes: Contributes };
const table: string[] = Object.values(COMMANDS);

describe('the command table (src/extension/commands/ids.ts)', () => {
  it('holds every command package.json contributes, and only those', () => {
    const contributed = pkg.contributes.commands.map(c => c.command);
    assert.deepStrictEqual(
      contributed.filter(id => !table.includes(id)),
      [],
      'contributed but not in the table',
    );
    assert.deepStrictEqual(
      table.filter(id => !contributed.includes(id)),
      [],
      'in the table but not contributed',
    );
  });

  it('names each id once', () => {
    assert.strictEqual(new Set(table).size, table.length);
  });

  it('has every command that a menu or keybinding names', () => {
    const used = [...Object.values(pkg.contributes.menus).flat(), ...pkg.contributes.keybindings].flatMap(m =>
      m.command ? [m.command] : [],
    );
    assert.deepStrictEqual(
      used.filter(id => id.startsWith('corpusLens.') && !table.includes(id)),
      [],
    );
  });

  it('#17.11 declares every submenu a menu names, and fills it', () => {
    const declared = pkg.contributes.submenus.map(s => s.id);
    const named = Object.values(pkg.contributes.menus)
      .flat()
      .flatMap(m => (m.submenu ? [m.submenu] : []));
    assert.deepStrictEqual(
      named.filter(id => !declared.includes(id)),
      [],
    );
    for (const id of declared) assert.ok(pkg.contributes.menus[id]?.length, `${id} has items`);
  });
});
