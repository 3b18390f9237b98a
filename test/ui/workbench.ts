// One Chromium page on the code-server workbench, shared by the UI specs (mocha root hooks),
// and the small DOM helpers they need. The server is started by test/harness/run-ui.js.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const browser = require('../harness/browser');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cfg = require('../harness/config');

let page: Page;
let close: (() => Promise<void>) | undefined;

export function workbench(): Page {
  return page;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120000);
    const url = process.env.CORPUS_LENS_UI_URL;
    if (!url) throw new Error('CORPUS_LENS_UI_URL is not set: run the UI tests with npm run test:ui');
    ({ page, close } = await browser.launch());
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  },
  async afterEach(this: Mocha.Context) {
    const t = this.currentTest;
    if (t?.state === 'failed' && page) {
      fs.mkdirSync(cfg.OUT, { recursive: true });
      await page.screenshot({ path: path.join(cfg.OUT, `ui-fail-${t.title.replace(/\W+/g, '_')}.png`) }).catch(() => {});
    }
  },
  async afterAll() {
    await close?.();
  },
};

/** The Corpus Lens entry of the activity bar. */
export function activityEntry(): Locator {
  return page.locator('.activitybar [aria-label^="Corpus Lens"]').first();
}

/** Rows of the tree views in the side bar. */
export function treeRows(): Locator {
  return page.locator('.sidebar .monaco-list-row[role=treeitem]');
}

/** Shows the Entities view (clicking the activity bar entry only when it is not showing: a click would hide it). */
export async function showEntitiesView(): Promise<void> {
  await activityEntry().waitFor({ timeout: 60000 });
  // With a single view the side bar's title names it; give a restoring workbench a moment to show it.
  const title = page
    .locator('.sidebar .composite.title')
    .filter({ hasText: /Entities/i })
    .first();
  // A loaded machine can take long to restore the side bar: a click while it is on its way would hide it.
  if (
    !(await title.waitFor({ timeout: 20000 }).then(
      () => true,
      () => false,
    ))
  ) {
    await activityEntry().click();
  }
  await treeRows().filter({ hasText: 'PERSON' }).first().waitFor({ timeout: 60000 });
}

/** Runs a command through the command palette by its title. */
export async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The workspace folder the workbench has open (set by test/harness/run-ui.js). */
export function workspaceDir(): string {
  const dir = process.env.CORPUS_LENS_UI_WORKSPACE;
  if (!dir) throw new Error('CORPUS_LENS_UI_WORKSPACE is not set: run the UI tests with npm run test:ui');
  return dir;
}

/** Polls `check` until it returns a truthy value (errors count as "not yet"). */
export async function until<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 30000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    last = await check().catch(e => e);
    if (last && !(last instanceof Error)) return last as T;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/**
 * Opens a workspace file with Quick Open in the first editor group (an earlier journey may leave the
 * Entity Explorer's group active) and, given a position, puts the cursor there with Go to Line.
 */
export async function openInEditor(file: string, at?: { line: number; column: number }): Promise<void> {
  const name = path.basename(file);
  await runCommand('View: Focus First Editor Group');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor();
  // Go to Line says "Open a text editor first" until the editor has the focus Quick Open hands back.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
  if (!at) return;
  await page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${at.line}:${at.column}`);
  await page.keyboard.press('Enter');
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${at.line}, Col ${at.column}` }).waitFor();
}
