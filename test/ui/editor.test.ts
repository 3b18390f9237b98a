// Editor journeys in Chromium: decorations at the right place in the contributed colour, the
// hover, and a settings change that turns a type off. VS Code has no API to read decorations
// back, so this is where they are checked, on the rendered DOM.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { until, workbench, workspaceDir } from './workbench';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OUT } = require('../harness/config');

const SAMPLE = '000_a4262604377c852d.txt';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Overlay {
  className: string;
  background: string;
}

function workspaceSettings(settings: Record<string, unknown>): void {
  const dir = workspaceDir();
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Screen boxes of a word in the editor's rendered lines (text nodes measured with a DOM Range), top to bottom. */
function wordBoxes(word: string): Promise<Box[]> {
  return workbench().evaluate((needle: string) => {
    const boxes: Box[] = [];
    for (const line of Array.from(document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line'))) {
      const nodes: Array<[Text, number]> = [];
      let text = '';
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        nodes.push([walker.currentNode as Text, text.length]);
        text += (walker.currentNode as Text).data;
      }
      const plain = text.replace(/\u00a0/g, ' ');
      // No named helper functions in here: the test runner's transpiler would wrap them in a
      // `__name` call that does not exist in the page.
      for (let at = plain.indexOf(needle); at >= 0; at = plain.indexOf(needle, at + 1)) {
        const range = document.createRange();
        for (const [offset, setEdge] of [
          [at, 'start'],
          [at + needle.length, 'end'],
        ] as const) {
          let i = nodes.length - 1;
          while (i > 0 && nodes[i][1] > offset) i--;
          if (setEdge === 'start') range.setStart(nodes[i][0], offset - nodes[i][1]);
          else range.setEnd(nodes[i][0], offset - nodes[i][1]);
        }
        const r = range.getBoundingClientRect();
        boxes.push({ x: r.x, y: r.y, width: r.width, height: r.height });
      }
    }
    return boxes.sort((a, b) => a.y - b.y || a.x - b.x);
  }, word);
}

/** Decoration overlays (`.view-overlays .cdr`) under the middle of a box, with their computed background. */
function overlaysAt(box: Box): Promise<Overlay[]> {
  return workbench().evaluate((b: Box) => {
    const x = b.x + b.width / 2;
    const y = b.y + b.height / 2;
    return Array.from(document.querySelectorAll('.editor-instance .view-overlays .cdr'))
      .filter(el => {
        const r = el.getBoundingClientRect();
        return r.left <= x && x <= r.right && r.top <= y && y <= r.bottom;
      })
      .map(el => ({ className: el.className, background: getComputedStyle(el).backgroundColor }));
  }, box);
}

/** A CSS colour as the browser computes it (`rgba(...)`), to compare colours written differently. */
function computedColor(css: string): Promise<string> {
  return workbench().evaluate((value: string) => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = value;
    document.body.appendChild(probe);
    const color = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return color;
  }, css);
}

/** The contributed default of a colour for the workbench's current theme kind. */
async function contributedDefault(id: string): Promise<string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const color = (pkg.contributes.colors as Array<{ id: string; defaults: Record<string, string> }>).find(c => c.id === id);
  assert.ok(color, `${id} is contributed`);
  const classes = (await workbench().locator('.monaco-workbench').first().getAttribute('class')) ?? '';
  const kind = /\bhc-light\b/.test(classes)
    ? 'highContrastLight'
    : /\bhc-black\b/.test(classes)
      ? 'highContrast'
      : /\bvs-dark\b/.test(classes)
        ? 'dark'
        : 'light';
  return color.defaults[kind];
}

