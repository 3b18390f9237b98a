// Curation and export in Chromium (issue #8): the panel's Export through the real save dialog,
// and a retype made from the editor that must outlive a window reload.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { parseCsv } from '../../src/core/text/csv';
import { activityEntry, openInEditor, runCommand, showEntitiesView, treeRows, until, workbench, workspaceDir } from './workbench';

const SAMPLE = path.join('seeds', '000_a4262604377c852d.txt');
const CORRECTIONS = path.join('.corpus-lens', 'corrections.json');

/** The Entity Explorer's page: VS Code nests it in an iframe inside an iframe. */
function explorer(): FrameLocator {
  return workbench().frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

interface PanelRow {
  id: string;
  type: string;
  name: string;
  mentions: string;
}

/** The rows the panel's table shows (all of them: the filter keeps few enough for its virtual list to render them all). */
async function panelRows(): Promise<PanelRow[]> {
  const count = Number(await explorer().locator('#status').getAttribute('data-count'));
  const rows = explorer().locator('.grid-body [role=row]');
  assert.strictEqual(await rows.count(), count, 'every filtered row is rendered');
  const out: PanelRow[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    out.push({
      id: (await row.getAttribute('data-entity-id')) ?? '',
      type: (await row.locator('.col-type').textContent()) ?? '',
      name: (await row.locator('.col-name').textContent()) ?? '',
      mentions: (await row.locator('.col-mentions').textContent()) ?? '',
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** The Entities view's rows in display order: level (1 = type group), name, expanded. */
async function treeOutline(): Promise<Array<{ level: number; name: string; expanded: string | null }>> {
  const rows = await treeRows().evaluateAll(els =>
    els.map(el => ({
      index: Number(el.getAttribute('data-index')),
      level: Number(el.getAttribute('aria-level')),
      name: el.querySelector('.label-name')?.textContent ?? '',
      expanded: el.getAttribute('aria-expanded'),
    })),
  );
  // The list is virtual: its rows are positioned, not necessarily in DOM order.
  return rows.sort((a, b) => a.index - b.index);
}

/** The type group a name is listed under in the Entities view, after expanding `types`. */
async function groupOf(name: string, types: string[]): Promise<string | undefined> {
  for (const type of types) {
    const row = treeRows()
      .filter({ has: workbench().locator('.label-name', { hasText: new RegExp(`^${type}$`) }) })
      .first();
    if ((await row.count()) && (await row.getAttribute('aria-expanded')) === 'false') await row.click();
  }
  const outline = await treeOutline();
  const at = outline.findIndex(r => r.level === 2 && r.name === name);
  if (at < 0) return undefined;
  return outline
    .slice(0, at)
    .reverse()
    .find(r => r.level === 1)?.name;
}

/** Collapses the tree's type groups, as the other specs expect to find them. */
async function collapseGroups(): Promise<void> {
  for (const r of (await treeOutline()).filter(r => r.level === 1 && r.expanded === 'true')) {
    await treeRows()
      .filter({ has: workbench().locator('.label-name', { hasText: new RegExp(`^${r.name}$`) }) })
      .first()
      .click();
  }
}

function readCorrections(): unknown {
  const file = path.join(workspaceDir(), CORRECTIONS);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

describe('curation and export (UI)', () => {
  const exported = () => path.join(workspaceDir(), `panel-export-${process.pid}.csv`);

  before(async () => {
    await activityEntry().waitFor({ timeout: 60000 });
  });

  after(async () => {
    // Whatever happened, leave the workspace as the other specs expect it: no export, no corrections.
    fs.rmSync(exported(), { force: true });
    fs.rmSync(path.join(workspaceDir(), '.corpus-lens'), { recursive: true, force: true });
    await runCommand('View: Close All Editors').catch(() => {});
  });

  it("the panel's Export writes a file whose content matches the panel's filter", async () => {
    await runCommand('Corpus Lens: Open Entity Explorer');
    const search = explorer().locator('#search');
    await search.waitFor({ timeout: 30000 });
    await until(async () => Number(await explorer().locator('#status').getAttribute('data-count')) > 0, 'the entities in the panel');

    // The filter: a search and a type switched off that the search would otherwise match.
    await search.fill('chin');
    await until(
      async () => (await panelRows()).some(r => r.type === 'NORP'),
      'a NORP row matching "chin" (so hiding NORP changes something)',
    );
    const norp = explorer().locator('.chip[data-type="NORP"]');
    await norp.click();
    assert.strictEqual(await norp.getAttribute('aria-pressed'), 'false');
    const shown = await until(async () => {
      const rows = await panelRows();
      return rows.length > 0 && rows.every(r => r.type !== 'NORP') ? rows : undefined;
    }, 'the filtered rows');
    assert.ok(
      shown.every(r => r.name.toLowerCase().includes('chin')),
      `rows: ${JSON.stringify(shown)}`,
    );

    // Export as CSV; the host asks where with VS Code's own (simple, in the browser) save dialog.
    await explorer().locator('#export-format').selectOption('entities.csv');
    await explorer().locator('#export').click();
    const input = workbench().locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    // The dialog shows before it fills in the proposed path.
    await until(async () => /entities\.csv$/.test(await input.inputValue()), 'the dialog proposing entities.csv');
    await input.fill(exported());
    await workbench().keyboard.press('Enter');
    const text = await until(async () => fs.existsSync(exported()) && fs.readFileSync(exported(), 'utf8'), 'the exported file');

    const [header, ...records] = parseCsv(text);
    assert.deepStrictEqual(header, ['id', 'type', 'name', 'aliases', 'mentions', 'documents']);
    const fileRows = records.map(([id, type, name, , mentions]) => ({ id, type, name, mentions })).sort((a, b) => a.id.localeCompare(b.id));
    assert.deepStrictEqual(fileRows, shown, 'the file holds exactly the entities the panel shows');
    // Outside the filter: a NORP that matches the search, and an entity that does not.
    assert.ok(!fileRows.some(r => r.type === 'NORP' || r.name === 'Russia'), 'nothing outside the filter');

    // Put the chip back and close the panel (its saved state would otherwise carry into other specs).
    await norp.click();
    await runCommand('View: Close All Editors');
    await explorer().locator('#search').waitFor({ state: 'detached' });
  });

  it('retyping TASS to MISC survives a window reload', async function () {
    // A reload restarts the workbench and the extension host: on a loaded 2-core machine that alone took 36 s.
    this.timeout(240000);
    const page = workbench();
    const text = fs.readFileSync(path.join(workspaceDir(), SAMPLE), 'utf8');
    const at = text.indexOf('TASS');
    assert.ok(at > 0, 'the sample mentions TASS');
    const lines = text.slice(0, at).split(/\r\n|\r|\n/);
    const line = lines.length;
    const column = lines[lines.length - 1].length + 2; // inside the word

    await showEntitiesView();
    assert.strictEqual(await until(() => groupOf('TASS', ['ORG']), 'TASS in the tree'), 'ORG', 'the recogniser makes TASS an ORG');

    // Open the sample, put the cursor on TASS and change its type from the command palette.
    await openInEditor(SAMPLE, { line, column });

    await runCommand('Corpus Lens: Change Entity Type…');
    const input = page.locator('.quick-input-widget input');
    // The pick names the entity under the cursor.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'TASS (ORG)' }).waitFor();
    await input.fill('MISC');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'MISC' }).first().waitFor();
    await page.keyboard.press('Enter');

    const retype = { op: 'retype', entity: 'ORG:tass', type: 'MISC' };
    await until(
      async () => JSON.stringify(readCorrections()) === JSON.stringify({ version: 1, corrections: [retype] }),
      'the retype in corrections.json',
    );
    await until(async () => (await groupOf('TASS', ['MISC', 'ORG'])) === 'MISC', 'TASS under MISC in the tree');

    await runCommand('Developer: Reload Window');
    await page.waitForEvent('load', { timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await showEntitiesView();
    await until(async () => (await groupOf('TASS', ['MISC', 'ORG'])) === 'MISC', 'TASS under MISC after the reload', 60000);
    assert.deepStrictEqual(readCorrections(), { version: 1, corrections: [retype] }, 'the file still holds the retype');

    // Undo through the UI: TASS goes back to ORG and the file keeps no correction.
    await runCommand('Corpus Lens: Undo Last Correction');
    await until(async () => (await groupOf('TASS', ['ORG'])) === 'ORG', 'TASS back under ORG');
    assert.deepStrictEqual(readCorrections(), { version: 1, corrections: [] });
    await collapseGroups();
  });
});
