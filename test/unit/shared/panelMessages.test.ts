import * as assert from 'assert';
import { EXPORTS, EXPORT_WHATS, exportLabel, isExportFormat } from '../../../src/shared/exportFormats';
import {
  ALL_DATES,
  LIMITS,
  MAX_NETWORK_NODES,
  MAX_PNG_BASE64,
  isHostMessage,
  parseWebviewMessage,
} from '../../../src/shared/panelMessages';
import { DEFAULT_STATE, parsePanelState } from '../../../src/shared/panelState';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const reason = (message: unknown): string => {
  const parsed = parseWebviewMessage(message);
  assert.ok(!parsed.ok, `accepted ${JSON.stringify(message)}`);
  return parsed.reason;
};

describe('panel messages', () => {
  it("accepts the webview's messages as they are sent", () => {
    for (const message of [
      { type: 'ready' },
      { type: 'showMentions', entityId: 'PERSON:xi jinping' },
      { type: 'showMentions', entityId: 'PERSON:xi jinping', sort: 'R1', width: 120 },
      { type: 'exportConcordance', entityId: 'PERSON:xi jinping', sort: 'doc', width: 0 },
      { type: 'showMentions', entityId: 'PERSON:xi jinping', within: { from: '2023-02', to: '2023-02' } },
      { type: 'showMentions', entityId: ALL_DATES, sort: 'doc', width: 80, naming: '2022-12' },
      { type: 'timeline', requestId: 3, entityIds: ['PERSON:xi jinping', 'PERSON:vladimir putin'], by: 'day', of: 'documents' },
      { type: 'timeline', requestId: 4, entityIds: [], by: 'year', of: 'dates' },
      { type: 'dateRange', range: { from: '2023-01-01', to: '2023-02-28' } },
      { type: 'dateRange', range: { from: '', to: '2023' } },
      { type: 'dateRange', range: null },
      { type: 'saveImage', what: 'timeline', base64: PNG },
      { type: 'dispersion', requestId: 0, entityId: 'PERSON:xi jinping' },
      { type: 'collocates', requestId: 9, entityId: 'PERSON:xi jinping', window: 20, keepStopwords: true },
      { type: 'saveCollocates', entityId: 'PERSON:xi jinping', window: 1, keepStopwords: false },
      { type: 'saveDispersion', entityId: 'PERSON:xi jinping' },
      { type: 'showMentions', entityId: 'PERSON:xi jinping', sort: 'doc', width: 80, near: { word: 'visit', window: 5 } },
      { type: 'openMention', docId: 'file:///a.txt', start: 3, end: 3 },
      { type: 'export', what: 'entities', format: 'json', filter: { types: ['PERSON'], search: 'xi' } },
    ]) {
      assert.deepStrictEqual(parseWebviewMessage(message), { ok: true, value: message });
    }
  });

  it('refuses malformed or out-of-bounds messages, saying why', () => {
    assert.strictEqual(reason(null), 'not an object');
    assert.strictEqual(reason(['ready']), 'not an object');
    assert.match(reason({ type: 'quit' }), /unknown message type "quit"/);
    assert.strictEqual(reason({ type: 'ready', extra: 1 }), 'unexpected fields');
    assert.match(reason({ type: 'showMentions', entityId: '' }), /entityId/);
    assert.match(reason({ type: 'showMentions', entityId: 'x'.repeat(LIMITS.maxIdLength + 1) }), /entityId/);
    assert.match(reason({ type: 'openMention', docId: 'a', start: -1, end: 2 }), /non-negative integers/);
    assert.match(reason({ type: 'openMention', docId: 'a', start: 1.5, end: 2 }), /non-negative integers/);
    assert.match(reason({ type: 'openMention', docId: 'a', start: LIMITS.maxOffset + 1, end: LIMITS.maxOffset + 2 }), /non-negative/);
    assert.strictEqual(reason({ type: 'openMention', docId: 'a', start: 5, end: 2 }), 'start is after end');
    assert.match(reason({ type: 'showMentions', entityId: 'a', sort: 'R3' }), /sort must be one of doc, L1, L2, R1, R2/);
    assert.match(reason({ type: 'showMentions', entityId: 'a', width: 201 }), /width must be an integer from 0 to 200/);
    assert.match(reason({ type: 'showMentions', entityId: 'a', width: 2.5 }), /width/);
    assert.strictEqual(reason({ type: 'exportConcordance', entityId: 'a', sort: 'doc' }), 'sort and width are required');
    assert.strictEqual(reason({ type: 'exportConcordance', entityId: 'a', sort: 'doc', width: 40, path: '/tmp/x' }), 'unexpected fields');
    const timeline = { type: 'timeline', requestId: 1, entityIds: ['a'], by: 'day', of: 'documents' };
    assert.match(reason({ ...timeline, by: 'week' }), /by must be one of day, month, year/);
    assert.match(reason({ ...timeline, requestId: -1 }), /requestId/);
    assert.match(reason({ ...timeline, requestId: undefined }), /requestId/);
    assert.match(reason({ ...timeline, of: 'mentions' }), /of must be one of documents, dates/);
    assert.match(reason({ ...timeline, entityIds: [] }), /entityIds must be 1 to 6 entity ids/);
    assert.match(reason({ ...timeline, entityIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }), /entityIds/);
    assert.match(reason({ ...timeline, entityIds: [''] }), /entityIds/);
    assert.match(reason({ ...timeline, entityIds: 'a' }), /entityIds/);
    assert.strictEqual(reason({ ...timeline, entityId: 'a' }), 'unexpected fields');
    assert.match(reason({ type: 'showMentions', entityId: 'a', within: { from: '2023-03', to: '2023-02' } }), /within/);
    assert.match(reason({ type: 'showMentions', entityId: 'a', naming: '2022' }), /naming must be a period/);
    assert.match(reason({ type: 'showMentions', entityId: ALL_DATES, naming: 'last year' }), /naming/);
    assert.strictEqual(
      reason({ type: 'exportConcordance', entityId: 'a', sort: 'doc', width: 40, within: { from: '2023', to: '' } }),
      'unexpected fields',
    );
    assert.match(reason({ type: 'dateRange', range: { from: '', to: '' } }), /range must be null or/);
    assert.match(reason({ type: 'dateRange', range: { from: '2023-02-30T00:00', to: '' } }), /range/);
    assert.match(reason({ type: 'dateRange' }), /range/);
    assert.strictEqual(reason({ type: 'dateRange', range: null, path: '/tmp' }), 'unexpected fields');
    assert.match(reason({ type: 'saveImage', what: 'timeline', base64: 'R0lGODlhAQABAAAAACw=' }), /PNG in base64/);
    assert.match(reason({ type: 'saveImage', what: 'timeline', base64: `${PNG}!!!!` }), /PNG in base64/);
    assert.match(reason({ type: 'saveImage', what: 'timeline', base64: PNG + 'A'.repeat(MAX_PNG_BASE64) }), /at most/);
    assert.match(reason({ type: 'saveImage', what: '../x', base64: PNG }), /what/);
    assert.strictEqual(reason({ type: 'saveImage', what: 'timeline', base64: PNG, name: 'x.png' }), 'unexpected fields');
    assert.match(reason({ type: 'dispersion', requestId: 1.5, entityId: 'a' }), /requestId/);
    assert.strictEqual(reason({ type: 'dispersion', requestId: 1, entityId: 'a', by: 'day' }), 'unexpected fields');
    assert.match(
      reason({ type: 'collocates', requestId: 1, entityId: 'a', window: 0, keepStopwords: false }),
      /window must be an integer from 1 to 20/,
    );
    assert.match(reason({ type: 'collocates', requestId: 1, entityId: 'a', window: 21, keepStopwords: false }), /window/);
    assert.match(reason({ type: 'collocates', requestId: 1, entityId: 'a', window: 5, keepStopwords: 'no' }), /keepStopwords/);
    assert.match(reason({ type: 'saveCollocates', entityId: 'a', window: 21, keepStopwords: false }), /window/);
    assert.match(reason({ type: 'saveCollocates', entityId: '', window: 5, keepStopwords: false }), /entityId/);
    assert.strictEqual(
      reason({ type: 'saveCollocates', requestId: 1, entityId: 'a', window: 5, keepStopwords: false }),
      'unexpected fields',
    );
    assert.match(reason({ type: 'saveDispersion', entityId: 7 }), /entityId/);
    assert.match(reason({ type: 'showMentions', entityId: 'a', near: { word: '', window: 5 } }), /near must be/);
    assert.match(reason({ type: 'showMentions', entityId: 'a', near: { word: 'x', window: 0 } }), /near must be/);
    assert.match(reason({ type: 'showMentions', entityId: 'a', near: { word: 'x', window: 5, path: '/' } }), /near must be/);
    assert.strictEqual(
      reason({ type: 'exportConcordance', entityId: 'a', sort: 'doc', width: 40, near: { word: 'x', window: 5 } }),
      'unexpected fields',
    );
    assert.strictEqual(reason({ type: 'saveDispersion', entityId: 'a', path: '/etc/passwd' }), 'unexpected fields');
    const filter = { types: [], search: '' };
    assert.match(reason({ type: 'export', what: 'documents', format: 'csv', filter }), /what must be one of entities, mentions, spans/);
    assert.strictEqual(reason({ type: 'export', what: 'spans', format: 'csv', filter }), 'spans can be exported as jsonl only');
    assert.match(reason({ type: 'export', what: 'entities', format: 'csv', filter: { types: [] } }), /filter\.search/);
    assert.match(reason({ type: 'export', what: 'entities', format: 'csv', filter: { types: [1], search: '' } }), /filter\.types/);
    const tooLong = { ...filter, search: 'x'.repeat(LIMITS.maxSearchLength + 1) };
    assert.match(reason({ type: 'export', what: 'entities', format: 'csv', filter: tooLong }), /search/);
  });

  it('accepts the network messages as sent, and refuses malformed ones, saying why', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
    for (const message of [
      { type: 'network', requestId: 1, entityIds: ['PERSON:xi jinping', 'PERSON:vladimir putin'] },
      { type: 'network', requestId: 2, entityIds: [] },
      { type: 'sharedSentences', requestId: 3, a: 'PERSON:vladimir putin', b: 'PERSON:xi jinping' },
      { type: 'saveImage', what: 'network', base64: png },
    ]) {
      assert.deepStrictEqual(parseWebviewMessage(message), { ok: true, value: message });
    }
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `PERSON:p${i}`);
    assert.ok(parseWebviewMessage({ type: 'network', requestId: 1, entityIds: ids(MAX_NETWORK_NODES) }).ok);
    assert.match(reason({ type: 'network', requestId: 1, entityIds: ids(MAX_NETWORK_NODES + 1) }), /at most 300 entity ids/);
    assert.match(reason({ type: 'network', requestId: 1, entityIds: ['a', ''] }), /entityIds/);
    assert.match(reason({ type: 'network', requestId: 1, entityIds: 'a' }), /entityIds/);
    assert.match(reason({ type: 'network', entityIds: [] }), /requestId/);
    assert.strictEqual(reason({ type: 'network', requestId: 1, entityIds: [], min: 3 }), 'unexpected fields');
    assert.match(reason({ type: 'sharedSentences', requestId: 1, a: 'a' }), /a and b/);
    assert.match(reason({ type: 'sharedSentences', requestId: 1, a: 'a', b: 'x'.repeat(LIMITS.maxIdLength + 1) }), /a and b/);
    // Not a PNG, not base64, or too big.
    const gif = Buffer.from('GIF89a\0\0\0\0\0\0').toString('base64');
    for (const bad of [
      gif,
      `${png}!`,
      `${png.slice(0, -1)}`,
      'data:image/png;base64,' + png,
      42,
      `iVBORw0KGgo${'A'.repeat(MAX_PNG_BASE64)}`,
    ]) {
      assert.match(reason({ type: 'saveImage', what: 'network', base64: bad }), /PNG in base64/, String(bad).slice(0, 40));
    }
    assert.strictEqual(reason({ type: 'saveImage', what: 'network', base64: png, path: '/tmp/x.png' }), 'unexpected fields');
    assert.ok(isHostMessage({ type: 'network', requestId: 1, measure: 'log-likelihood', edges: [], total: 0 }));
    assert.ok(isHostMessage({ type: 'sharedSentences', requestId: 1, a: 'a', b: 'b', total: 0, groups: [] }));
    assert.ok(!isHostMessage({ type: 'network', requestId: 1 }));
    assert.ok(!isHostMessage({ type: 'sharedSentences', groups: [] }));
  });

  it('restores a saved state, giving anything odd its default', () => {
    assert.deepStrictEqual(parsePanelState(undefined), DEFAULT_STATE);
    const saved = {
      search: 'xi',
      hiddenTypes: ['ORG'],
      sort: 'name',
      descending: false,
      selected: 'PERSON:xi jinping',
      scrollTop: 40,
      concordanceScrollTop: 8,
      concordanceSort: 'L2',
      contextWidth: 120,
      tab: 'collocates',
      timelineBy: 'year',
      timelineOf: 'dates',
      timelinePinned: ['PERSON:vladimir putin'],
      dateRange: { from: '2023-01-01', to: '2023-02-28' },
      collocateWindow: 3,
      keepStopwords: true,
    };
    assert.deepStrictEqual(parsePanelState(saved), saved);
    // A state saved before the concordance had an order and a width gets the defaults.
    const older: Partial<typeof saved> = { ...saved };
    delete older.concordanceSort;
    delete older.contextWidth;
    delete older.tab;
    delete older.timelineBy;
    delete older.timelineOf;
    delete older.timelinePinned;
    delete older.dateRange;
    delete older.collocateWindow;
    delete older.keepStopwords;
    assert.deepStrictEqual(parsePanelState(older), {
      ...older,
      concordanceSort: 'doc',
      contextWidth: 80,
      tab: 'concordance',
      timelineBy: 'month',
      timelineOf: 'documents',
      timelinePinned: [],
      dateRange: null,
      collocateWindow: 5,
      keepStopwords: false,
    });
    assert.deepStrictEqual(
      parsePanelState({
        search: 3,
        hiddenTypes: ['ORG', 4],
        sort: 'colour',
        descending: 'yes',
        selected: '',
        scrollTop: -5,
        concordanceScrollTop: NaN,
        concordanceSort: 'R9',
        contextWidth: 1e6,
        tab: 'graph',
        timelineBy: 'week',
        timelineOf: 'names',
        timelinePinned: 'PERSON:a',
        dateRange: { from: '2023-03', to: '2023-01' },
        collocateWindow: 0,
        keepStopwords: 'yes',
      }),
      { ...DEFAULT_STATE, hiddenTypes: ['ORG'] },
    );
  });

  it("checks the host's messages lightly", () => {
    assert.ok(isHostMessage({ type: 'entities', types: [], rows: [], indexing: false }));
    assert.ok(isHostMessage({ type: 'mentions', entityId: 'a', sort: 'doc', width: 80, groups: [] }));
    assert.ok(!isHostMessage({ type: 'mentions', entityId: 'a', groups: [] }));
    assert.ok(isHostMessage({ type: 'select', entityId: 'a' }));
    assert.ok(isHostMessage({ type: 'timeline', requestId: 1, by: 'month', of: 'dates', series: [] }));
    assert.ok(!isHostMessage({ type: 'timeline', requestId: 1, by: 'week', of: 'dates', series: [] }));
    assert.ok(!isHostMessage({ type: 'timeline', requestId: 1, by: 'month', of: 'documents', points: [] }));
    assert.ok(!isHostMessage({ type: 'entities', types: [] }));
    assert.ok(!isHostMessage({ type: 'select' }));
    assert.ok(!isHostMessage('entities'));
  });
});

describe('export formats', () => {
  it('is one table: what, its formats, and their menu labels', () => {
    assert.deepStrictEqual(EXPORT_WHATS, ['entities', 'mentions', 'spans']);
    assert.deepStrictEqual(
      EXPORT_WHATS.flatMap(what => EXPORTS[what].map(format => exportLabel(what, format))),
      ['Entities (CSV)', 'Entities (JSON)', 'Mentions (CSV)', 'Spans (JSONL)'],
    );
    assert.ok(isExportFormat('entities', 'json'));
    assert.ok(!isExportFormat('mentions', 'json'));
  });
});
