import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { activityEntry, treeRows, workbench, workspaceDir } from './workbench';

const SAMPLE = 'seeds/000_a4262604377c852d.txt';

/** Line and column (1-based, as the status bar shows them) of a UTF-16 offset of `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: (before.match(/\r\n|\r|\n/g) ?? []).length + 1, column: offset - lineStart + 1 };
}

describe('Entities tree in the workbench', () => {
  it('expands PERSON → Xi Jinping and jumps to a mention', async () => {
    const page = workbench();
    const text = fs.readFileSync(path.join(workspaceDir(), SAMPLE), 'utf8');
    // The mention to click: "Jinping" in "…an invitation to Jinping in a year-end video call…".
    const context = 'invitation to Jinping';
    const start = text.indexOf(context) + 'invitation to '.length;
    assert.ok(start > 0 && text.indexOf(context, start) < 0, 'the context is unique in the sample');
    const end = start + 'Jinping'.length;
    const from = lineColumn(text, start);
    const to = lineColumn(text, end);
    assert.ok(from.line > 1, 'a mention past the first line');

    await activityEntry().waitFor({ timeout: 60000 });
    const person = treeRows()
      .filter({ has: page.locator('.label-name', { hasText: /^PERSON$/ }) })
      .first();
    if (!(await person.isVisible())) await activityEntry().click();
    await person.waitFor();
    if ((await person.getAttribute('aria-expanded')) !== 'true') await person.click();

    const xi = treeRows()
      .filter({ has: page.locator('.label-name', { hasText: /^Xi Jinping$/ }) })
      .first();
    await xi.waitFor();
    const xiDescription = (await xi.locator('.label-description').textContent())?.trim();
    assert.strictEqual(xiDescription, '5', 'Xi Jinping shows 5 mentions');
    if ((await xi.getAttribute('aria-expanded')) !== 'true') await xi.click();

    const mention = treeRows().filter({ hasText: context }).first();
    await mention.waitFor();
    assert.match(await mention.locator('.label-name').innerText(), new RegExp(`^L${from.line}\\s`), 'the row shows the line');
    await mention.click();

    // The selection runs from the mention's start to its end (the cursor): the status bar shows
    // the end's line and column and the number of selected characters.
    const status = page.locator('[id="status.editor.selection"]');
    const showsInStatus = async (want: string) => {
      await page
        .waitForFunction(
          ([selector, text]) => document.querySelector(selector)?.textContent?.trim() === text,
          ['[id="status.editor.selection"]', want] as const,
          { timeout: 30000 },
        )
        .catch(async () => assert.fail(`status bar: "${await status.textContent()}", expected "${want}"`));
    };
    await showsInStatus(`Ln ${to.line}, Col ${to.column} (${end - start} selected)`);
    // The editor gets the focus (it may come just after the selection); Left then collapses the
    // selection to its start: the mention's start.
    await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 10000 });
    await page.keyboard.press('ArrowLeft');
    await showsInStatus(`Ln ${from.line}, Col ${from.column}`);
  });
});
