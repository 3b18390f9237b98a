import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { collocates } from '../../src/core/analytics/collocates';
import { concordance } from '../../src/core/analytics/concordance';
import { parseCsv } from '../../src/core/text/csv';
import { runSteps } from '../../src/core/analytics/steps';
import { collocatesAnswer, dispersionAnswer, entitiesAnswer, timelineAnswer } from '../../src/extension/views/explorerAnalytics';
import type { HostToWebview } from '../../src/shared/panelMessages';
import { NetworkAnswers, sharedSentencesAnswer } from '../../src/extension/views/explorerNetwork';
import { api, waitFor } from './helpers';

const SAMPLE = 'seeds/000_a4262604377c852d.txt';
const PUTIN = 'PERSON:vladimir putin';
const XI = 'PERSON:xi jinping';

function sampleUri(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, SAMPLE);
}

function selectionOffsets(editor: vscode.TextEditor): [number, number] {
  return [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
}

/** Captures the warnings the extension logs while `fn` runs. */
async function warningsDuring(fn: () => Promise<void>): Promise<string[]> {
  const { log } = await api();
  const warnings: string[] = [];
  const original = log.warn;
  log.warn = (message: string, ...args: unknown[]) => {
    warnings.push(message);
    original.call(log, message, ...args);
  };
  try {
    await fn();
  } finally {
    log.warn = original;
  }
  return warnings;
}

/** The messages the Explorer posts to its webview while `fn` runs (the panel must be open). */
async function postedDuring(fn: () => Promise<void>): Promise<HostToWebview[]> {
  const { webview } = (await api()).explorer.panel!;
  const posted: HostToWebview[] = [];
  const original = webview.postMessage;
  webview.postMessage = (message: HostToWebview) => {
    posted.push(message);
    return original.call(webview, message);
  };
  try {
    await fn();
  } finally {
    webview.postMessage = original;
  }
  return posted;
}

describe('Entity Explorer panel (explorer, in-host)', () => {
  before(async () => {
    const { index } = await api();
    await waitFor(() => index.entity(PUTIN), 'Vladimir Putin in the index', 50000);
  });

  after(async () => {
    (await api()).explorer.panel?.dispose();
  });

  it('the command opens one panel with a strict webview (and reveals the same one when run again)', async () => {
    const { explorer } = await api();
    await vscode.commands.executeCommand('corpusLens.openExplorer');
    const panel = (await waitFor(() => explorer.panel, 'the panel'))!;
    assert.strictEqual(panel.viewType, 'corpusLens.explorer');
    assert.strictEqual(panel.title, 'Entity Explorer');
    assert.strictEqual(panel.options.retainContextWhenHidden, false);
    const options = panel.webview.options;
    assert.strictEqual(options.enableScripts, true);
    assert.ok(!options.enableCommandUris, 'command links are off');
    const roots = (options.localResourceRoots ?? []).map(u => u.path.split('/').slice(-1)[0]).sort();
    assert.deepStrictEqual(roots, ['dist', 'media']);

    const html = panel.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce in ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(m => m[0]);
    assert.strictEqual(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`) && /src="[^"]*dist\/webview\.js"/.test(scripts[0]), scripts[0]);
    assert.doesNotMatch(html, /<style|style=/, 'no inline styles');

    await vscode.commands.executeCommand('corpusLens.openExplorer', PUTIN);
    assert.strictEqual(explorer.panel, panel, 'still the same panel');
  });

  it('a valid openMention message opens the document with exactly that mention selected', async () => {
    const { explorer, index } = await api();
    await waitFor(
      async () => (await vscode.commands.getCommands(true)).includes('corpusLens.openMention'),
      'the corpusLens.openMention command',
    );
    const mention = index.mentionsOf(PUTIN)[1];
    assert.ok(mention, 'a second mention of Putin');
    // Start from somewhere else, so that the assertion below can only hold if the message acted.
    const doc = await vscode.workspace.openTextDocument(sampleUri());
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(0, 0, 0, 0) });

    const accepted = await explorer.handleMessage({ type: 'openMention', docId: mention.docId, start: mention.start, end: mention.end });
    assert.strictEqual(accepted, true);
    const editor = (await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === mention.docId && selectionOffsets(e)[0] === mention.start ? e : undefined;
    }, 'the editor on the mention'))!;
    assert.deepStrictEqual(selectionOffsets(editor), [mention.start, mention.end]);
    assert.strictEqual(editor.document.getText(editor.selection), 'Vladimir Putin');
  });

  it('refuses and logs forged or malformed messages, and the editor does not change', async () => {
    const { explorer, index } = await api();
    const doc = await vscode.workspace.openTextDocument(sampleUri());
    const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(0, 3, 0, 3) });
    const before = {
      uri: editor.document.uri.toString(),
      selection: selectionOffsets(editor),
      visible: vscode.window.visibleTextEditors.length,
    };
    const docId = sampleUri().toString();
    const mention = index.mentionsOf(PUTIN)[0];
    const folder = vscode.workspace.workspaceFolders![0].uri;

    const forged: [string, unknown][] = [
      [
        'unknown document in the corpus folder',
        { type: 'openMention', docId: vscode.Uri.joinPath(folder, 'seeds', 'nope.txt').toString(), start: 0, end: 4 },
      ],
      ['path outside the corpus', { type: 'openMention', docId: 'file:///etc/passwd', start: 0, end: 4 }],
      [
        'workspace file that is not corpus',
        { type: 'openMention', docId: vscode.Uri.joinPath(folder, 'seeds', '..', 'package.json').toString(), start: 0, end: 4 },
      ],
      ['other scheme', { type: 'openMention', docId: 'command:workbench.action.quit', start: 0, end: 1 }],
      ['start as a string', { type: 'openMention', docId, start: String(mention.start), end: mention.end }],
      ['end missing', { type: 'openMention', docId, start: mention.start }],
      ['docId a number', { type: 'openMention', docId: 42, start: mention.start, end: mention.end }],
      ['start after end', { type: 'openMention', docId, start: mention.end, end: mention.start }],
      ['negative start', { type: 'openMention', docId, start: -1, end: mention.end }],
      ['fractional offsets', { type: 'openMention', docId, start: mention.start + 0.5, end: mention.end }],
      ['infinite end', { type: 'openMention', docId, start: mention.start, end: Infinity }],
      ['a range that is not a mention', { type: 'openMention', docId, start: mention.start + 1, end: mention.end }],
      ['extra fields', { type: 'openMention', docId, start: mention.start, end: mention.end, command: 'workbench.action.quit' }],
      ['huge docId', { type: 'openMention', docId: 'x'.repeat(100000), start: 0, end: 1 }],
      ['not an object', 'openMention'],
      ['null', null],
      ['unknown type', { type: 'runCommand', command: 'workbench.action.quit' }],
      ['showMentions without an id', { type: 'showMentions', entityId: '' }],
      ['showMentions with an unknown sort', { type: 'showMentions', entityId: PUTIN, sort: 'R3', width: 40 }],
      ['exportConcordance of an unknown entity', { type: 'exportConcordance', entityId: 'PERSON:nobody', sort: 'doc', width: 40 }],
      ['dispersion without a request id', { type: 'dispersion', entityId: PUTIN }],
      ['collocates with a window of 100', { type: 'collocates', requestId: 1, entityId: PUTIN, window: 100, keepStopwords: false }],
      ['timeline per week', { type: 'timeline', requestId: 1, entityIds: [PUTIN], by: 'week', of: 'documents' }],
      ['sharedSentences of an unknown entity', { type: 'sharedSentences', requestId: 1, a: PUTIN, b: 'PERSON:nobody' }],
      ['network of 301 entities', { type: 'network', requestId: 1, entityIds: Array.from({ length: 301 }, (_, i) => `PERSON:p${i}`) }],
      ['a date range ending before it starts', { type: 'dateRange', range: { from: '2023-03-01', to: '2023-02-01' } }],
      ['an image that is not a PNG', { type: 'saveImage', what: 'network', base64: Buffer.from('<svg onload=x>').toString('base64') }],
      ['exportConcordance with a path', { type: 'exportConcordance', entityId: PUTIN, sort: 'doc', width: 40, target: '/tmp/x' }],
    ];
    for (const [what, message] of forged) {
      let accepted: boolean | undefined;
      const warnings = await warningsDuring(async () => {
        accepted = await explorer.handleMessage(message);
      });
      assert.strictEqual(accepted, false, `${what}: refused`);
      assert.ok(
        warnings.some(w => /Entity Explorer: refused/.test(w)),
        `${what}: logged (got ${JSON.stringify(warnings)})`,
      );
    }

    const after = vscode.window.activeTextEditor;
    assert.strictEqual(after?.document.uri.toString(), before.uri, 'same document');
    assert.deepStrictEqual(selectionOffsets(after!), before.selection, 'same selection');
    assert.strictEqual(vscode.window.visibleTextEditors.length, before.visible, 'no editor opened');
  });

  it("exportConcordance writes the concordance in the panel's order and width as CSV", async () => {
    const { explorer, index } = await api();
    const target = vscode.Uri.file(path.join(os.tmpdir(), `corpus-lens-concordance-${process.pid}.csv`));
    try {
      const accepted = await explorer.handleMessage({ type: 'exportConcordance', entityId: PUTIN, sort: 'R1', width: 30 }, target);
      assert.strictEqual(accepted, true);
      const [header, ...rows] = parseCsv(fs.readFileSync(target.fsPath, 'utf8'));
      assert.deepStrictEqual(header, ['left', 'keyword', 'right', 'document', 'line']);
      const expected = concordance(index, PUTIN, { sort: 'R1', width: 30 }).rows;
      assert.strictEqual(rows.length, index.entity(PUTIN)!.mentionCount);
      assert.deepStrictEqual(
        rows.map(r => [r[0], r[1], r[2], r[4]]),
        expected.map(r => [r.left, r.keyword, r.right, String(r.line)]),
      );
      assert.ok(
        rows.every(r => r[3] === SAMPLE || !r[3].includes('://')),
        'documents as workspace-relative paths',
      );
      assert.ok(
        rows.every(r => r[0].length <= 30 && r[2].length <= 30),
        'context cut to the width',
      );
    } finally {
      fs.rmSync(target.fsPath, { force: true });
    }
  });

  it("answers the panel's timeline request from the live index: the sample's mentions under its date", async () => {
    const { explorer, index } = await api();
    const docId = sampleUri().toString();
    const date = index.document(docId)!.date;
    assert.strictEqual(date, '2023-01-31', "the sample's date line");
    const mentions = index.mentionsIn(docId).filter(m => m.entityId === XI).length;
    assert.strictEqual(mentions, 5, 'Xi Jinping is mentioned five times in the sample');
    const request = { type: 'timeline', requestId: 4, entityIds: [XI], by: 'month', of: 'documents' } as const;
    assert.strictEqual(await explorer.handleMessage(request), true);
    const [{ points }] = runSteps(timelineAnswer(index, request)).series;
    assert.deepStrictEqual(
      points.find(p => p.period === '2023-01'),
      { period: '2023-01', mentions: 5, documents: 1 },
    );
    assert.deepStrictEqual(
      runSteps(timelineAnswer(index, { ...request, by: 'day' }))
        .series[0].points.map(p => p.period)
        .includes('2023-01-31'),
      true,
    );
  });

  it('by resolved date, counts the DATE mentions of the live index by the period they name', async () => {
    const { explorer, index } = await api();
    const request = { type: 'timeline', requestId: 6, entityIds: [], by: 'year', of: 'dates' } as const;
    assert.strictEqual(await explorer.handleMessage(request), true);
    const [series] = runSteps(timelineAnswer(index, request)).series;
    const sample = index.mentionsIn(sampleUri().toString()).filter(m => m.type === 'DATE' && /^2022/.test(m.value ?? ''));
    assert.ok(sample.length > 0, 'the sample names dates of 2022');
    const of2022 = series.points.find(p => p.period === '2022');
    assert.ok(of2022 && of2022.mentions >= sample.length, `2022: ${JSON.stringify(of2022)}`);
    const all = index.entities({ types: ['DATE'] }).reduce((n, e) => n + e.mentionCount, 0);
    assert.strictEqual(
      series.points.reduce((n, p) => n + p.mentions, 0),
      all,
    );
  });

  it('with a date range, the counts are those of the documents dated in it: three dated copies of the sample', async () => {
    const { explorer, index } = await api();
    const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'seeds', 'zz-dated');
    const text = fs.readFileSync(sampleUri().fsPath, 'utf8');
    fs.mkdirSync(folder, { recursive: true });
    try {
      for (const [name, date] of [
        ['jan.txt', '2023-01-15'],
        ['feb.txt', '2023-02-15'],
        ['mar.txt', '2023-03-15'],
      ]) {
        fs.writeFileSync(path.join(folder, name), text.replace(/^\s*date \d{4}-\d{2}-\d{2}/, `date ${date}`));
      }
      const feb = vscode.Uri.file(path.join(folder, 'feb.txt')).toString();
      await waitFor(() => index.document(feb)?.date === '2023-02-15' && index.entity(XI)!.documentCount >= 4, 'the copies indexed');
      const february = { from: '2023-02-01', to: '2023-02-28' };
      // As the webview does once loaded: the host posts its answers from then on.
      assert.strictEqual(await explorer.handleMessage({ type: 'ready' }), true);
      assert.strictEqual(await explorer.handleMessage({ type: 'dateRange', range: february }), true);
      const row = runSteps(entitiesAnswer(index, false, february)).rows.find(r => r[0] === XI)!;
      assert.deepStrictEqual(row.slice(3, 5), [5, 1], 'Xi Jinping: 5 mentions in 1 document of February');
      const january = runSteps(entitiesAnswer(index, false, { from: '2023-01', to: '2023-01' })).rows.find(r => r[0] === XI)!;
      assert.deepStrictEqual(january.slice(3, 5), [10, 2], 'the sample (2023-01-31) and the January copy');
      const [series] = runSteps(
        timelineAnswer(index, { type: 'timeline', requestId: 7, entityIds: [XI], by: 'month', of: 'documents' }, february),
      ).series;
      assert.deepStrictEqual(series.points, [{ period: '2023-02', mentions: 5, documents: 1 }]);
      // Save CSV follows the filter too.
      const target = vscode.Uri.file(path.join(os.tmpdir(), `corpus-lens-february-${process.pid}.csv`));
      try {
        assert.strictEqual(await explorer.handleMessage({ type: 'exportConcordance', entityId: XI, sort: 'doc', width: 20 }, target), true);
        const [, ...rows] = parseCsv(fs.readFileSync(target.fsPath, 'utf8'));
        assert.deepStrictEqual(
          rows.map(r => r[3]),
          Array(5).fill('seeds/zz-dated/feb.txt'),
        );
      } finally {
        fs.rmSync(target.fsPath, { force: true });
      }
      // Every chart's answer and the toolbar's export follow the filter: February's copy only.
      const posted = await postedDuring(async () => {
        for (const request of [
          { type: 'dispersion', requestId: 11, entityId: XI },
          { type: 'collocates', requestId: 12, entityId: XI, window: 5, keepStopwords: false },
          { type: 'network', requestId: 13, entityIds: [XI, PUTIN] },
          { type: 'sharedSentences', requestId: 14, a: PUTIN, b: XI },
        ]) {
          assert.strictEqual(await explorer.handleMessage(request), true, request.type);
        }
      });
      const answer = <T extends string>(type: T) => posted.find(m => m.type === type) as Extract<HostToWebview, { type: T }>;
      const dispersion = answer('dispersion');
      assert.deepStrictEqual(
        dispersion.documents.map(d => [d.label, d.mentions.length]),
        [['seeds/zz-dated/feb.txt', 5]],
      );
      assert.strictEqual(dispersion.corpusDocuments, 1, 'the only document dated in February');
      assert.deepStrictEqual(
        answer('collocates').rows,
        runSteps(collocatesAnswer(index, { type: 'collocates', requestId: 12, entityId: XI, window: 5, keepStopwords: false }, february))
          .rows,
      );
      const [edge] = answer('network').edges;
      const sentences = answer('sharedSentences');
      assert.deepStrictEqual(
        sentences.groups.map(g => g.docId),
        [feb],
      );
      assert.ok(edge.sentences >= 1 && edge.documents === 1 && sentences.total === edge.sentences, JSON.stringify(edge));
      const exported = vscode.Uri.file(path.join(os.tmpdir(), `corpus-lens-february-mentions-${process.pid}.csv`));
      try {
        const request = { type: 'export', what: 'mentions', format: 'csv', filter: { types: ['PERSON'], search: '' } };
        assert.strictEqual(await explorer.handleMessage(request, exported), true);
        const [, ...rows] = parseCsv(fs.readFileSync(exported.fsPath, 'utf8'));
        assert.ok(rows.length > 0 && rows.every(r => r[0] === 'seeds/zz-dated/feb.txt'), rows.map(r => r[0]).join(' '));
      } finally {
        fs.rmSync(exported.fsPath, { force: true });
      }
      // Save SVG… and Save CSV… of the Dispersion and Collocates tabs write the range's figures.
      const svg = vscode.Uri.file(path.join(os.tmpdir(), `corpus-lens-dispersion-${process.pid}.svg`));
      const csv = vscode.Uri.file(path.join(os.tmpdir(), `corpus-lens-collocates-${process.pid}.csv`));
      try {
        assert.strictEqual(await explorer.handleMessage({ type: 'saveDispersion', entityId: XI }, svg), true);
        const plot = fs.readFileSync(svg.fsPath, 'utf8');
        assert.ok(plot.startsWith('<svg') && plot.includes('>seeds/zz-dated/feb.txt<'), plot.slice(0, 400));
        assert.ok(!plot.includes(SAMPLE), 'the sample is dated January');
        assert.strictEqual([...plot.matchAll(/<line /g)].length, 5, 'a tick per mention of Xi Jinping in February');
        const save = { type: 'saveCollocates', entityId: XI, window: 3, keepStopwords: true } as const;
        assert.strictEqual(await explorer.handleMessage(save, csv), true);
        const [header, ...lines] = parseCsv(fs.readFileSync(csv.fsPath, 'utf8'));
        assert.deepStrictEqual(header, ['word', 'count', 'llr', 'mi']);
        const expected = collocates(index, XI, { window: 3, keepStopwords: true, range: february }).rows;
        assert.deepStrictEqual(
          lines.map(([word, count]) => [word, Number(count)]),
          expected.map(r => [r.word, r.count]),
        );
      } finally {
        fs.rmSync(svg.fsPath, { force: true });
        fs.rmSync(csv.fsPath, { force: true });
      }
      assert.strictEqual(await explorer.handleMessage({ type: 'dateRange', range: null }), true);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      await waitFor(() => index.entity(XI)!.documentCount < 4, 'the copies gone from the index');
    }
  });

  it('saveImage writes the PNG the webview sends', async () => {
    const { explorer } = await api();
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const target = vscode.Uri.file(path.join(os.tmpdir(), `corpus-lens-timeline-${process.pid}.png`));
    try {
      assert.strictEqual(await explorer.handleMessage({ type: 'saveImage', what: 'timeline', base64: png }, target), true);
      assert.deepStrictEqual(fs.readFileSync(target.fsPath), Buffer.from(png, 'base64'));
    } finally {
      fs.rmSync(target.fsPath, { force: true });
    }
  });

  it("answers the panel's dispersion request from the live index: a row for the sample with a tick per mention", async () => {
    const { explorer, index } = await api();
    const docId = sampleUri().toString();
    const request = { type: 'dispersion', requestId: 5, entityId: XI } as const;
    assert.strictEqual(await explorer.handleMessage(request), true);
    const answer = runSteps(dispersionAnswer(index, request, String));
    const row = answer.documents.find(d => d.docId === docId);
    assert.ok(row, 'a row for the sample');
    assert.deepStrictEqual(
      row.mentions.map(m => [m.start, m.end]),
      index
        .mentionsIn(docId)
        .filter(m => m.entityId === XI)
        .map(m => [m.start, m.end]),
    );
    assert.strictEqual(row.mentions.length, 5);
    assert.ok(answer.dp !== null && answer.dp >= 0 && answer.dp <= 1, `DP ${answer.dp}`);
  });

  it("answers the panel's network request with an edge Xi Jinping–Vladimir Putin, whose sentences hold both names", async () => {
    const { explorer, index } = await api();
    const docId = sampleUri().toString();
    const entityIds = index.entities({ limit: 300 }).map(e => e.id);
    assert.ok(entityIds.includes(XI) && entityIds.includes(PUTIN), 'both among the 300 entities with most mentions');
    const request = { type: 'network', requestId: 6, entityIds } as const;
    assert.strictEqual(await explorer.handleMessage(request), true);
    const answers = new NetworkAnswers(index);
    try {
      const edge = runSteps(answers.networkAnswer(request)).edges.find(e => e.a === PUTIN && e.b === XI);
      assert.ok(edge, 'an edge Putin–Xi');
      assert.ok(edge.sentences >= 1 && edge.documents >= 1, JSON.stringify(edge));

      const shared = { type: 'sharedSentences', requestId: 7, a: PUTIN, b: XI } as const;
      assert.strictEqual(await explorer.handleMessage(shared), true);
      const answer = runSteps(sharedSentencesAnswer(index, shared, String));
      assert.strictEqual(answer.total, edge.sentences);
      const group = answer.groups.find(g => g.docId === docId);
      assert.ok(group, 'sentences in the sample');
      const text = (await vscode.workspace.openTextDocument(sampleUri())).getText();
      for (const s of group.sentences) {
        const names = s.mentions.map(m => text.slice(m.start, m.end));
        assert.ok(names.includes('Vladimir Putin') || names.some(n => /Putin/.test(n)), names.join(' | '));
        assert.ok(
          names.some(n => /Xi|Jinping/.test(n)),
          names.join(' | '),
        );
        assert.strictEqual(s.text, text.slice(s.from, s.from + s.text.length));
        for (const m of s.mentions) {
          assert.strictEqual(index.mentionAt(docId, m.start)?.end, m.end, 'each one a mention the editor can open');
        }
      }
    } finally {
      answers.dispose();
    }
  });

  it('saveImage writes the PNG the webview sent', async () => {
    const { explorer } = await api();
    const target = vscode.Uri.file(path.join(os.tmpdir(), `corpus-lens-network-${process.pid}.png`));
    // A PNG's signature and first chunk length (its IHDR's, 13).
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0, 0, 0, 13]),
      Buffer.from('IHDR and the rest'),
    ]);
    try {
      assert.strictEqual(
        await explorer.handleMessage({ type: 'saveImage', what: 'network', base64: png.toString('base64') }, target),
        true,
      );
      assert.deepStrictEqual(fs.readFileSync(target.fsPath), png);
    } finally {
      fs.rmSync(target.fsPath, { force: true });
    }
  });
});
