// `npm run screenshots`: README pictures of the extension on the sample corpus, taken in the
// offline VS Code (code-server) with Chromium: the decorated sample with the Entities view, and
// the Entity Explorer panel. Writes media/screenshots/*.png (not shipped in the .vsix).
const fs = require('fs');
const path = require('path');
const cfg = require('../test/harness/config');
const codeServer = require('../test/harness/codeServer');
const browser = require('../test/harness/browser');
const { freshWorkspace, runDir } = require('../test/harness/workspace');
const { acquireRunLock } = require('../test/harness/lock');

const OUT = path.join(cfg.PROJECT, 'media', 'screenshots');

async function main() {
  require('../test/harness/setup').setup();
  await acquireRunLock();
  require('child_process').execFileSync(process.execPath, ['esbuild.js'], { cwd: cfg.PROJECT, stdio: 'inherit' });
  const workspace = freshWorkspace('workspace-screenshots');
  const server = await codeServer.start(runDir('state-screenshots'));
  const { page, close } = await browser.launch();
  try {
    await page.setViewportSize({ width: 1400, height: 800 });
    await page.goto(codeServer.workbenchUrl(server.url, workspace, { extensionDevelopmentPath: cfg.PROJECT }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.activitybar [aria-label^="Corpus Lens"]').first().click();
    await page.locator('.sidebar .monaco-list-row[role=treeitem]').filter({ hasText: 'PERSON' }).first().waitFor({ timeout: 60000 });
    // Open the sample through Quick Open, then expand PERSON → Xi Jinping.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('000_a4262604377c852d.txt');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.view-overlays .cdr').first().waitFor({ timeout: 30000 });
    await page.locator('.sidebar .monaco-list-row[role=treeitem]').filter({ hasText: 'PERSON' }).first().click();
    await page.locator('.sidebar .monaco-list-row[role=treeitem]').filter({ hasText: 'Xi Jinping' }).first().click();
    await page.locator('.sidebar .monaco-list-row[role=treeitem]').filter({ hasText: /^L\d/ }).first().waitFor().catch(() => {});
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'editor-and-tree.png') });

    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Corpus Lens: Open Entity Explorer');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Open Entity Explorer' }).first().waitFor();
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('input[type=search], input').first().fill('putin');
    await frame.locator('.grid-body [role=row]').first().click();
    await frame.locator('[role=option]').first().waitFor({ timeout: 15000 }).catch(() => {});
    await page.screenshot({ path: path.join(OUT, 'entity-explorer.png') });
    console.log(`screenshots written to ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await close();
    await server.stop();
  }
}

main().then(() => process.exit(0), e => { console.error(e); process.exit(1); });
