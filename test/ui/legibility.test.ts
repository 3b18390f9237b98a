// Issue #17, items 5, 6, 7, 9 and 10, in Chromium: the type colours (chips, tree icons, quick pick),
// high-contrast themes, numbers hidden at first, the Entity Explorer's layout and its keyboard.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, FrameLocator } from 'playwright-core';
import { activityEntry, openInEditor, runCommand, treeRows, until, workbench, workspaceDir } from './workbench';

type Rgba = [number, number, number, number];
const SAMPLE = '000_a4262604377c852d.txt';

function explorer(): FrameLocator {
  return workbench().frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function explorerFrame(): Promise<Frame> {
  const outer = await (await workbench().locator('iframe.webview.ready').elementHandle())!.contentFrame();
  return (await (await outer!.locator('#active-frame').elementHandle())!.contentFrame())!;
}

/** A computed CSS colour (`rgb(…)`, `rgba(…)` or `#rrggbb[aa]`) as numbers, alpha 0-1. */
function rgba(css: string): Rgba {
  const hex = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(css.trim());
  if (hex) return [0, 2, 4].map(i => parseInt(hex[1].slice(i, i + 2), 16)).concat(hex[2] ? parseInt(hex[2], 16) / 255 : 1) as Rgba;
  const m = /rgba?\(([^)]+)\)/.exec(css);
  assert.ok(m, `a colour: ${css}`);
  const [r, g, b, a] = m[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r, g, b, a ?? 1];
}

function over([r, g, b, a]: Rgba, base: Rgba): Rgba {
  return [r * a + base[0] * (1 - a), g * a + base[1] * (1 - a), b * a + base[2] * (1 - a), 1];
}