describe('editor decorations and hover (UI)', () => {
  let personColor = '';
  let personClass = '';

  before(() => {
    // Long lines wrap, so every word of the sample's first paragraph is on screen.
    workspaceSettings({ 'editor.wordWrap': 'on' });
  });

  after(() => {
    workspaceSettings({});
  });

  it('opens the sample with Quick Open', async () => {
    const page = workbench();
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(SAMPLE);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: SAMPLE }).first().waitFor();
    await page.keyboard.press('Enter');
    await until(async () => (await wordBoxes('Lavrov')).length > 0, 'the sample in an editor');
    // Word wrap (from the workspace settings) puts the whole first paragraph in view.
    const editor = await page.locator('.editor-instance .monaco-scrollable-element').first().boundingBox();
    assert.ok(editor, 'the editor is on screen');
    await until(async () => {
      const boxes = [...(await wordBoxes('Lavrov')), ...(await wordBoxes('Jinping'))];
      return boxes.length > 1 && boxes.every(b => b.x + b.width <= editor.x + editor.width);
    }, 'the words in view (word wrap on)');
  });

  it('decorates "Sergey Lavrov" with the PERSON colour it contributes', async () => {
    const expected = await computedColor(await contributedDefault('corpusLens.person.background'));
    const themed = await workbench().evaluate(() =>
      getComputedStyle(document.querySelector('.monaco-workbench')!).getPropertyValue('--vscode-corpusLens-person-background').trim(),
    );
    assert.strictEqual(await computedColor(themed), expected, 'the theme uses the contributed default');
    personColor = expected;
    for (const word of ['Sergey', 'Lavrov']) {
      const overlays = await until(async () => {
        const [box] = await wordBoxes(word);
        const found = (await overlaysAt(box)).filter(o => o.background === expected);
        return found.length > 0 ? found : undefined;
      }, `the PERSON decoration on "${word}"`);
      personClass = overlays[0].className.split(/\s+/).find(c => c.startsWith('ced-')) ?? '';
    }
    assert.ok(personClass, 'the decoration has its own class');
    // A picture of the decorated sample, for the README (not an assertion).
    fs.mkdirSync(OUT, { recursive: true });
    await workbench()
      .locator('.editor-instance')
      .first()
      .screenshot({ path: path.join(OUT, 'editor-decorations.png') })
      .catch(() => {});
    // Another type, another colour: Moscow is a PLACE.
    const [moscow] = await wordBoxes('Moscow');
    const place = await computedColor(await contributedDefault('corpusLens.place.background'));
    assert.notStrictEqual(place, expected);
    await until(async () => (await overlaysAt(moscow)).some(o => o.background === place), 'the PLACE decoration on "Moscow"');
  });

  it('shows the hover of "Jinping" with Xi Jinping and its type', async () => {
    const page = workbench();
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Xi Jinping' });
    let attempt = 0;
    await until(async () => {
      // Measured on each attempt (the layout may have moved), each "Jinping" in turn, and the
      // mouse comes from outside the editor so that every attempt starts a new hover.
      const boxes = await wordBoxes('Jinping');
      const box = boxes[attempt++ % Math.max(1, boxes.length)];
      if (!box) throw new Error('"Jinping" is not on screen');
      await page.mouse.move(5, 500);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await hover
        .first()
        .waitFor({ state: 'visible', timeout: 3000 })
        .catch(async e => {
          const shown = await page.locator('.monaco-hover').allInnerTexts();
          throw new Error(
            `attempt ${attempt} at ${Math.round(box.x)},${Math.round(box.y)} of ${boxes.length}: ${shown.length ? `hovers shown: ${JSON.stringify(shown)}` : (e as Error).message.split('\n')[0]}`,
          );
        });
      return true;
    }, 'the hover');
    const text = (await hover.first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /Xi Jinping/);
    assert.match(text, /PERSON/);
    assert.match(text, /Show all mentions/);
    await page.mouse.move(5, 500);
    await page.keyboard.press('Escape');
  });

  it('removes the PERSON decorations when PERSON is turned off in the settings', async () => {
    assert.ok(personClass && personColor, 'the PERSON decoration was found first');
    workspaceSettings({ 'editor.wordWrap': 'on', 'corpusLens.decorations.types': ['ORG', 'PLACE', 'NORP', 'MISC', 'DATE'] });
    await until(async () => {
      const [box] = await wordBoxes('Lavrov');
      const left = (await overlaysAt(box)).filter(o => o.background === personColor || o.className.includes(personClass));
      const anywhere = await workbench().locator(`.editor-instance .view-overlays .cdr.${personClass}`).count();
      return left.length === 0 && anywhere === 0;
    }, 'no PERSON decorations');
    const [moscow] = await wordBoxes('Moscow');
    const place = await computedColor(await contributedDefault('corpusLens.place.background'));
    assert.ok(
      (await overlaysAt(moscow)).some(o => o.background === place),
      'PLACE stays decorated',
    );
  });
});
