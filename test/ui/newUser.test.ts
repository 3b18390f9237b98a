// What a new user tripped over in the workbench (issue #17): each test names the item it covers.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator } from 'playwright-core';
import { openInEditor, runCommand, showEntitiesView, treeRows, until, workbench, workspaceDir } from './workbench';

const SAMPLE = path.join('seeds', '000_a4262604377c852d.txt');
const CORRECTIONS = path.join('.corpus-lens', 'corrections.json');

/** The tree row whose label is exactly `name`, expanded. */
async function expandRow(name: string): Promise<void> {
  const row = treeRows()
    .filter({ has: workbench().locator('.label-name', { hasText: new RegExp(`^${name}$`) }) })
    .first();
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
}

/** The labels shown in `items` (action labels), once there are some. */
async function labels(items: Locator): Promise<string[]> {
  await items.first().waitFor({ timeout: 5000 });
  return (await items.allInnerTexts()).map(t => t.trim()).filter(Boolean);
}

/** Opens the editor's context menu at the cursor and the Corpus Lens submenu; their labels. */
async function editorContextMenu(): Promise<{ top: string[]; corpusLens: string[] }> {
  const page = workbench();
  await page.keyboard.press('Shift+F10');
  try {
    const top = await labels(page.locator('.context-view .monaco-menu .action-label'));
    // From elsewhere: a pointer already resting on the item would not open its submenu again.
    await page.mouse.move(0, 0);
    await page
      .locator('.context-view .action-label', { hasText: /^Corpus Lens$/ })
      .first()
      .hover({ timeout: 5000 });
    const corpusLens = await labels(page.locator('.context-view .monaco-submenu .action-label'));
    return { top, corpusLens };
  } finally {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  }
}

describe('what a new user trips over (#17, UI)', () => {
  after(async () => {
    fs.rmSync(path.join(workspaceDir(), '.corpus-lens'), { recursive: true, force: true });
    await runCommand('View: Close All Editors').catch(() => {});
  });

  it('#17.3 a folder with seeds/ never shows "No corpus found" while it opens', async () => {
    const page = workbench();
    await showEntitiesView();
    // Records any appearance of the welcome text, however brief, from the start of the next page load.
    await page.addInitScript(() => {
      const w = window as unknown as { sawWelcome?: boolean };
      new MutationObserver(records => {
        for (const r of records) {
          r.addedNodes.forEach(n => {
            if (n.textContent?.includes('No corpus found')) w.sawWelcome = true;
          });
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await runCommand('Developer: Reload Window');
    await page.waitForEvent('load', { timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await showEntitiesView();
    assert.strictEqual(await page.evaluate(() => (window as unknown as { sawWelcome?: boolean }).sawWelcome ?? false), false);
  });

  it('#17.8 a mention row shows its keyword at the default side bar width', async () => {
    const page = workbench();
    await showEntitiesView();
    await expandRow('PERSON');
    await expandRow('Xi Jinping');
    const rows = treeRows().filter({ has: page.locator('.label-name .highlight') });
    await rows.first().waitFor();
    const n = await rows.count();
    assert.ok(n >= 5, `${n} mention rows`);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const keyword = await row.locator('.label-name .highlight').first().boundingBox();
      const shown = await row.locator('.monaco-icon-label-container').first().boundingBox();
      assert.ok(keyword && shown, 'laid out');
      const text = await row.locator('.label-name').innerText();
      assert.ok(
        keyword.x + keyword.width <= shown.x + shown.width,
        `"${text}": the keyword ends at ${keyword.x + keyword.width}, the label is cut at ${shown.x + shown.width}`,
      );
    }
  });

  it('#17.11 the editor context menu has one Corpus Lens submenu; Undo Last Correction only when there is one', async () => {
    fs.rmSync(path.join(workspaceDir(), '.corpus-lens'), { recursive: true, force: true });
    // The cursor on a name, the editor focused: Shift+F10 opens its context menu there.
    await openInEditor(SAMPLE, { line: 1, column: 20 });

    const without = await until(async () => {
      const menu = await editorContextMenu();
      return menu.corpusLens.includes('Change Entity Type…') ? menu : undefined;
    }, 'the Corpus Lens submenu');
    assert.ok(without.top.includes('Corpus Lens'), without.top.join(' | '));
    for (const item of ['Change Entity Type…', 'Not an Entity', 'Show All Mentions of Entity', 'Undo Last Correction']) {
      assert.ok(!without.top.includes(item), `"${item}" is not at the top level: ${without.top.join(' | ')}`);
    }
    assert.ok(!without.corpusLens.includes('Undo Last Correction'), `nothing to undo: ${without.corpusLens.join(' | ')}`);

    fs.mkdirSync(path.join(workspaceDir(), '.corpus-lens'), { recursive: true });
    const retype = { version: 1, corrections: [{ op: 'retype', entity: 'ORG:tass', type: 'MISC' }] };
    fs.writeFileSync(path.join(workspaceDir(), CORRECTIONS), JSON.stringify(retype));
    await until(async () => (await editorContextMenu()).corpusLens.includes('Undo Last Correction'), 'Undo Last Correction in the submenu');
  });
});
