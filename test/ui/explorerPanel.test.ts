// The Entity Explorer panel in Chromium: search, select, KWIC, jump to a mention, type chips, and
// a hostile document whose text must be shown literally and run nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, FrameLocator } from 'playwright-core';
import { STOP_WORDS } from '../../src/core/analytics/words';
import { analyzeDocument } from '../../src/core/recognition/analyzer';
import { activityEntry, runCommand, until, workbench, workspaceDir } from './workbench';

const SAMPLE = path.join('seeds', '000_a4262604377c852d.txt');
const PUTIN = 'PERSON:vladimir putin';
const XI = 'PERSON:xi jinping';
const PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">';
const PAYLOAD_SCRIPT = '<script>window.__pwned=1</script>';
/** A very long name: a run of 30 capitalised words (tokens over 200 characters are not analysed, so no long URL). */
// One long token (a hashtag of 181 characters): a long name whatever the recogniser does with runs of names.
const LONG_TAG = `#${Array.from({ length: 10 }, (_, i) => `Bartholomew${String.fromCharCode(65 + i)}ington`).join('')}`;
const HOSTILE_TEXT = [
  'Hostile test document.',
  '',
  `Mayor Maria Quillfeather wrote ${PAYLOAD_IMG} and ${PAYLOAD_SCRIPT} in her blog.`,
  'See https://evil.example/<img/src=x/onerror=window.__pwned=1> and [x](command:workbench.action.quit) or javascript:window.__pwned=1 today.',
  `Yesterday ${LONG_TAG} arrived in Paris.`,
  '',
].join('\n');

/** The DOM of the (only) webview: VS Code nests the page in an iframe inside an iframe. */
function explorer(): FrameLocator {
  return workbench().frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** The same page as a Frame, to evaluate script in it. */
async function explorerFrame(): Promise<Frame> {
  const outer = await (await workbench().locator('iframe.webview.ready').elementHandle())!.contentFrame();
  const inner = await (await outer!.locator('#active-frame').elementHandle())!.contentFrame();
  return inner!;
}

function rows() {
  return explorer().locator('.grid-body [role=row]');
}

function row(name: string) {
  return rows().filter({ has: explorer().locator('.col-name', { hasText: name }) });
}

async function rowCount(): Promise<number> {
  return Number(await explorer().locator('#status').getAttribute('data-count'));
}

async function waitForRowCount(check: (n: number) => boolean, what: string): Promise<number> {
  const status = explorer().locator('#status');
  const started = Date.now();
  for (;;) {
    const raw = await status.getAttribute('data-count');
    const n = raw === null ? NaN : Number(raw);
    if (!Number.isNaN(n) && check(n)) return n;
    if (Date.now() - started > 20000) throw new Error(`timed out waiting for ${what} (row count ${raw})`);
    await workbench().waitForTimeout(50);
  }
}

async function search(text: string): Promise<void> {
  const box = explorer().locator('#search');
  await box.fill(text);
}

/** "Ln L, Col C" of an offset, as the status bar counts (1-based, UTF-16, no tabs in the sample). */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `Ln ${before.length}, Col ${before[before.length - 1].length + 1}`;
}

