// Hostile entity names in the Entities tree (issue #7): corpus text that looks like HTML, a
// Markdown command link or a javascript: URL must show literally in the row and its tooltip (a
// MarkdownString), and none of it may become an element, a link or run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator } from 'playwright-core';
import { activityEntry, runCommand, treeRows, workbench, workspaceDir } from './workbench';

const DOC = path.join('seeds', 'hostile-names.txt');
const CORRECTIONS = path.join('.corpus-lens', 'corrections.json');

// The recogniser keeps markup inside URLs and makes long names of runs of capitalised words;
// names with spaces and markup come from "Add Entity" corrections, as a shared corrections file
// or a selection can make them. Every name has a word starting with "john", the filter used below.
// The quoted onerror matters: unquoted, "window.__pwned=1" is no valid attribute value, so a
// Markdown renderer would show that tag as text even with HTML on.
const IMG = 'John <img src=x onerror="window.__pwned=1"> Smith';
const MD_COMMAND = 'John [x](command:workbench.action.quit) Smith';
const MD_JAVASCRIPT = 'John [y](javascript:alert(1)) Smith';
const ADDED = [IMG, MD_COMMAND, MD_JAVASCRIPT];
const LONG = `John ${'Bartholomew Aloysius '.repeat(15)}Smith`;
const SCRIPT = 'https://john.example.com/<script>window.__pwned=1</script>';
const COMMAND = 'https://john.example.com/[x](command:workbench.action.quit)';
const JAVASCRIPT = 'https://john.example.com/?next=javascript:alert(1)';
const NAMES: Array<[type: string, name: string]> = [
  ['PERSON', IMG],
  ['PERSON', MD_COMMAND],
  ['PERSON', MD_JAVASCRIPT],
  ['PERSON', LONG],
  ['URL', SCRIPT],
  ['URL', COMMAND],
  ['URL', JAVASCRIPT],
];

const TEXT = [
  `Mr. ${IMG} met reporters in Berlin.`,
  `Later Mr. ${MD_COMMAND} and Mr. ${MD_JAVASCRIPT} arrived.`,
  `His full name, ${LONG}, was read out.`,
  `Links: ${SCRIPT} and ${COMMAND} and ${JAVASCRIPT} were shared.`,
].join('\n');

