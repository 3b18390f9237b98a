import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisCache, contentHash } from '../../src/core/analysisCache';
import { analyzeDocument, ANALYZER_VERSION } from '../../src/core/analyzer';

describe('analysis cache', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cache-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const text = 'Angela Merkel met Vladimir Putin in Berlin on Monday.';

  it('returns what was stored for the same text and analyzer', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    const analysis = analyzeDocument(text);
    assert.strictEqual(await cache.get(contentHash(text)), undefined);
    await cache.put(contentHash(text), analysis);
    assert.deepStrictEqual(await cache.get(contentHash(text)), analysis);
    assert.strictEqual(await cache.get(contentHash(`${text} `)), undefined);
  });

  it('misses entries of another analyzer version', async () => {
    await new AnalysisCache(dir, 'old').put(contentHash(text), analyzeDocument(text));
    assert.strictEqual(await new AnalysisCache(dir, 'new').get(contentHash(text)), undefined);
  });

  it('reports and discards a corrupt entry instead of trusting it', async () => {
    const discarded: string[] = [];
    const cache = new AnalysisCache(dir, ANALYZER_VERSION, (_file, reason) => discarded.push(reason));
    const hash = contentHash(text);
    await cache.put(hash, analyzeDocument(text));
    const file = path.join(dir, hash.slice(0, 2), `${hash}.json`);
    fs.writeFileSync(file, '{"format":1,"hash":"');
    assert.strictEqual(await cache.get(hash), undefined);
    assert.deepStrictEqual(discarded, ['not valid JSON']);
    assert.ok(!fs.existsSync(file), 'the corrupt entry is removed');
  });

  it('leaves no temporary files behind', async () => {
    const cache = new AnalysisCache(dir, ANALYZER_VERSION);
    await Promise.all(['a', 'b', 'c'].map(t => cache.put(contentHash(t), analyzeDocument(t))));
    const files = fs.readdirSync(dir, { recursive: true }).map(String);
    assert.ok(files.every(f => !f.endsWith('.tmp')), files.join(', '));
    assert.strictEqual(files.filter(f => f.endsWith('.json')).length, 3);
  });
});