describe('Entity Explorer panel (explorer, UI)', () => {
  before(async () => {
    await activityEntry().waitFor({ timeout: 60000 });
  });

  it('opens from the command palette; search, select, and a concordance line jumps the editor to that mention', async () => {
    await runCommand('Corpus Lens: Open Entity Explorer');
    await explorer().locator('#search').waitFor({ timeout: 30000 });
    await search('putin');
    const putin = row('Vladimir Putin');
    await putin.waitFor({ timeout: 30000 });
    assert.strictEqual(await rowCount(), 1);
    assert.strictEqual((await putin.locator('.col-mentions').textContent())?.trim(), '2');
    assert.strictEqual((await putin.locator('.col-type').textContent())?.trim(), 'PERSON');

    await putin.click();
    assert.strictEqual(await putin.getAttribute('aria-selected'), 'true');
    const lines = explorer().locator('.kwic-line');
    await lines.nth(1).waitFor();
    assert.strictEqual(await lines.count(), 2);
    assert.deepStrictEqual(await lines.locator('.kwic-mention').allTextContents(), ['Vladimir Putin', 'Vladimir Putin']);
    // Grouped by document, with line numbers.
    assert.match((await explorer().locator('.kwic-doc').first().textContent()) ?? '', /000_a4262604377c852d\.txt/);

    // The second mention, computed from the file the workbench has open.
    const text = fs.readFileSync(path.join(workspaceDir(), SAMPLE), 'utf8');
    const first = text.indexOf('Vladimir Putin');
    const start = text.indexOf('Vladimir Putin', first + 1);
    assert.ok(first >= 0 && start > first, 'two mentions in the sample');
    const end = start + 'Vladimir Putin'.length;
    assert.strictEqual((await lines.nth(1).locator('.kwic-lineno').textContent())?.trim(), lineCol(text, start).split(',')[0].slice(3));

    await lines.nth(1).click();
    // The cursor sits at one end of the selection; either way the selection is exactly the mention.
    const expected = [start, end].map(o => `${lineCol(text, o)} (${end - start} selected)`);
    const selection = workbench().locator('[id="status.editor.selection"]');
    await workbench()
      .waitForFunction(
        wanted => wanted.includes(document.querySelector('[id="status.editor.selection"]')?.textContent?.trim() ?? ''),
        expected,
        { timeout: 20000 },
      )
      .catch(async () => {
        throw new Error(
          `status bar shows "${await selection.textContent().catch(() => '?')}", expected one of ${JSON.stringify(expected)}`,
        );
      });
    await workbench().locator('.tabs-container .tab.active', { hasText: '000_a4262604377c852d.txt' }).first().waitFor();
  });

  it('sorts the concordance by the first word right of the mention (R1) and cuts the context to the width chosen', async () => {
    await runCommand('Corpus Lens: Open Entity Explorer');
    await search('xi jinping');
    const xi = row('Xi Jinping');
    await xi.waitFor({ timeout: 30000 });
    await xi.click();
    const lines = explorer().locator('.kwic-line');
    const summary = explorer().locator('.concordance-summary');
    await until(async () => /^\d+ mentions/.test((await summary.textContent()) ?? ''), 'the concordance of Xi Jinping');
    const count = await lines.count();
    assert.ok(count >= 3, `${count} mentions of Xi Jinping`);

    await explorer().locator('#concordance-sort').selectOption('R1');
    await explorer().locator('#context-width').selectOption('20');
    await until(async () => /sorted by R1/.test((await summary.textContent()) ?? ''), 'the concordance sorted by R1');
    const rights = await until(async () => {
      const texts = await lines.locator('.kwic-right').allTextContents();
      return texts.length === count && texts.every(t => t.length <= 20) ? texts : undefined;
    }, 'right contexts of at most 20 characters');
    // The first word right of the mention, as the core's word rule reads it (lower-cased).
    const r1 = rights.map(t =>
      (/\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*)*/u.exec(t)?.[0] ?? '').toLowerCase().replace(/’/g, "'"),
    );
    assert.deepStrictEqual(r1, [...r1].sort(), `R1 words in order: ${JSON.stringify(r1)}`);
    assert.ok(
      r1.every(w => w !== ''),
      `every line has a word right of the mention: ${JSON.stringify(rights)}`,
    );

    // Back to document order and the default width, as the other tests expect.
    await explorer().locator('#concordance-sort').selectOption('doc');
    await explorer().locator('#context-width').selectOption('80');
    await until(async () => !/sorted by/.test((await summary.textContent()) ?? ''), 'document order again');
  });

  it('the Timeline tab (reached with the arrow keys) shows the mentions under the sample’s date, per day and per month', async () => {
    await search('xi jinping');
    const xi = row('Xi Jinping');
    await xi.waitFor({ timeout: 30000 });
    await xi.click();
    const concordanceTab = explorer().locator('#tab-concordance');
    const timelineTab = explorer().locator('#tab-timeline');
    assert.strictEqual(await concordanceTab.getAttribute('aria-selected'), 'true');
    await concordanceTab.focus();
    await workbench().keyboard.press('ArrowRight');
    assert.strictEqual(await timelineTab.getAttribute('aria-selected'), 'true');
    assert.strictEqual(await timelineTab.evaluate(el => el === document.activeElement), true, 'the focus moves to the tab');
    assert.ok(await explorer().locator('#tabpanel-timeline').isVisible());
    assert.ok(!(await explorer().locator('#tabpanel-concordance').isVisible()), 'one panel at a time');

    await explorer().locator('#timeline-by').selectOption('day');
    const day = explorer().locator('#timeline tbody tr[data-period="2023-01-31"]');
    await day.waitFor({ timeout: 20000 });
    assert.deepStrictEqual((await day.locator('th, td').allTextContents()).slice(0, 3), ['2023-01-31', '5', '1']);
    await explorer().locator('#timeline-by').selectOption('month');
    const month = explorer().locator('#timeline tbody tr[data-period="2023-01"]');
    await month.waitFor({ timeout: 20000 });
    assert.match(
      (await explorer().locator('#timeline-summary').textContent()) ?? '',
      /Xi Jinping: mentions in 1 month, 2023-01 to 2023-01/,
    );

    // Back to the concordance, with Home, as the other tests expect.
    await timelineTab.focus();
    await workbench().keyboard.press('Home');
    assert.strictEqual(await concordanceTab.getAttribute('aria-selected'), 'true');
  });

  it('the Timeline chart: series named in its legend, Save PNG, By resolved date, brushing sets the date filter and the counts and the dispersion (Save SVG) follow, a period opens its mentions', async () => {
    // Two more copies of the sample, dated February and March (the sample is of 2023-01-31).
    const folder = path.join(workspaceDir(), 'seeds', 'zz-dated');
    const text = fs.readFileSync(path.join(workspaceDir(), SAMPLE), 'utf8');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'feb.txt'), text.replace(/^\s*date 2023-01-31/, 'date 2023-02-15'));
    fs.writeFileSync(path.join(folder, 'mar.txt'), text.replace(/^\s*date 2023-01-31/, 'date 2023-03-15'));
    try {
      await search('xi jinping');
      const xi = row('Xi Jinping');
      await until(async () => (await xi.locator('.col-mentions').textContent())?.trim() === '15', 'Xi Jinping in the three copies');
      await xi.click();
      await explorer().locator('#tab-timeline').click();
      await explorer().locator('#timeline-by').selectOption('month');
      const chart = explorer().locator('#timeline-chart');
      const legend = () => chart.locator('.u-legend .u-series .u-label').allTextContents();
      await until(async () => (await legend()).includes('Xi Jinping'), 'Xi Jinping in the legend');
      assert.strictEqual(await chart.locator('canvas').count(), 1, 'a canvas');
      await explorer().locator('#timeline tbody tr[data-period="2023-03"]').waitFor();

      // Save PNG: the save dialog offers timeline.png in the workspace; Enter writes the chart there.
      const png = path.join(workspaceDir(), 'timeline.png');
      await explorer().locator('#timeline-png').click();
      const input = workbench().locator('.quick-input-widget input');
      await until(async () => (await input.inputValue()).endsWith('timeline.png'), 'the save dialog');
      await workbench().keyboard.press('Enter');
      await until(async () => fs.existsSync(png) && fs.statSync(png).size > 1000, 'timeline.png written');
      assert.deepStrictEqual([...fs.readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
      fs.rmSync(png);

      // Compare: pin Xi Jinping, select Putin: two series; remove Xi from the chart again.
      await explorer().locator('#timeline-pin').click();
      await search('putin');
      await row('Vladimir Putin').click();
      await until(async () => {
        const names = await legend();
        return names.includes('Vladimir Putin') && names.includes('Xi Jinping');
      }, 'both series in the legend');
      await explorer().locator('#timeline-pinned button', { hasText: 'Xi Jinping' }).click();
      await until(async () => !(await legend()).includes('Xi Jinping'), 'Xi Jinping off the chart');

      // By resolved date: one series over every date, the sample's 2022 among its periods.
      await explorer().locator('#timeline-of').selectOption('dates');
      await until(async () => (await legend()).includes('Every date'), 'the series of every date');
      await explorer().locator('#timeline tbody tr[data-period="2023-02"]').first().waitFor();
      await explorer().locator('#timeline-of').selectOption('documents');

      // Brush: drag across the chart from between January and February to past March.
      await search('xi jinping');
      await xi.click();
      await until(async () => !(await legend()).includes('Vladimir Putin') && (await legend()).includes('Xi Jinping'), 'Xi Jinping alone');
      const plot = chart.locator('.u-over');
      const box = (await plot.boundingBox())!;
      // Three periods on positions 0..2, the axis from -0.5 to 2.5.
      const at = (position: number) => box.x + ((position + 0.5) / 3) * box.width;
      const y = box.y + box.height / 2;
      await workbench().mouse.move(at(0.6), y);
      await workbench().mouse.down();
      await workbench().mouse.move(at(2.4), y, { steps: 8 });
      await workbench().mouse.up();
      assert.strictEqual(await explorer().locator('#date-from').inputValue(), '2023-02-01');
      assert.strictEqual(await explorer().locator('#date-to').inputValue(), '2023-03-31');
      await until(async () => (await xi.locator('.col-mentions').textContent())?.trim() === '10', 'ten mentions in February and March');
      assert.strictEqual((await xi.locator('.col-documents').textContent())?.trim(), '2');
      await until(
        async () => /in documents dated 2023-02-01 to 2023-03-31/.test((await explorer().locator('#status').textContent()) ?? ''),
        'the filter in the status line',
      );

      // The Dispersion tab follows the filter: February's and March's copies, not the sample.
      // Save SVG… writes that plot where the dialog says.
      await explorer().locator('#tab-dispersion').click();
      const dispersionRows = explorer().locator('#dispersion tbody tr');
      await until(
        async () =>
          /mentioned in 2 of 2 documents dated 2023-02-01 to 2023-03-31/.test(
            (await explorer().locator('#dispersion-summary').textContent()) ?? '',
          ),
        'the dispersion within the filter',
      );
      assert.deepStrictEqual(
        (await dispersionRows.locator('th').allTextContents()).map(label => path.basename(label)),
        ['feb.txt', 'mar.txt'],
      );
      const svg = path.join(workspaceDir(), 'dispersion-Xi-Jinping.svg');
      await explorer().locator('#dispersion-save').click();
      await until(async () => (await input.inputValue()).endsWith('dispersion-Xi-Jinping.svg'), 'the save dialog for the SVG');
      await workbench().keyboard.press('Enter');
      await until(async () => fs.existsSync(svg) && fs.readFileSync(svg, 'utf8').trimEnd().endsWith('</svg>'), 'the SVG written');
      const saved = fs.readFileSync(svg, 'utf8');
      fs.rmSync(svg);
      assert.ok(saved.includes('zz-dated/feb.txt') && saved.includes('zz-dated/mar.txt') && !saved.includes(SAMPLE), saved.slice(0, 300));
      await explorer().locator('#tab-timeline').click();

      // A click on February's point: its mentions in the concordance, then one in the editor.
      await until(async () => (await explorer().locator('#timeline tbody tr').count()) === 2, 'two months in the range');
      const box2 = (await plot.boundingBox())!;
      await workbench().mouse.click(box2.x + 0.25 * box2.width, box2.y + box2.height / 2);
      const summary = explorer().locator('.concordance-summary');
      await until(
        async () => /^5 mentions in 1 document, in documents dated 2023-02/.test((await summary.textContent()) ?? ''),
        'February’s mentions',
      );
      assert.strictEqual(await explorer().locator('#tab-concordance').getAttribute('aria-selected'), 'true');
      assert.match((await explorer().locator('.kwic-doc').first().textContent()) ?? '', /feb\.txt/);
      await explorer().locator('.kwic-line').first().click();
      await workbench().locator('.tabs-container .tab.active', { hasText: 'feb.txt' }).first().waitFor({ timeout: 20000 });

      // Enter on a table row does the same.
      await explorer().locator('#tab-timeline').click();
      const march = explorer().locator('#timeline tbody tr[data-period="2023-03"]');
      await march.focus();
      await workbench().keyboard.press('Enter');
      await until(async () => /in documents dated 2023-03/.test((await summary.textContent()) ?? ''), 'March’s mentions');
    } finally {
      await explorer()
        .locator('#date-clear')
        .click()
        .catch(() => undefined);
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await until(async () => (await row('Xi Jinping').locator('.col-mentions').textContent())?.trim() === '5', 'the copies gone');
  });

  it('the Dispersion tab has a row per document mentioning the entity, and a tick opens its mention in the editor', async () => {
    // A second document, so that the chart has two rows (removed at the end).
    const second = path.join(workspaceDir(), 'seeds', 'dispersion-second.txt');
    fs.writeFileSync(second, 'Talks in Moscow.\n\nVladimir Putin spoke first; later Vladimir Putin left.\n');
    await search('putin');
    const putin = row('Vladimir Putin');
    await putin.waitFor({ timeout: 30000 });
    await putin.click();
    await explorer().locator('#tab-dispersion').click();
    const summary = explorer().locator('#dispersion-summary');
    await until(
      async () => /Vladimir Putin: DP \d\.\d{3}.* mentioned in 2 of/.test((await summary.textContent()) ?? ''),
      'Putin in two documents',
    );
    const [, mentioning] = /mentioned in (\d+) of/.exec((await summary.textContent()) ?? '') ?? [];
    const rowsShown = explorer().locator('#dispersion tbody tr');
    assert.strictEqual(await rowsShown.count(), Number(mentioning), 'one row per document that mentions him');
    const sampleRow = rowsShown.filter({ hasText: '000_a4262604377c852d.txt' });
    const ticks = sampleRow.locator('.dispersion-tick');
    assert.strictEqual(await ticks.count(), 2, 'a tick per mention');

    // The ticks are one Tab stop; arrows move along a row and between rows.
    assert.strictEqual(await explorer().locator('#dispersion .dispersion-tick[tabindex="0"]').count(), 1, 'one tick in the Tab order');
    const focused = () => explorer().locator('.dispersion-tick:focus');
    await ticks.nth(0).focus();
    await workbench().keyboard.press('ArrowRight');
    assert.strictEqual(
      await focused().getAttribute('data-start'),
      await ticks.nth(1).getAttribute('data-start'),
      'Right: the next mention',
    );
    await workbench().keyboard.press('ArrowRight');
    assert.strictEqual(await focused().getAttribute('data-start'), await ticks.nth(1).getAttribute('data-start'), 'the last stays');
    await workbench().keyboard.press('Home');
    assert.strictEqual(await focused().getAttribute('data-start'), await ticks.nth(0).getAttribute('data-start'), 'Home: the first');
    const below = await sampleRow.evaluate(r => r.nextElementSibling !== null);
    await workbench().keyboard.press(below ? 'ArrowDown' : 'ArrowUp');
    assert.notStrictEqual(
      await focused().getAttribute('data-doc'),
      await ticks.nth(0).getAttribute('data-doc'),
      'Up or Down: another document',
    );
    assert.strictEqual(await explorer().locator('#dispersion .dispersion-tick[tabindex="0"]').count(), 1, 'still one Tab stop');

    const text = fs.readFileSync(path.join(workspaceDir(), SAMPLE), 'utf8');
    const start = text.indexOf('Vladimir Putin', text.indexOf('Vladimir Putin') + 1);
    const end = start + 'Vladimir Putin'.length;
    await ticks.nth(1).click();
    const expected = [start, end].map(o => `${lineCol(text, o)} (${end - start} selected)`);
    await until(
      async () => expected.includes((await workbench().locator('[id="status.editor.selection"]').textContent())?.trim() ?? ''),
      `the editor selecting the second mention (${expected[0]})`,
      20000,
    );
    fs.rmSync(second);
    await until(async () => /mentioned in 1 of/.test((await summary.textContent()) ?? ''), 'the chart without the removed document');
    await explorer().locator('#tab-concordance').click();
  });

  it('the Collocates tab lists words near the mentions, sorts by a column, and follows the window and stop words', async () => {
    await search('xi jinping');
    const xi = row('Xi Jinping');
    await xi.waitFor({ timeout: 30000 });
    await xi.click();
    await explorer().locator('#tab-collocates').click();
    const words = () => explorer().locator('#collocates tbody th').allTextContents();
    const first = await until(async () => {
      const found = await words();
      return found.length > 0 ? found : undefined;
    }, 'collocates of Xi Jinping');
    assert.ok(!first.some(w => STOP_WORDS.has(w)), `no stop words by default: ${first.join(', ')}`);
    assert.match((await explorer().locator('#collocates-summary').textContent()) ?? '', /within 5 words/);

    await explorer().locator('#collocates th[data-key="word"] button').click();
    const sorted = await words();
    assert.deepStrictEqual(sorted, [...sorted].sort(), 'sorted by word');
    assert.strictEqual(await explorer().locator('#collocates th[data-key="word"]').getAttribute('aria-sort'), 'ascending');

    await explorer().locator('#collocates-stopwords').check();
    await until(async () => (await words()).some(w => STOP_WORDS.has(w)), 'stop words listed once asked for');
    await explorer().locator('#collocates-stopwords').uncheck();
    await explorer().locator('#collocates-window').selectOption('1');
    await until(async () => /within 1 word,/.test((await explorer().locator('#collocates-summary').textContent()) ?? ''), 'a window of 1');
    await explorer().locator('#collocates-window').selectOption('5');

    // A collocate's row (Enter) lists the mentions it is near: each line holds the word.
    await until(async () => /within 5 words,/.test((await explorer().locator('#collocates-summary').textContent()) ?? ''), 'a window of 5');
    const collocate = explorer().locator('#collocates tbody tr').first();
    const word = (await collocate.getAttribute('data-word'))!;
    await collocate.focus();
    await workbench().keyboard.press('Enter');
    const summary = explorer().locator('.concordance-summary');
    await until(async () => ((await summary.textContent()) ?? '').includes(`with “${word}” within 5 words`), `the mentions near “${word}”`);
    assert.strictEqual(await explorer().locator('#tab-concordance').getAttribute('aria-selected'), 'true');
    const lines = await explorer()
      .locator('.kwic-line')
      .evaluateAll(els => els.map(e => (e.textContent ?? '').toLowerCase()));
    assert.ok(lines.length > 0 && lines.every(l => l.includes(word)), lines.join('\n'));
    assert.ok(await explorer().locator('#concordance-export').isDisabled(), 'Save CSV writes every mention, not these');
    await row('Xi Jinping').click();
    await until(async () => !((await summary.textContent()) ?? '').includes('within 5 words'), 'all the mentions again');
  });

  it('the Network tab: clicking the Vladimir Putin–Xi Jinping edge on the chart lists the sentences holding both, one opens the editor', async () => {
    await search('');
    await waitForRowCount(n => n > 2, 'all entities');
    // Cytoscape is created when the tab first draws: any CSP refusal from now on is its.
    await (
      await explorerFrame()
    ).evaluate(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', e => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await explorer().locator('#tab-network').click();
    const summary = explorer().locator('#network-summary');
    await until(async () => /edges weighted by log-likelihood \(G²\)/.test((await summary.textContent()) ?? ''), 'the network drawn');
    // The chart follows the type chips: people only, a sparse chart where the edge is clear of others.
    const persons = Number(await explorer().locator('.chip[data-type="PERSON"] .chip-count').textContent());
    const hidden: string[] = [];
    for (;;) {
      const chip = explorer().locator('.chip[aria-pressed="true"]:not([data-type="PERSON"])').first();
      if ((await chip.count()) === 0) break;
      hidden.push((await chip.getAttribute('data-type'))!);
      await chip.click();
    }
    await until(
      async () => ((await summary.textContent()) ?? '').startsWith(`${persons} entities,`),
      `the network of the ${persons} people`,
    );
    const edgeRow = explorer().locator(`#network-edges tbody tr[data-a="${PUTIN}"][data-b="${XI}"]`);
    await edgeRow.waitFor({ state: 'attached', timeout: 30000 });

    // Where the chart draws the edge (the view writes a point of its line no node covers into its
    // row once laid out): a click on the canvas there.
    const canvas = explorer().locator('#network-canvas');
    await canvas.scrollIntoViewIfNeeded();
    // The same point twice, 300 ms apart: the layout has settled.
    const point = async () => `${await edgeRow.getAttribute('data-x')},${await edgeRow.getAttribute('data-y')}`;
    const [x, y] = await until(async () => {
      const before = await point();
      await workbench().waitForTimeout(300);
      return /^[\d.]+,[\d.]+$/.test(before) && before === (await point()) ? before.split(',').map(Number) : undefined;
    }, 'a point of the edge on the canvas');
    const box = (await canvas.boundingBox())!;
    assert.ok(x > 0 && y > 0 && x < box.width && y < box.height, `(${x}, ${y}) inside the canvas ${box.width}×${box.height}`);
    await workbench().mouse.click(box.x + x, box.y + y);

    const title = explorer().locator('#network-sentences-title');
    await until(
      async () => /^Vladimir Putin and Xi Jinping: \d+ sentences? holding both/.test((await title.textContent()) ?? ''),
      'the shared sentences',
    );
    const violations = await (await explorerFrame()).evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    assert.deepStrictEqual(violations, [], 'the chart runs under the CSP');
    const lines = explorer().locator('#network-sentences .kwic-line');
    assert.ok((await lines.count()) >= 1);
    for (const marks of await Promise.all((await lines.all()).map(l => l.locator('.kwic-mention').allTextContents()))) {
      assert.ok(marks.some(m => /Putin/.test(m)) && marks.some(m => /Xi|Jinping/.test(m)), `both marked: ${marks.join(' | ')}`);
    }
    assert.match((await edgeRow.getAttribute('class')) ?? '', /chosen/, 'its row marked as the chosen edge');

    // Its mention of Putin opens the editor on it.
    const text = fs.readFileSync(path.join(workspaceDir(), SAMPLE), 'utf8');
    const putinMark = lines.first().locator('.kwic-mention', { hasText: 'Vladimir Putin' }).first();
    const start = Number(await putinMark.getAttribute('data-start'));
    const end = start + 'Vladimir Putin'.length;
    assert.strictEqual(text.slice(start, end), 'Vladimir Putin');
    await putinMark.click();
    const expected = [start, end].map(o => `${lineCol(text, o)} (${end - start} selected)`);
    await until(
      async () => expected.includes((await workbench().locator('[id="status.editor.selection"]').textContent())?.trim() ?? ''),
      `the editor selecting Putin (${expected[0]})`,
      20000,
    );
    for (const type of hidden) await explorer().locator(`.chip[data-type="${type}"]`).click();
  });

  it('the Network tab by keyboard: Enter on an edge row lists its sentences, Enter on one opens its first mention; Save PNG asks where', async () => {
    await explorer().locator('#tab-network').click();
    const rowsShown = explorer().locator('#network-edges tbody tr:not([hidden])');
    await rowsShown.first().waitFor({ timeout: 30000 });
    const title = explorer().locator('#network-sentences-title');
    const edgeRow = explorer().locator(`#network-edges tbody tr[data-a="${PUTIN}"][data-b="${XI}"]`);
    // Another edge first, so that the Putin–Xi list below can only come from the key press.
    const other = rowsShown.filter({ hasNot: explorer().locator('th', { hasText: 'Vladimir Putin' }) }).first();
    await other.click();
    await until(async () => !/^Vladimir Putin and Xi Jinping/.test((await title.textContent()) ?? ''), 'another edge chosen');

    await edgeRow.focus();
    await workbench().keyboard.press('Enter');
    await until(
      async () => /^Vladimir Putin and Xi Jinping: \d+ sentences? holding both/.test((await title.textContent()) ?? ''),
      'the shared sentences',
    );
    const first = explorer().locator('#network-sentences .kwic-line').first();
    const mark = first.locator('.kwic-mention').first();
    const name = (await mark.textContent()) ?? '';
    const start = Number(await mark.getAttribute('data-start'));
    const text = fs.readFileSync(path.join(workspaceDir(), SAMPLE), 'utf8');
    assert.strictEqual(text.slice(start, start + name.length), name);
    await explorer().locator('#network-sentences').focus();
    await workbench().keyboard.press('Enter');
    const expected = [start, start + name.length].map(o => `${lineCol(text, o)} (${name.length} selected)`);
    await until(
      async () => expected.includes((await workbench().locator('[id="status.editor.selection"]').textContent())?.trim() ?? ''),
      `the editor selecting ${name} (${expected[0]})`,
      20000,
    );

    // The PNG passes the host's checks (a base64 PNG) when a save dialog asks where to write it.
    await explorer().locator('#network-save').click();
    const dialog = workbench().locator('.quick-input-widget', { hasText: 'Save the network chart as PNG' });
    await dialog.waitFor({ state: 'visible', timeout: 20000 });
    await workbench().keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await explorer().locator('#tab-concordance').click();
  });

  it('type filter chips hide the other types, and the row count follows', async () => {
    await search('');
    const total = await waitForRowCount(n => n > 1, 'all entities');
    const person = explorer().locator('.chip[data-type="PERSON"]');
    assert.strictEqual(await person.getAttribute('aria-pressed'), 'true');
    const persons = Number(await person.locator('.chip-count').textContent());
    assert.ok(persons >= 1, `${persons} people`);

    await person.click();
    assert.strictEqual(await person.getAttribute('aria-pressed'), 'false');
    await waitForRowCount(n => n === total - persons, `${total - persons} rows without PERSON`);
    await search('putin');
    await waitForRowCount(n => n === 0, 'no row for putin');
    assert.strictEqual(await row('Vladimir Putin').count(), 0);
    assert.strictEqual(await explorer().locator('.grid-body .col-type', { hasText: 'PERSON' }).count(), 0);

    // Keyboard: the chip is a toggle button.
    await person.focus();
    await workbench().keyboard.press('Enter');
    await waitForRowCount(n => n === 1, 'Putin back');
    assert.strictEqual(await explorer().locator('.chip[data-type="PERSON"]').getAttribute('aria-pressed'), 'true');
    await row('Vladimir Putin').waitFor();
  });

  it('sorts by a column header (click, aria-sort) and moves the selection with the arrow keys', async () => {
    await search('');
    await waitForRowCount(n => n > 2, 'all entities');
    const nameHeader = explorer().locator('[role=columnheader].col-name');
    await nameHeader.locator('button').click();
    assert.strictEqual(await nameHeader.getAttribute('aria-sort'), 'ascending');
    const names = await explorer().locator('.grid-body [role=row] .col-name').allTextContents();
    const sorted = [...names].sort(new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare);
    assert.deepStrictEqual(names, sorted);
    await nameHeader.locator('button').press('Enter');
    assert.strictEqual(await nameHeader.getAttribute('aria-sort'), 'descending');

    const grid = explorer().locator('[role=grid]');
    await grid.focus();
    await workbench().keyboard.press('Home');
    await workbench().keyboard.press('ArrowDown');
    const second = rows().nth(1);
    assert.strictEqual(await second.getAttribute('aria-selected'), 'true');
    assert.strictEqual(await grid.getAttribute('aria-activedescendant'), await second.getAttribute('id'));
    const name = (await second.locator('.col-name').textContent()) ?? '';
    await explorer().locator('#concordance-title', { hasText: name }).waitFor();
    // Back to the default order for the next tests.
    await explorer().locator('[role=columnheader].col-mentions button').click();
  });

  it('shows hostile corpus text literally and runs none of it', async () => {
    // What the recogniser makes of the hostile text (it finds capitalised runs, URLs, ...).
    const mentions = analyzeDocument(HOSTILE_TEXT).mentions;
    const person = mentions.find(m => m.type === 'PERSON' && HOSTILE_TEXT.slice(m.end, m.end + 80).includes(PAYLOAD_IMG));
    const url = mentions.find(m => m.type === 'URL' && m.name.includes('<img'));
    const long = mentions.find(m => m.name.length > 150 && m.name.includes('BartholomewAington'));
    assert.ok(person && url && long, `entities found: ${mentions.map(m => `${m.type} ${m.name.slice(0, 60)}`).join(' | ')}`);
    const scriptsBefore = await (await explorerFrame()).evaluate(() => document.querySelectorAll('script').length);
    fs.writeFileSync(path.join(workspaceDir(), 'seeds', 'zz_hostile.txt'), HOSTILE_TEXT);

    // An entity whose name is markup.
    await search('evil.example');
    const urlRow = row('evil.example');
    await urlRow.waitFor({ timeout: 30000 });
    assert.strictEqual(await urlRow.locator('.col-name').textContent(), url.name);

    // Markup in the context of a mention.
    await search(person.name.split(' ')[1].toLowerCase());
    await row(person.name).click();
    const line = explorer().locator('.kwic-line').first();
    await explorer().locator('.kwic-mention', { hasText: person.name }).waitFor();
    const right = (await line.locator('.kwic-right').textContent()) ?? '';
    assert.ok(right.includes(PAYLOAD_IMG), `right context shown literally: ${JSON.stringify(right)}`);
    assert.ok(right.includes('<script>'), `script tag shown literally: ${JSON.stringify(right)}`);

    // The URL's concordance line: its name and the command link after it, literally.
    await search('evil.example');
    await urlRow.click();
    await explorer().locator('.kwic-mention').filter({ hasText: '<img/src=x/onerror=window.__pwned=1>' }).waitFor();
    const urlLine = explorer().locator('.kwic-line').first();
    assert.strictEqual(await urlLine.locator('.kwic-mention').textContent(), url.text);
    assert.ok(((await urlLine.locator('.kwic-right').textContent()) ?? '').includes('[x](command:workbench.action.quit)'));

    // A very long name: shown (ellipsised), the row keeps its height.
    await search('bartholomewaington');
    const longRow = row('BartholomewAington');
    await longRow.waitFor();
    assert.strictEqual(await longRow.locator('.col-name').textContent(), long.name);
    const box = await longRow.boundingBox();
    assert.ok(box && box.height <= 30, `row height ${box?.height}`);

    // Nothing was parsed as markup, nothing ran.
    const frame = await explorerFrame();
    const report = await frame.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      payloadScripts: Array.from(document.querySelectorAll('script')).filter(s => s.textContent?.includes('__pwned')).length,
      links: document.querySelectorAll('a').length,
    }));
    assert.deepStrictEqual(report, { pwned: undefined, images: 0, scripts: scriptsBefore, payloadScripts: 0, links: 0 });
  });

  it('comes back after a window reload with its search and selection', async () => {
    await search('putin');
    await row('Vladimir Putin').click();
    await explorer().locator('.kwic-line').nth(1).waitFor();
    // Let setState (once per animation frame) land, then reload the way a user does (the
    // workbench saves its editors' state on the way out).
    await explorer()
      .locator('#search')
      .evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
    await runCommand('Developer: Reload Window');
    await workbench().waitForEvent('load', { timeout: 60000 });
    await workbench().locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await explorer().locator('#search').waitFor({ timeout: 60000 });
    assert.strictEqual(await explorer().locator('#search').inputValue(), 'putin');
    const putin = row('Vladimir Putin');
    await putin.waitFor({ timeout: 30000 });
    assert.strictEqual(await putin.getAttribute('aria-selected'), 'true');
    await explorer().locator('.kwic-line').nth(1).waitFor();
  });
});