function workspaceFile(relative: string): string {
  return path.join(workspaceDir(), relative);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The tree row whose label is exactly `name`. */
function row(name: string): Locator {
  return treeRows()
    .filter({ has: workbench().locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
    .first();
}

async function expand(r: Locator): Promise<void> {
  await r.waitFor();
  if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
}

/**
 * Hovers `r` until its hover widget shows (the previous one gone first) while `r` is still under
 * the pointer (rows move when the tree refreshes, and the widget would be a neighbour's);
 * returns the widget.
 */
async function tooltipOf(r: Locator): Promise<Locator> {
  const page = workbench();
  const hover = page.locator('.monaco-hover, .workbench-hover').filter({ visible: true }).first();
  const under = (box: { x: number; y: number; width: number; height: number } | null, x: number, y: number) =>
    box !== null && x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
  for (let attempt = 0; ; attempt++) {
    await page.mouse.move(5, 500);
    await hover.waitFor({ state: 'hidden' });
    const box = await r.boundingBox();
    const [x, y] = box ? [box.x + box.width / 2, box.y + box.height / 2] : [0, 0];
    await page.mouse.move(x, y);
    try {
      await hover.waitFor({ state: 'visible', timeout: 5000 });
      if (under(await r.boundingBox(), x, y)) return hover;
      if (attempt >= 3) throw new Error('the row kept moving away from the pointer');
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** What in the page came from a payload: elements, links, attributes, or the flag it sets. */
function payloadTraces(): Promise<string[]> {
  return workbench().evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('window.__pwned is set');
    for (const el of Array.from(document.querySelectorAll('[onerror]'))) {
      found.push(`an element with onerror: ${el.outerHTML.slice(0, 120)}`);
    }
    for (const img of Array.from(document.querySelectorAll('img'))) {
      if (/^x$|\/x$/.test(img.getAttribute('src') ?? '')) found.push(`the payload's <img>: ${img.outerHTML.slice(0, 120)}`);
    }
    for (const s of Array.from(document.querySelectorAll('script'))) {
      if (s.textContent?.includes('__pwned')) found.push("the payload's <script>");
    }
    for (const a of Array.from(document.querySelectorAll('[href], [data-href]'))) {
      const target = `${a.getAttribute('href') ?? ''} ${a.getAttribute('data-href') ?? ''}`;
      if (/(^|\s)(command:workbench\.action\.quit|javascript:)/.test(target)) found.push(`a link to ${target.trim()}`);
    }
    return found;
  });
}

describe('hostile entity names in the Entities tree (UI)', () => {
  let corrections: string | undefined;

  before(() => {
    const file = workspaceFile(CORRECTIONS);
    corrections = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const kept = corrections ? JSON.parse(corrections).corrections : [];
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({ version: 1, corrections: [...kept, ...ADDED.map(text => ({ op: 'addEntity', text, type: 'PERSON' }))] }, null, 2),
    );
    fs.writeFileSync(workspaceFile(DOC), TEXT);
  });

  after(async () => {
    // Leave the workspace as the other specs expect it.
    await workbench().mouse.move(5, 500);
    await runCommand('Clear Entities Filter').catch(() => workbench().keyboard.press('Escape'));
    fs.rmSync(workspaceFile(DOC), { force: true });
    if (corrections === undefined) fs.rmSync(workspaceFile(CORRECTIONS), { force: true });
    else fs.writeFileSync(workspaceFile(CORRECTIONS), corrections);
  });

  it('shows each name literally in its row and tooltip, and renders or runs none of it', async () => {
    const page = workbench();
    await activityEntry().waitFor({ timeout: 60000 });
    // A click on the entry of the side bar's current view would close it.
    const entitiesView = page
      .locator('.sidebar .composite.title')
      .filter({ hasText: /Entities/i })
      .first();
    if (!(await entitiesView.isVisible())) await activityEntry().click();
    await entitiesView.waitFor();
    // The filter keeps the tree short, so every row is rendered (the list is virtual).
    await runCommand('Filter Entities…');
    await page.keyboard.type('john');
    await page.keyboard.press('Enter');

    // Every row is checked before the assertion, so one run lists every problem.
    const problems: string[] = [];
    const check = async (r: Locator, name: string, what: string, wholeLabel: boolean) => {
      const label = (await r.locator('.label-name').textContent()) ?? '';
      if (wholeLabel ? label !== name : !label.includes(name)) problems.push(`${what}: the label shows ${JSON.stringify(label)}`);
      const tooltip = await tooltipOf(r);
      const shown = (await tooltip.innerText()).replace(/\u00a0/g, ' ');
      if (!shown.includes(name)) problems.push(`${what}: the tooltip shows ${JSON.stringify(shown)}`);
      for (const el of await tooltip.locator('a, img, script').evaluateAll(els => els.map(e => e.outerHTML))) {
        problems.push(`${what}: the tooltip renders ${el}`);
      }
      problems.push(...(await payloadTraces()).map(t => `after hovering ${what}: ${t}`));
    };
    for (const [type, name] of NAMES) {
      await expand(row(type));
      await row(name).waitFor({ timeout: 60000 });
      await check(row(name), name, `the ${type} row ${JSON.stringify(name.slice(0, 50))}`, true);
    }
    // A mention row: its label and tooltip quote the document around the mention.
    await expand(row(COMMAND));
    const mention = treeRows().filter({ hasText: /^L4\s/ }).filter({ hasText: COMMAND }).first();
    await mention.waitFor();
    await check(mention, COMMAND, 'the mention row of the command link', false);
    assert.deepStrictEqual(problems, []);
  });
});
