// `npm run screenshots`: README pictures of the extension on the sample corpus (and four dated
// rotations of it, for the charts), taken in the offline VS Code (code-server) with Chromium: the
// decorated sample with the Entities view, the Entity Explorer panel and each of its analytics
// tabs. Writes media/screenshots/*.png (not shipped in the .vsix).
//
// `npm run screenshots -- --theme=light,dark,hc,hc-light` (or `--theme=all`) takes them in those
// colour themes instead of the default one, as NAME-THEME.png.
const fs = require('fs');
const path = require('path');
const cfg = require('../test/harness/config');
const codeServer = require('../test/harness/codeServer');
const browser = require('../test/harness/browser');
const { freshWorkspace, runDir } = require('../test/harness/workspace');
const { acquireRunLock } = require('../test/harness/lock');

const OUT = path.join(cfg.PROJECT, 'media', 'screenshots');
const THEMES = {
  light: 'Default Light Modern',
  dark: 'Default Dark Modern',
  hc: 'Default High Contrast',
  'hc-light': 'Default High Contrast Light',
};

/** The themes asked for: [suffix, theme name] pairs; one unnamed pair for the default theme. */
function themesArg(argv) {
  const arg = argv.find(a => a.startsWith('--theme='));
  if (!arg) return [['', undefined]];
  const names = arg.slice('--theme='.length).split(',');
  const keys = names.includes('all') ? Object.keys(THEMES) : names;
  for (const key of keys) if (!THEMES[key]) throw new Error(`unknown theme ${key}: one of ${Object.keys(THEMES).join(', ')}, all`);
  return keys.map(key => [`-${key}`, THEMES[key]]);
}

async function shoot(page, url, suffix) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.activitybar [aria-label^="Corpus Lens"]').first().click();
  await page.locator('.sidebar .monaco-list-row[role=treeitem]').filter({ hasText: 'PERSON' }).first().waitFor({ timeout: 60000 });
  // Open the sample through Quick Open, then expand PERSON → Xi Jinping.
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill('000_a4262604377c852d.txt');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.view-overlays .cdr').first().waitFor({ timeout: 30000 });
  const person = page.locator('.sidebar .monaco-list-row[role=treeitem]').filter({ hasText: 'PERSON' }).first();
  if ((await person.getAttribute('aria-expanded')) !== 'true') await person.click();
  const xi = page.locator('.sidebar .monaco-list-row[role=treeitem]').filter({ hasText: 'Xi Jinping' }).first();
  if ((await xi.getAttribute('aria-expanded')) !== 'true') await xi.click();
  await page
    .locator('.sidebar .monaco-list-row[role=treeitem]')
    .filter({ hasText: /^L\d/ })
    .first()
    .waitFor()
    .catch(() => {});
  await page.screenshot({ path: path.join(OUT, `editor-and-tree${suffix}.png`) });

  await runCommand(page, 'Corpus Lens: Open Entity Explorer');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('input[type=search], input').first().fill('jinping');
  await frame.locator('.grid-body [role=row]').first().click();
  await frame
    .locator('[role=option]')
    .first()
    .waitFor({ timeout: 15000 })
    .catch(() => {});
  await frame.locator('input[type=search], input').first().fill('');
  // The status line is rewritten once typing settles.
  const status = frame.locator('#status');
  const settled = async () => ((await status.textContent()) ?? '').startsWith(`${await status.getAttribute('data-count')} of`);
  for (let i = 0; i < 50 && !(await settled()); i++) await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(OUT, `entity-explorer${suffix}.png`) });
  if (!suffix) await shootCharts(page, frame);
  // Close the editors, so that the next theme starts as this one did.
  await runCommand(page, 'View: Close All Editors');
}

/** Each analytics tab of the Entity Explorer with Xi Jinping selected: media/screenshots/chart-TAB.png. */
async function shootCharts(page, frame) {
  // The panel alone: no side bar, its editor group maximised (both toggled back at the end).
  const toggles = ['View: Toggle Primary Side Bar Visibility', 'View: Toggle Maximize Editor Group'];
  for (const title of toggles) await runCommand(page, title);
  await frame.locator('input[type=search], input').first().fill('xi jinping');
  await frame.locator('.grid-body [role=row]').filter({ hasText: 'Xi Jinping' }).first().click();
  for (const tab of await frame.locator('[role=tab]').evaluateAll(tabs => tabs.map(t => t.id.replace(/^tab-/, '')))) {
    if (tab === 'concordance') continue;
    // The network is of the entities the list shows: all of them, Xi Jinping still selected.
    if (tab === 'network') await frame.locator('input[type=search], input').first().fill('');
    await frame.locator(`#tab-${tab}`).click();
    const summary = frame.locator(`#tabpanel-${tab} .pane-summary`).first();
    for (let i = 0; i < 100 && /^Select|^$/.test(((await summary.textContent()) ?? '').trim()); i++) await page.waitForTimeout(100);
    await page.waitForTimeout(1500); // a chart's layout and animation settle
    await page.screenshot({ path: path.join(OUT, `chart-${tab}.png`) });
  }
  await frame.locator('#tab-concordance').click();
  for (const title of toggles) await runCommand(page, title);
}

/** Runs a command from the palette; F1 again when focus was in a webview that kept the key. */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  for (let tries = 1; ; tries++) {
    await page.keyboard.press('F1');
    if (
      await input.waitFor({ state: 'visible', timeout: 5000 }).then(
        () => true,
        () => false,
      )
    ) {
      break;
    }
    if (tries === 3) throw new Error(`the command palette did not open to run ${title}`);
  }
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/**
 * Four more documents for the charts to have something to show: the sample's sentences rotated,
 * dated a month apart after it (the sample is dated 2023-01-31).
 */
function addDatedCopies(workspace) {
  const sample = fs.readFileSync(path.join(workspace, 'seeds', '000_a4262604377c852d.txt'), 'utf8');
  const sentences = sample.replace(/^\s*date \S+\s*/, '').split(/(?<=\.)\s+/);
  ['2023-02-14', '2023-03-09', '2023-04-20', '2023-05-02'].forEach((date, i) => {
    const k = ((i + 1) * 7) % sentences.length;
    const text = [`date ${date}`, ...sentences.slice(k), ...sentences.slice(0, k)].join(' ');
    fs.writeFileSync(path.join(workspace, 'seeds', `copy-${date}.txt`), text);
  });
}

async function main() {
  const themes = themesArg(process.argv.slice(2));
  require('../test/harness/setup').setup();
  await acquireRunLock();
  require('child_process').execFileSync(process.execPath, ['esbuild.js'], { cwd: cfg.PROJECT, stdio: 'inherit' });
  const workspace = freshWorkspace('workspace-screenshots');
  addDatedCopies(workspace);
  const server = await codeServer.start(runDir('state-screenshots'));
  const { page, close } = await browser.launch();
  try {
    await page.setViewportSize({ width: 1400, height: 800 });
    fs.mkdirSync(OUT, { recursive: true });
    const url = codeServer.workbenchUrl(server.url, workspace, { extensionDevelopmentPath: cfg.PROJECT });
    for (const [suffix, theme] of themes) {
      const settings = path.join(workspace, '.vscode', 'settings.json');
      fs.mkdirSync(path.dirname(settings), { recursive: true });
      fs.writeFileSync(settings, JSON.stringify(theme ? { 'workbench.colorTheme': theme } : {}, null, 2));
      await shoot(page, url, suffix);
    }
    console.log(`screenshots written to ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);