function contrast(x: Rgba, y: Rgba): number {
  const lum = ([r, g, b]: Rgba) =>
    [r, g, b]
      .map(c => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
      .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

function setTheme(theme: string | undefined): void {
  const file = path.join(workspaceDir(), '.vscode', 'settings.json');
  const settings = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (theme) settings['workbench.colorTheme'] = theme;
  else delete settings['workbench.colorTheme'];
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** A fresh Entity Explorer (no saved state) beside the sample, at its default width. */
async function openFreshExplorer(): Promise<void> {
  const page = workbench();
  await page.keyboard.press('Escape'); // a hover left by an earlier spec
  await runCommand('View: Close All Editors');
  await page
    .locator('iframe.webview')
    .waitFor({ state: 'detached', timeout: 20000 })
    .catch(() => {});
  await openInEditor(SAMPLE);
  await runCommand('Corpus Lens: Open Entity Explorer');
  await explorer().locator('.chip').first().waitFor({ timeout: 30000 });
}

async function waitForCount(check: (n: number) => boolean, what: string): Promise<number> {
  return until(
    async () => {
      const n = Number(await explorer().locator('#status').getAttribute('data-count'));
      return check(n) ? n : undefined;
    },
    what,
    20000,
  );
}

/** A description of the element that has the focus in the explorer. */
function focused(): Promise<string> {
  return explorer()
    .locator('body')
    .evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}` : 'none';
    });
}

describe('legibility and keyboard (#17, UI)', () => {
  before(async () => {
    await activityEntry().waitFor({ timeout: 60000 });
    await openFreshExplorer();
  });

  it('#17.10 opening the panel focuses the search box', async () => {
    assert.strictEqual(await focused(), 'input#search.search');
  });

  it('#17.7 lists named entities and dates at first; numbers and ordinals are one click away', async () => {
    const chip = (type: string) => explorer().locator(`.chip[data-type="${type}"]`);
    for (const type of ['PERSON', 'ORG', 'PLACE', 'DATE']) assert.strictEqual(await chip(type).getAttribute('aria-pressed'), 'true', type);
    for (const type of ['CARDINAL', 'ORDINAL']) assert.strictEqual(await chip(type).getAttribute('aria-pressed'), 'false', type);
    const before = await waitForCount(n => n > 0, 'rows');
    const types = await explorer().locator('.grid-body .col-type').allTextContents();
    assert.ok(!types.some(t => /CARDINAL|ORDINAL|DURATION/.test(t)), `no numbers listed: ${types.join(' ')}`);
    const cardinals = Number(await chip('CARDINAL').locator('.chip-count').textContent());
    await chip('CARDINAL').click();
    await waitForCount(n => n === before + cardinals, 'the numbers shown');
    await chip('CARDINAL').click();
    await waitForCount(n => n === before, 'the numbers hidden again');
  });

  it('#17.5 chips, type cells, tree icons and the quick pick show each type in its own colour', async () => {
    const frame = await explorerFrame();
    const colours = await frame.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll<HTMLElement>('.chip')).map(chip => [
          chip.dataset.type,
          getComputedStyle(chip.querySelector('.swatch')!).backgroundColor,
        ]),
      ),
    );
    for (const [a, b] of [
      ['ORG', 'DATE'],
      ['NORP', 'PERSON'],
      ['PERSON', 'ORG'],
      ['PLACE', 'DATE'],
    ]) {
      assert.ok(colours[a] && colours[b] && colours[a] !== colours[b], `${a} ${colours[a]} vs ${b} ${colours[b]}`);
    }
    const expected = await frame.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--vscode-corpusLens-person.foreground'),
    );
    assert.deepStrictEqual(rgba(colours.PERSON).slice(0, 3), rgba(expected).slice(0, 3), 'the chip shows the theme colour');
    const cell = explorer().locator('.grid-body .col-type', { hasText: 'PERSON' }).first().locator('.swatch');
    assert.strictEqual(await cell.evaluate(e => getComputedStyle(e).backgroundColor), colours.PERSON);

    // The Entities view's type rows.
    const page = workbench();
    const typeRow = (type: string) =>
      treeRows()
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${type}$`) }) })
        .first();
    if (!(await treeRows().first().isVisible())) await activityEntry().click();
    await treeRows().first().waitFor();
    if (!(await typeRow('ORG').isVisible())) await runCommand('Corpus Lens: Clear Entities Filter'); // left by an earlier spec
    await typeRow('PERSON').waitFor();
    await typeRow('ORG').waitFor();
    const icon = async (type: string) =>
      rgba(
        await typeRow(type)
          .locator('.custom-view-tree-node-item-icon')
          .evaluate(e => getComputedStyle(e).color),
      );
    assert.deepStrictEqual((await icon('PERSON')).slice(0, 3), rgba(colours.PERSON).slice(0, 3), 'PERSON icon in the PERSON colour');
    assert.notDeepStrictEqual(await icon('ORG'), await icon('PERSON'));

    // Choose Decorated Entity Types: a swatch per type.
    await runCommand('Corpus Lens: Choose Decorated Entity Types');
    const pickRow = (type: string) =>
      page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${type}$`) }) })
        .first();
    await pickRow('PERSON').waitFor();
    // The swatch is an SVG disc (data URI) in the type's colour for the current kind of theme.
    const swatchColour = async (type: string) => {
      const image = await pickRow(type)
        .locator('.quick-input-list-icon')
        .evaluate(e => getComputedStyle(e).backgroundImage);
      const base64 = /base64,([^"')]+)/.exec(image)?.[1];
      assert.ok(base64, `${type}: an SVG swatch (${image.slice(0, 80)})`);
      return /fill="(#[0-9a-f]{6})"/.exec(Buffer.from(base64, 'base64').toString())![1];
    };
    const [person, org, date, norp] = await Promise.all(['PERSON', 'ORG', 'DATE', 'NORP'].map(swatchColour));
    assert.deepStrictEqual(rgba(person).slice(0, 3), rgba(colours.PERSON).slice(0, 3));
    assert.ok(new Set([person, org, date, norp]).size === 4, `ORG ${org}, DATE ${date}, NORP ${norp}, PERSON ${person}`);
    await page.keyboard.press('Escape');
  });

  it("#17.10 Tab order: search, the chips as one stop (arrows move), the date filter, export, headers, rows, the lower pane's tabs and tools, concordance; Escape clears the search", async () => {
    await explorer().locator('#search').focus();
    const stops: string[] = [];
    while (stops.length < 24 && stops[stops.length - 1] !== 'div#concordance.kwic') {
      await workbench().keyboard.press('Tab');
      stops.push(await focused());
    }
    assert.match(stops[0], /^button\.chip/);
    // The concordance's Save CSV is a stop only while it is enabled (an entity selected), as is the
    // date filter's Clear (a range set); a date input is a stop per field (month, day, year...).
    assert.deepStrictEqual(
      stops
        .slice(1)
        .filter(
          (stop, i, all) => stop !== 'button#concordance-export.pane-button' && !(stop.startsWith('input#date-') && stop === all[i - 1]),
        ),
      [
        'input#date-from.date-input',
        'input#date-to.date-input',
        'select#export-format.export-format',
        'button#export.export',
        'button.sort-button',
        'div#entity-grid.entity-grid',
        'button#tab-concordance.tab',
        'select#concordance-sort.pane-select',
        'select#context-width.pane-select',
        'div#concordance.kwic',
      ],
    );
    await workbench().keyboard.press('Shift+Tab');
    assert.strictEqual(await focused(), stops[stops.length - 2], 'Shift+Tab from the concordance goes back to the stop before it');

    const first = await explorer().locator('.chip').first().getAttribute('data-type');
    const second = await explorer().locator('.chip').nth(1).getAttribute('data-type');
    await explorer().locator(`.chip[data-type="${first}"]`).focus();
    await workbench().keyboard.press('ArrowRight');
    assert.strictEqual(
      await explorer()
        .locator('body')
        .evaluate(() => (document.activeElement as HTMLElement).dataset.type),
      second,
    );
    assert.deepStrictEqual(await explorer().locator('.chip[tabindex="0"]').count(), 1);

    await explorer().locator('#search').fill('xi');
    await waitForCount(n => n >= 1, 'a match');
    await explorer().locator('#search').press('Escape');
    assert.strictEqual(await explorer().locator('#search').inputValue(), '');
  });

  it('#17.10 Left/Right move between cells, rows are read with column names, sort headers are named without the arrow', async () => {
    const grid = explorer().locator('[role=grid]');
    await grid.focus();
    await workbench().keyboard.press('Home');
    const rowId = await grid.getAttribute('aria-activedescendant');
    assert.ok(rowId);
    await workbench().keyboard.press('ArrowRight');
    await workbench().keyboard.press('ArrowRight');
    const cellId = await grid.getAttribute('aria-activedescendant');
    assert.strictEqual(cellId, `${rowId}-1`);
    assert.strictEqual(await explorer().locator(`[id="${cellId}"]`).getAttribute('role'), 'gridcell');
    await workbench().keyboard.press('ArrowLeft');
    await workbench().keyboard.press('ArrowLeft');
    assert.strictEqual(await grid.getAttribute('aria-activedescendant'), rowId);

    const label = (await explorer().locator(`[id="${rowId}"]`).getAttribute('aria-label')) ?? '';
    assert.match(label, /, type [A-Z]+, \d+ mentions, \d+ documents, (aliases .+|no aliases)$/);
    assert.strictEqual(await explorer().getByRole('button', { name: 'Mentions', exact: true }).count(), 1);
    assert.strictEqual(await explorer().locator('[role=columnheader].col-mentions').getAttribute('aria-sort'), 'descending');
  });

  it('#17.10 the status line is written once, when typing settles', async () => {
    const frame = await explorerFrame();
    await frame.evaluate(() => {
      const w = window as unknown as { statusWrites: number };
      w.statusWrites = 0;
      new MutationObserver(() => w.statusWrites++).observe(document.getElementById('status')!, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await explorer().locator('#search').pressSequentially('vlad', { delay: 60 });
    const n = await waitForCount(count => count >= 1 && count < 10, 'a few matches');
    await workbench().waitForTimeout(900);
    assert.strictEqual(await frame.evaluate(() => (window as unknown as { statusWrites: number }).statusWrites), 1);
    assert.match((await explorer().locator('#status').textContent()) ?? '', new RegExp(`^${n} of \\d+ entities`));
  });

  it('#17.9 headers fit, rows are dense, KWIC lines have no gaps, export controls are themed', async () => {
    for (const header of await explorer().locator('[role=columnheader] .sort-button').all()) {
      const { label, width } = await header.evaluate(b => ({
        label: b.firstElementChild!.getBoundingClientRect().width,
        width: b.clientWidth,
      }));
      assert.ok(label <= width, `${await header.textContent()}: ${label} wide in ${width}`);
    }
    const row = await explorer().locator('.grid-body [role=row]').first().boundingBox();
    assert.ok(row && row.height <= 22, `row height ${row?.height}`);
    const [entities, concordance] = await Promise.all(
      ['.entities-pane', '.concordance-pane'].map(async s => (await explorer().locator(s).boundingBox())!),
    );
    assert.ok(
      entities.width < 1100 && entities.height > concordance.height * 1.3,
      `the entities get the larger share: ${entities.height} over ${concordance.height}`,
    );

    // Xi Jinping is mentioned as "Xi Jinping", "Xi" and "Jinping": mentions of different widths.
    await explorer().locator('#search').fill('jinping');
    await explorer().locator('.grid-body [role=row]', { hasText: 'Xi Jinping' }).first().click();
    await explorer().locator('.kwic-line').nth(2).waitFor();
    const gaps = await (
      await explorerFrame()
    ).evaluate(() =>
      Array.from(document.querySelectorAll('.kwic-line')).map(line => {
        const [left, mention, right] = ['.kwic-left', '.kwic-mention', '.kwic-right'].map(s =>
          line.querySelector(s)!.getBoundingClientRect(),
        );
        return [mention.left - left.right, right.left - mention.right];
      }),
    );
    assert.ok(new Set(await explorer().locator('.kwic-mention').allTextContents()).size > 1, 'mentions of different forms');
    for (const [before, after] of gaps) assert.ok(Math.abs(before) < 1 && Math.abs(after) < 1, `gaps ${before}, ${after}`);

    const themed = await (
      await explorerFrame()
    ).evaluate(() => {
      const css = getComputedStyle(document.documentElement);
      return {
        select: getComputedStyle(document.getElementById('export-format')!).backgroundColor,
        dropdown: css.getPropertyValue('--vscode-dropdown-background'),
        button: getComputedStyle(document.getElementById('export')!).backgroundColor,
        buttonTheme: css.getPropertyValue('--vscode-button-background'),
      };
    });
    assert.deepStrictEqual(rgba(themed.select), rgba(themed.dropdown));
    assert.deepStrictEqual(rgba(themed.button), rgba(themed.buttonTheme));
  });

  for (const theme of ['Default Light+', 'Default High Contrast', 'Default High Contrast Light']) {
    it(`#17.6 ${theme}: the KWIC keyword is readable, the selection shows unfocused, the search box has a border`, async () => {
      setTheme(theme);
      await explorer().locator('#search').fill('jinping');
      await explorer().locator('.grid-body [role=row]', { hasText: 'Xi Jinping' }).first().click();
      await explorer().locator('.kwic-line.active').waitFor();
      const frame = await explorerFrame();
      const kind =
        theme === 'Default Light+' ? 'vscode-light' : theme.endsWith('Light') ? 'vscode-high-contrast-light' : 'vscode-high-contrast';
      await until(() => frame.evaluate(k => document.body.classList.contains(k), kind), `the ${theme} theme in the panel`);
      await explorer().locator('#search').focus(); // the selected row and line lose the focus
      const seen = await frame.evaluate(() => {
        // (No helper functions in here: the test runner's transpiler would name them with a `__name` the page lacks.)
        const mention = getComputedStyle(document.querySelector('.kwic-line.active .kwic-mention')!);
        const row = getComputedStyle(document.querySelector('.grid-body .row.selected')!);
        const search = getComputedStyle(document.getElementById('search')!);
        return {
          page: getComputedStyle(document.body).backgroundColor,
          text: mention.color,
          mark: mention.backgroundColor,
          row: row.backgroundColor,
          rowOutline: row.outlineStyle === 'none' ? 'rgba(0, 0, 0, 0)' : row.outlineColor,
          border: search.borderTopColor,
          input: search.backgroundColor,
        };
      });
      const page = rgba(seen.page);
      const mark = over(rgba(seen.mark), page);
      assert.ok(
        contrast(rgba(seen.text), mark) >= 4.5,
        `keyword ${seen.text} on ${seen.mark}: ${contrast(rgba(seen.text), mark).toFixed(2)}`,
      );
      const rowShows =
        contrast(over(rgba(seen.row), page), page) >= 1.1 || (rgba(seen.rowOutline)[3] > 0 && contrast(rgba(seen.rowOutline), page) >= 3);
      assert.ok(rowShows, `selected row ${seen.row}, outline ${seen.rowOutline} on ${seen.page}`);
      const border = rgba(seen.border);
      assert.ok(
        border[3] > 0 && contrast(over(border, page), over(rgba(seen.input), page)) >= 1.3,
        `search border ${seen.border} by ${seen.input}`,
      );
    });
  }

  after(() => setTheme(undefined));
});
